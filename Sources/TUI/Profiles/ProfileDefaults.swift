import CallbackCore
import Localization

private typealias Name = WireSchema.Name

extension FormState {
    /// Fills the form's empty fields from a profile's defaults (JSON in the
    /// request's shape) and returns what was filled, by field label. A field
    /// the operator already filled is never changed.
    public mutating func applyDefaults(_ defaults: JSONValue) -> [Localized] {
        var filled: [Localized] = []
        let form = self
        func fill(_ value: JSONValue?, into keyPath: WritableKeyPath<FormState, String>, label: Localized, path: String) {
            // A field holding a value kept as loaded is not empty.
            guard let value, self[keyPath: keyPath].isEmpty, form.rawEntry(at: path) == nil else { return }
            switch value {
            case .number(let lexeme): self[keyPath: keyPath] = lexeme
            case .string(let text): self[keyPath: keyPath] = text
            default: return
            }
            filled.append(label)
        }
        fill(defaults[Name.numberCode], into: \.numberCode, label: .phrase(.filledNumberCode), path: Name.numberCode)
        fill(defaults[Name.callbackResourceID], into: \.callbackResourceID, label: .phrase(.filledCallbackResource), path: Name.callbackResourceID)
        fill(defaults[Name.duration], into: \.duration, label: .phrase(.filledDuration), path: Name.duration)
        for (index, key) in Name.lines.enumerated() {
            guard let line = defaults[key] else { continue }
            if case .string(let number)? = line[Name.displayNumber], lines[index].displayNumber.isEmpty, form.rawEntry(at: FieldID.displayNumber(line: index).path) == nil {
                lines[index].displayNumber = number
                filled.append(.phrase(.filledLineDisplay, ["line": "\(index + 1)"]))
            }
            if let audio = line[Name.audio], lines[index].audio.kind == .none, form.rawEntry(at: FieldID.audioKind(line: index).path) == nil && !form.hasRaw(below: FieldID.audioKind(line: index).path) {
                var ignored: [String] = []
                var scratch = FormState()
                scratch.load(audio, as: .audio, path: key + ".audio", line: index, index: 0, &ignored)
                var loaded = scratch.lines[index].audio
                // Keep what the operator typed for the other kind.
                if loaded.kind != .recorded { loaded.mediaResourceID = lines[index].audio.mediaResourceID }
                if loaded.kind != .tts { loaded.tts = lines[index].audio.tts }
                lines[index].audio = loaded
                filled.append(.phrase(.filledLineAudio, ["line": "\(index + 1)"]))
            }
        }
        return filled
    }
}
