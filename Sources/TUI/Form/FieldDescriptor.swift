import CallbackCore
import Localization

/// Where a field keeps its value in `FormState`.
public enum FieldStorage: Sendable {
    /// Text of the request.
    case requestText(WritableKeyPath<FormState, String> & Sendable)
    /// Text of a leg.
    case lineText(WritableKeyPath<LineForm, String> & Sendable)
    /// A choice of a leg.
    case lineChoice(WritableKeyPath<LineForm, Int?> & Sendable)
    /// Text of a destination row.
    case destinationText(WritableKeyPath<DestinationForm, String> & Sendable)
    /// Text of a leg's audio.
    case audioText(WritableKeyPath<AudioForm, String> & Sendable)
    /// Text of a leg's TTS.
    case ttsText(WritableKeyPath<TTSForm, String> & Sendable)
    /// A choice of a leg's TTS.
    case ttsChoice(WritableKeyPath<TTSForm, Int?> & Sendable)
    /// Not a value: a button, or the audio kind (which picks the object).
    case structure
}

/// One form field, described once: where it goes on the wire (its object and name
/// in `WireSchema`, whose type says how it is written), how it is edited, its label
/// and hint, its default, its traits (which decide what Enter, ← → and PgUp/PgDn do
/// there, through `KeyCondition`), and where the form keeps it. The focus order, the
/// rows, the JSON in and out, text access and the status line's hint derive from the
/// table, in its order (the focus order).
public struct FieldDescriptor: Sendable {
    /// Which field.
    public let slot: FieldSlot
    /// The wire object it belongs to.
    public let object: WireObject
    /// Its name in that object.
    public let name: String
    /// How it is edited.
    public let kind: FieldKind
    /// Its label (nil: none, a button).
    public let label: Phrase?
    /// The status line's hint.
    public let hint: Phrase
    /// The hint's placeholders (range and default).
    public let hintArguments: [String: String]
    /// What the keys see in it.
    public let traits: Set<FieldID.Trait>
    /// Where the form keeps it.
    public let storage: FieldStorage
    /// The default an empty field stands for, shown in it.
    public let defaultText: String?
    /// Sent even when empty (so the validator names it where it belongs: the TTS text, a recording's id).
    public let sentWhenEmpty: Bool
    /// Whether the wire schema says a form showing it must have it filled (required, or the
    /// chosen one of a oneOf): read once here, not by walking its path on every frame.
    public let mustBeFilled: Bool

    init(_ slot: FieldSlot, _ object: WireObject, _ name: String, _ kind: FieldKind, _ label: Phrase?, hint: Phrase,
         _ storage: FieldStorage, traits: Set<FieldID.Trait> = [], range: (min: String, max: String)? = nil,
         defaultText: String? = nil, hintDefault: String? = nil, sentWhenEmpty: Bool = false) {
        self.slot = slot
        self.object = object
        self.name = name
        self.kind = kind
        self.label = label
        self.hint = hint
        var arguments: [String: String] = [:]
        if let range { arguments = ["min": range.min, "max": range.max] }
        if let hintDefault { arguments["default"] = hintDefault }
        self.traits = traits
        self.storage = storage
        self.defaultText = defaultText
        self.sentWhenEmpty = sentWhenEmpty
        self.hintArguments = arguments
        mustBeFilled = WireSchema.fields(of: object).first { $0.name == name }?.mustBeFilled ?? false
    }

    private static let bySlot: [FieldSlot: FieldDescriptor] = Dictionary(uniqueKeysWithValues: table.map { ($0.slot, $0) })

    /// The descriptor of `slot`.
    public static func of(_ slot: FieldSlot) -> FieldDescriptor { bySlot[slot]! }

    /// The descriptor of the field named `name` in wire object `object`, if the form has one
    /// (JSON out and JSON in both look fields up this way).
    static func at(_ object: WireObject, _ name: String) -> FieldDescriptor? {
        table.first { $0.object == object && $0.name == name }
    }
}
