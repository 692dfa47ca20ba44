import CallbackCore

/// The form as its draft file holds it: one object per form value, keys named for the
/// fields (`requestDescription`, `lines`, `audio`, `tts`...), sorted, optional values left
/// out when unset. The one schema of the draft, for writing and for reading: written with
/// the one JSON writer, read with the one parser. (It was the synthesised Codable form,
/// whose decoder asked the runtime a dozen conformance questions per type, 0.6 ms of the
/// TUI's first frame, issue #32; drafts written by it read the same.)
extension FormState {
    /// The draft's JSON.
    public var draftJSON: JSONValue {
        var members: [JSONValue.Member] = [
            .init("callbackResourceID", .string(callbackResourceID)),
            .init("duration", .string(duration)),
            .init("lines", .array(lines.map(\.draftJSON))),
            .init("numberCode", .string(numberCode)),
        ]
        if let raw {
            members.append(.init("raw", .object(raw.keys.sorted().map { .init($0, .string(raw[$0]!)) })))
        }
        members.append(.init("requestDescription", .string(requestDescription)))
        return .object(members)
    }

    /// The form a draft holds; nil when `json` is not one (a key missing or of the wrong type, other than two lines).
    public init?(draft json: JSONValue) {
        guard let form = try? FormState(reading: json) else { return nil }
        self = form
    }

    private init(reading json: JSONValue) throws(Draft.Malformed) {
        let items = try Draft.array(json, "lines")
        guard items.count == 2 else { throw Draft.Malformed() }
        var raw: [String: String]? = nil
        switch json["raw"] {
        case nil, .null?: break
        case .object(let members)?:
            var values: [String: String] = [:]
            for member in members {
                guard case .string(let value) = member.value else { throw Draft.Malformed() }
                values[member.key] = value
            }
            raw = values
        default: throw Draft.Malformed()
        }
        self.init()
        callbackResourceID = try Draft.text(json, "callbackResourceID")
        duration = try Draft.text(json, "duration")
        numberCode = try Draft.text(json, "numberCode")
        requestDescription = try Draft.text(json, "requestDescription")
        lines = []
        for item in items { lines.append(try LineForm(draft: item)) }
        self.raw = raw
    }
}

extension LineForm {
    var draftJSON: JSONValue {
        var members: [JSONValue.Member] = [
            .init("audio", audio.draftJSON),
            .init("destinations", .array(destinations.map { .object([.init("number", .string($0.number)), .init("timeout", .string($0.timeout))]) })),
            .init("displayNumber", .string(displayNumber)),
        ]
        if let ringLogic { members.append(.init("ringLogic", .number(String(ringLogic)))) }
        return .object(members)
    }

    init(draft json: JSONValue) throws(Draft.Malformed) {
        self.init()
        destinations = []
        for row in try Draft.array(json, "destinations") {
            destinations.append(DestinationForm(number: try Draft.text(row, "number"), timeout: try Draft.text(row, "timeout")))
        }
        displayNumber = try Draft.text(json, "displayNumber")
        audio = try AudioForm(draft: json["audio"] ?? .null)
        ringLogic = try Draft.integer(json, "ringLogic")
    }
}

extension AudioForm {
    var draftJSON: JSONValue {
        .object([.init("kind", .string(kind.rawValue)), .init("mediaResourceID", .string(mediaResourceID)), .init("tts", tts.draftJSON)])
    }

    init(draft json: JSONValue) throws(Draft.Malformed) {
        guard let kind = AudioKind(rawValue: try Draft.text(json, "kind")) else { throw Draft.Malformed() }
        self.init()
        self.kind = kind
        mediaResourceID = try Draft.text(json, "mediaResourceID")
        tts = try TTSForm(draft: json["tts"] ?? .null)
    }
}

extension TTSForm {
    var draftJSON: JSONValue {
        var members: [JSONValue.Member] = []
        for (key, value) in [("emotion", emotion), ("lang", lang), ("preferredEmotion", preferredEmotion)] {
            if let value { members.append(.init(key, .number(String(value)))) }
        }
        members.append(.init("speed", .string(speed)))
        members.append(.init("text", .string(text)))
        if let voice { members.append(.init("voice", .number(String(voice)))) }
        members.append(.init("volume", .string(volume)))
        return .object(members)
    }

    init(draft json: JSONValue) throws(Draft.Malformed) {
        self.init()
        text = try Draft.text(json, "text")
        volume = try Draft.text(json, "volume")
        speed = try Draft.text(json, "speed")
        voice = try Draft.integer(json, "voice")
        emotion = try Draft.integer(json, "emotion")
        preferredEmotion = try Draft.integer(json, "preferredEmotion")
        lang = try Draft.integer(json, "lang")
    }
}

/// Reading a draft's members: each missing or mistyped one makes the file not a draft.
enum Draft {
    /// The file is not a draft this exocall wrote.
    struct Malformed: Error {}

    /// The string member `key`.
    static func text(_ json: JSONValue, _ key: String) throws(Malformed) -> String {
        guard case .string(let value)? = json[key] else { throw Malformed() }
        return value
    }

    /// The array member `key`.
    static func array(_ json: JSONValue, _ key: String) throws(Malformed) -> [JSONValue] {
        guard case .array(let items)? = json[key] else { throw Malformed() }
        return items
    }

    /// An optional whole-number member: nil when absent or null.
    static func integer(_ json: JSONValue, _ key: String) throws(Malformed) -> Int? {
        switch json[key] {
        case nil, .null?: return nil
        case .number(let lexeme)?:
            guard let value = Int(lexeme) else { throw Malformed() }
            return value
        default: throw Malformed()
        }
    }
}
