import CallbackCore
import Localization

private typealias Name = WireSchema.Name

/// A field a profile's defaults can fill: where the default sits in the defaults
/// JSON, where the form keeps it, and how the status line names it.
private struct DefaultField: Sendable {
    let path: String
    let value: @Sendable (JSONValue) -> JSONValue?
    let text: WritableKeyPath<FormState, String> & Sendable
    let label: Localized

    /// Every such field, once: filling and replacing both read this list.
    static let all: [DefaultField] = {
        var fields = [
            DefaultField(path: Name.numberCode, value: { $0[Name.numberCode] }, text: \.numberCode, label: .phrase(.filledNumberCode)),
            DefaultField(path: Name.callbackResourceID, value: { $0[Name.callbackResourceID] }, text: \.callbackResourceID,
                         label: .phrase(.filledCallbackResource)),
            DefaultField(path: Name.duration, value: { $0[Name.duration] }, text: \.duration, label: .phrase(.filledDuration)),
        ]
        for (index, key) in Name.lines.enumerated() {
            fields.append(DefaultField(path: FieldID.displayNumber(line: index).path, value: { $0[key]?[Name.displayNumber] },
                                       text: \.lines[index].displayNumber, label: .phrase(.filledLineDisplay, ["line": "\(index + 1)"])))
        }
        return fields
    }()

    /// The default as field text (a number or a string), if the defaults have one.
    func text(in defaults: JSONValue) -> String? {
        switch value(defaults) {
        case .number(let lexeme)?: return lexeme
        case .string(let text)?: return text
        default: return nil
        }
    }
}

extension FormState {
    /// Fills the form's empty fields from a profile's defaults (JSON in the
    /// request's shape) and returns what was filled, by field label. A field
    /// the operator already filled is never changed.
    public mutating func applyDefaults(_ defaults: JSONValue) -> [Localized] {
        var filled: [Localized] = []
        let form = self
        for field in DefaultField.all {
            // A field holding a value kept as loaded is not empty.
            guard let text = field.text(in: defaults), self[keyPath: field.text].isEmpty, form.rawEntry(at: field.path) == nil else { continue }
            self[keyPath: field.text] = text
            filled.append(field.label)
        }
        for (index, key) in Name.lines.enumerated() {
            let kindPath = FieldID.audioKind(line: index).path
            guard let audio = defaults[key]?[Name.audio], lines[index].audio.kind == .none,
                  form.rawEntry(at: kindPath) == nil && !form.hasRaw(below: kindPath) else { continue }
            var loaded = Self.audio(audio, line: index)
            // Keep what the operator typed for the other kind.
            if loaded.kind != .recorded { loaded.mediaResourceID = lines[index].audio.mediaResourceID }
            if loaded.kind != .tts { loaded.tts = lines[index].audio.tts }
            lines[index].audio = loaded
            filled.append(.phrase(.filledLineAudio, ["line": "\(index + 1)"]))
        }
        return filled
    }

    /// Empties every field that still holds what the profile `old` put there (so a
    /// switch to another profile leaves none of it behind) and returns them, by label.
    /// What the operator typed over a default is theirs, and stays.
    public mutating func removeDefaults(_ old: JSONValue) -> [Localized] {
        var removed: [Localized] = []
        for field in DefaultField.all {
            guard let text = field.text(in: old), !text.isEmpty, self[keyPath: field.text] == text, rawEntry(at: field.path) == nil else { continue }
            self[keyPath: field.text] = ""
            removed.append(field.label)
        }
        for (index, key) in Name.lines.enumerated() {
            guard let audio = old[key]?[Name.audio] else { continue }
            let given = Self.audio(audio, line: index)
            var current = lines[index].audio
            current.tts.preferredEmotion = nil
            let same = current.kind == given.kind
                && (given.kind == .tts ? current.tts == given.tts : current.mediaResourceID == given.mediaResourceID)
            guard given.kind != .none, same else { continue }
            lines[index].audio = AudioForm()
            removed.append(.phrase(.filledLineAudio, ["line": "\(index + 1)"]))
        }
        return removed
    }

    /// A profile's audio default for leg `line`, read as the form reads a request.
    private static func audio(_ json: JSONValue, line: Int) -> AudioForm {
        var ignored: [String] = []
        var scratch = FormState()
        scratch.load(json, as: .audio, path: Name.lines[line] + ".audio", line: line, index: 0, &ignored)
        return scratch.lines[line].audio
    }
}
