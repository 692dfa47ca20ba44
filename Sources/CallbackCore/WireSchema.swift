/// The MakeCallback request's shape, declared once: each object's fields with
/// their JSON name, type and whether they are required. The validator's known
/// fields, the typed request's JSON, the form's paths, loading and saving,
/// `--set` and profile defaults all read it. Adding a field to the API means
/// adding it here (and its rule to `RequestValidator`).
public enum WireSchema {
    /// The JSON names of the fields: the only place they are spelled.
    public enum Name {
        public static let requestDescription = "request_description"
        public static let numberCode = "number_code"
        public static let callbackResourceID = "callback_resource_id"
        public static let duration = "duration"
        public static let line1 = "line_1"
        public static let line2 = "line_2"
        public static let destinations = "destinations"
        public static let ringLogic = "ring_logic"
        public static let displayNumber = "display_number"
        public static let audio = "audio"
        public static let number = "number"
        public static let timeout = "timeout"
        public static let mediaResourceID = "media_resource_id"
        public static let tts = "tts"
        public static let text = "text"
        public static let voice = "voice"
        public static let lang = "lang"
        public static let volume = "volume"
        public static let speed = "speed"
        public static let emotion = "emotion"

        /// The two legs' names, in order (`line_1`, `line_2`).
        public static let lines = [line1, line2]
    }

    /// Every object's fields, in the spec's order.
    public static func fields(of object: WireObject) -> [WireField] {
        switch object {
        case .request:
            return [WireField(Name.requestDescription, .string), WireField(Name.numberCode, .uint64, .required),
                    WireField(Name.callbackResourceID, .uint64, .required), WireField(Name.duration, .uint32),
                    WireField(Name.line1, .object(.line), .required), WireField(Name.line2, .object(.line), .required)]
        case .line:
            return [WireField(Name.destinations, .array(.destination), .required), WireField(Name.ringLogic, .enumeration),
                    WireField(Name.displayNumber, .string), WireField(Name.audio, .object(.audio))]
        case .destination:
            return [WireField(Name.number, .string, .required), WireField(Name.timeout, .uint32)]
        case .audio:
            return [WireField(Name.mediaResourceID, .uint64, .oneOf), WireField(Name.tts, .object(.tts), .oneOf)]
        case .tts:
            return [WireField(Name.text, .string, .required), WireField(Name.voice, .enumeration), WireField(Name.lang, .enumeration),
                    WireField(Name.volume, .int32), WireField(Name.speed, .float), WireField(Name.emotion, .enumeration)]
        }
    }

    /// The field names an object takes, in order.
    public static func names(of object: WireObject) -> [String] { fields(of: object).map(\.name) }

    /// The field at a JSON path (`line_2.destinations[0].timeout`), if the schema has one there.
    public static func field(at path: String) -> WireField? {
        guard let parsed = JSONPath(parsing: path) else { return nil }
        var object = WireObject.request
        var found: WireField? = nil
        var inArray = false
        for component in parsed.components {
            switch component {
            case .index:
                guard inArray else { return nil }
                inArray = false
            case .key(let key):
                guard found == nil || found?.type.object != nil, !inArray else { return nil }
                if let current = found, let next = current.type.object { object = next }
                guard let field = fields(of: object).first(where: { $0.name == key }) else { return nil }
                found = field
                if case .array = field.type { inArray = true }
            }
        }
        return found
    }

    /// Names of every field whose value is a JSON number, in any object.
    public static let numericNames: Set<String> = Set(WireObject.allCases.flatMap(fields(of:)).filter(\.type.isNumber).map(\.name))
}

/// The objects of the request.
public enum WireObject: String, CaseIterable, Sendable {
    case request, line, destination, audio, tts
}

/// A field's type on the wire.
public enum WireType: Equatable, Sendable {
    case string, uint64, uint32, int32, float
    /// A number from a fixed set (ring logic, voice, language, emotion).
    case enumeration
    case object(WireObject)
    case array(WireObject)

    /// Whether values are JSON numbers.
    public var isNumber: Bool {
        switch self {
        case .uint64, .uint32, .int32, .float, .enumeration: return true
        case .string, .object, .array: return false
        }
    }

    /// The object this field holds (itself or as array elements).
    public var object: WireObject? {
        switch self {
        case .object(let object), .array(let object): return object
        default: return nil
        }
    }
}

/// One field of a request object.
public struct WireField: Equatable, Sendable {
    /// Whether a field must be given.
    public enum Requirement: Equatable, Sendable {
        case optional
        case required
        /// Exactly one of the object's `oneOf` fields (audio: a recording or TTS).
        case oneOf
    }

    /// The JSON name.
    public let name: String
    /// The JSON type.
    public let type: WireType
    /// Whether it must be given.
    public let requirement: Requirement

    /// Declares a field.
    public init(_ name: String, _ type: WireType, _ requirement: Requirement = .optional) {
        self.name = name
        self.type = type
        self.requirement = requirement
    }

    /// Whether a form showing this field must have it filled (required, or the chosen one of a oneOf).
    public var mustBeFilled: Bool { requirement != .optional }
}
