import CallbackCore

/// What the operator has typed, field by field. Text is kept as typed (a
/// half-typed number is still there after a restart); an empty text means
/// "leave the field out", so the API applies its default. Choice fields keep
/// the raw id, so a loaded request with an unsupported value keeps it, marked.
public struct FormState: Equatable, Sendable {
    /// `request_description`.
    public var requestDescription = ""
    /// `number_code`.
    public var numberCode = ""
    /// `callback_resource_id`.
    public var callbackResourceID = ""
    /// `duration`; empty means the default.
    public var duration = ""
    /// `line_1` and `line_2`.
    public var lines: [LineForm] = [LineForm(), LineForm()]
    /// What a loaded file held that the fields cannot say as written, by JSON path (see `FormRaw`).
    var raw: [String: String]? = nil

    /// An empty form: one empty destination per leg, every default in place.
    public init() {}
}

/// One leg in the form.
public struct LineForm: Equatable, Sendable {
    /// The destinations, in ring order.
    public var destinations: [DestinationForm] = [DestinationForm()]
    /// `ring_logic`; nil means the default (sequential).
    public var ringLogic: Int?
    /// `display_number`; empty means none.
    public var displayNumber = ""
    /// The message this leg hears.
    public var audio = AudioForm()

    /// An empty leg.
    public init() {}
}

/// One destination row.
public struct DestinationForm: Equatable, Sendable {
    /// `number`.
    public var number = ""
    /// `timeout`; empty means the default.
    public var timeout = ""

    /// Creates a row.
    public init(number: String = "", timeout: String = "") {
        self.number = number
        self.timeout = timeout
    }
}

/// Which kind of message a leg hears.
public enum AudioKind: String, Equatable, Sendable, CaseIterable {
    /// No audio object.
    case none
    /// `media_resource_id`.
    case recorded
    /// `tts`.
    case tts
}

/// The audio of a leg. Both kinds' values are kept, so switching back and
/// forth loses nothing; only the chosen kind is sent.
public struct AudioForm: Equatable, Sendable {
    /// The kind sent.
    public var kind: AudioKind = .none
    /// `media_resource_id` when recorded.
    public var mediaResourceID = ""
    /// The TTS settings when text-to-speech.
    public var tts = TTSForm()

    /// No audio.
    public init() {}
}

/// TTS settings in the form.
public struct TTSForm: Equatable, Sendable {
    /// `text`.
    public var text = ""
    /// `voice`; nil means the default voice.
    public var voice: Int?
    /// `emotion`; nil means the voice's default.
    public var emotion: Int?
    /// The emotion the operator chose that the current voice lacks: it comes back
    /// when the voice changes to one that has it (not sent).
    public var preferredEmotion: Int?
    /// `lang`; nil means the default language.
    public var lang: Int?
    /// `volume`; empty means the default.
    public var volume = ""
    /// `speed`; empty means the default.
    public var speed = ""

    /// Empty settings.
    public init() {}
}
