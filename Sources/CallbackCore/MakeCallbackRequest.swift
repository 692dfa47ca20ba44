private typealias Name = WireSchema.Name

/// The body of `POST /call/v1/MakeCallback`. Optional fields are nil when the
/// request leaves them out: the request is sent as given, nothing added.
public struct MakeCallbackRequest: Equatable, Sendable {
    /// Client-side request id, free text.
    public var requestDescription: String?
    /// The Exolve number that places the callback.
    public var numberCode: UInt64
    /// Id of the callback resource created in the application.
    public var callbackResourceID: UInt64
    /// Max length of the bridged call, seconds (300..3600; 1800 when absent).
    public var duration: UInt32?
    /// The first leg.
    public var line1: Line
    /// The second leg.
    public var line2: Line

    /// Creates a request.
    public init(requestDescription: String? = nil, numberCode: UInt64, callbackResourceID: UInt64,
                duration: UInt32? = nil, line1: Line, line2: Line) {
        self.requestDescription = requestDescription
        self.numberCode = numberCode
        self.callbackResourceID = callbackResourceID
        self.duration = duration
        self.line1 = line1
        self.line2 = line2
    }


    /// Both legs, in order.
    public var lines: [Line] { [line1, line2] }

    /// The request as a JSON value, keys in the spec's order.
    public var jsonValue: JSONValue {
        var members: [JSONValue.Member] = []
        if let requestDescription { members.append(.init(Name.requestDescription, .string(requestDescription))) }
        members.append(.init(Name.numberCode, .number(String(numberCode))))
        members.append(.init(Name.callbackResourceID, .number(String(callbackResourceID))))
        if let duration { members.append(.init(Name.duration, .number(String(duration)))) }
        members.append(.init(Name.line1, line1.jsonValue))
        members.append(.init(Name.line2, line2.jsonValue))
        return .object(members)
    }

    /// The canonical JSON text of this request: the bytes previewed and sent.
    public func canonicalJSON(_ style: CanonicalJSON.Style = .compact) -> String {
        CanonicalJSON.string(jsonValue, style: style)
    }
}

/// How a leg rings its destinations.
public enum RingLogic: Int, Sendable, CaseIterable {
    /// One after another (the default).
    case sequential = 1
    /// All at once.
    case parallel = 2

    /// Lower-case English name.
    public var name: String { self == .sequential ? "sequential" : "parallel" }
}

/// One leg of the callback.
public struct Line: Equatable, Sendable {
    /// 1..10 subscribers, rung according to `ringLogic`.
    public var destinations: [Destination]
    /// Sequential or parallel (sequential when absent).
    public var ringLogic: RingLogic?
    /// Caller id shown to this leg's subscribers.
    public var displayNumber: String?
    /// Message played to this leg before bridging.
    public var audio: Audio?

    /// Creates a leg.
    public init(destinations: [Destination], ringLogic: RingLogic? = nil, displayNumber: String? = nil, audio: Audio? = nil) {
        self.destinations = destinations
        self.ringLogic = ringLogic
        self.displayNumber = displayNumber
        self.audio = audio
    }


    /// The leg as a JSON value, keys in the spec's order.
    public var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init(Name.destinations, .array(destinations.map(\.jsonValue)))]
        if let ringLogic { members.append(.init(Name.ringLogic, .number(String(ringLogic.rawValue)))) }
        if let displayNumber { members.append(.init(Name.displayNumber, .string(displayNumber))) }
        if let audio { members.append(.init(Name.audio, audio.jsonValue)) }
        return .object(members)
    }
}

/// A subscriber of a leg.
public struct Destination: Equatable, Sendable {
    /// Digits in international form (`79991234567`) or a SIP URI.
    public var number: String
    /// Max ringing time from call start, seconds (30 when absent).
    public var timeout: UInt32?

    /// Creates a destination.
    public init(number: String, timeout: UInt32? = nil) {
        self.number = number
        self.timeout = timeout
    }

    /// The destination as a JSON value.
    public var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init(Name.number, .string(number))]
        if let timeout { members.append(.init(Name.timeout, .number(String(timeout)))) }
        return .object(members)
    }
}

/// The message a leg hears: exactly one of a recording or synthesized speech.
public enum Audio: Equatable, Sendable {
    /// Play the pre-recorded media resource with this id.
    case media(UInt64)
    /// Synthesize this text.
    case tts(TTS)


    /// The audio as a JSON value.
    public var jsonValue: JSONValue {
        switch self {
        case .media(let id): return .object([.init(Name.mediaResourceID, .number(String(id)))])
        case .tts(let speech): return .object([.init(Name.tts, speech.jsonValue)])
        }
    }
}

/// Text-to-speech settings.
public struct TTS: Equatable, Sendable {
    /// 1..1000 characters to say.
    public var text: String
    /// Voice id from `VoiceCatalog` (1 when absent).
    public var voice: Int?
    /// Language id (1, Russian, when absent).
    public var lang: Int?
    /// Gain, -145..0 (-19 when absent).
    public var volume: Int32?
    /// Rate, 0.1..3.0 (1.0 when absent).
    public var speed: Double?
    /// Emotion id the voice supports (the voice's default when absent).
    public var emotion: Int?

    /// Creates TTS settings.
    public init(text: String, voice: Int? = nil, lang: Int? = nil, volume: Int32? = nil, speed: Double? = nil, emotion: Int? = nil) {
        self.text = text
        self.voice = voice
        self.lang = lang
        self.volume = volume
        self.speed = speed
        self.emotion = emotion
    }

    /// The voice that will speak: the given one, or the catalog's default.
    public var effectiveVoice: Int { voice ?? VoiceCatalog.defaultVoiceID }

    /// The emotion that will be used: the given one, or the voice's default.
    public var effectiveEmotion: Int? { emotion ?? VoiceCatalog.voice(id: effectiveVoice)?.defaultEmotion }

    /// The TTS object as a JSON value, keys in the spec's order.
    public var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init(Name.text, .string(text))]
        if let voice { members.append(.init(Name.voice, .number(String(voice)))) }
        if let lang { members.append(.init(Name.lang, .number(String(lang)))) }
        if let volume { members.append(.init(Name.volume, .number(String(volume)))) }
        if let speed { members.append(.init(Name.speed, .number(CanonicalJSON.number(speed)))) }
        if let emotion { members.append(.init(Name.emotion, .number(String(emotion)))) }
        return .object(members)
    }
}
