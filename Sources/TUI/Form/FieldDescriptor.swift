import CallbackCore
import Localization

/// Where a field keeps its value in `FormState`.
public enum FieldStorage: Sendable {
    /// Text of the request.
    case requestText(Access<FormState, String>)
    /// Text of a leg.
    case lineText(Access<LineForm, String>)
    /// A choice of a leg.
    case lineChoice(Access<LineForm, Int?>)
    /// Text of a destination row.
    case destinationText(Access<DestinationForm, String>)
    /// Text of a leg's audio.
    case audioText(Access<AudioForm, String>)
    /// Text of a leg's TTS.
    case ttsText(Access<TTSForm, String>)
    /// A choice of a leg's TTS.
    case ttsChoice(Access<TTSForm, Int?>)
    /// Not a value: a button, or the audio kind (which picks the object).
    case structure

    /// One stored property of the form's values, read and written: what a `WritableKeyPath` does,
    /// without its cost at start. Each key path is an object the runtime builds at its first use,
    /// with a class of its own for each root and value (`WritableKeyPath<LineForm, String>`...);
    /// the table's fifteen made 21 classes before the first frame (issue #32, BENCHMARKS.md).
    public struct Access<Root, Value>: Sendable {
        /// Reads the value.
        public let get: @Sendable (Root) -> Value
        /// Writes the value.
        public let set: @Sendable (inout Root, Value) -> Void

        /// The property `get` reads and `set` writes.
        public init(_ get: @escaping @Sendable (Root) -> Value, _ set: @escaping @Sendable (inout Root, Value) -> Void) {
            self.get = get
            self.set = set
        }
    }
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
