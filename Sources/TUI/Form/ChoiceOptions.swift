import CallbackCore
import Localization

/// The values a choice field offers, and how it shows its current value.
public enum ChoiceOptions {
    /// Ids the field cycles through, in order.
    public static func values(of field: FieldID, in form: FormState) -> [Int] {
        switch field {
        case .ringLogic: return RingLogic.allCases.map(\.rawValue)
        case .audioKind: return Array(AudioKind.allCases.indices)
        case .ttsVoice: return VoiceCatalog.voices.map(\.id)
        case .ttsEmotion(let line):
            return VoiceCatalog.voice(id: form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID)?.emotions.map(\.id) ?? []
        case .ttsLang: return VoiceCatalog.languages.map(\.id)
        default: return []
        }
    }

    /// The value an unset (nil) choice stands for: the API's default.
    public static func defaultValue(of field: FieldID, in form: FormState) -> Int? {
        switch field {
        case .ringLogic: return RingLogic.sequential.rawValue
        case .ttsVoice: return VoiceCatalog.defaultVoiceID
        case .ttsEmotion(let line):
            return VoiceCatalog.voice(id: form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID)?.defaultEmotion
        case .ttsLang: return VoiceCatalog.languages.first?.id
        default: return nil
        }
    }

    /// The current raw value of a choice field.
    public static func current(_ field: FieldID, in form: FormState) -> Int? {
        if case .audioKind(let line) = field { return AudioKind.allCases.firstIndex(of: form.lines[line].audio.kind) }
        return form.storedChoice(of: field)
    }

    /// Sets a choice field's raw value.
    public static func set(_ value: Int?, of field: FieldID, in form: inout FormState) {
        form.clearRaw(at: field.path)
        switch field {
        case .audioKind(let line): form.lines[line].audio.kind = AudioKind.allCases[value ?? 0]
        case .ttsEmotion(let line): VoiceRules.setEmotion(value, line: line, in: &form)
        default: form.setStoredChoice(value, of: field)
        }
    }

    /// How a value reads, and whether it is the API's default.
    public static func label(of value: Int?, for field: FieldID, in form: FormState,
                             language: UILanguage = .en) -> (text: String, isDefault: Bool) {
        let russian = language == .ru
        switch field {
        case .ringLogic:
            guard let value else { return (language(.choiceSequential), true) }
            switch RingLogic(rawValue: value) {
            case .sequential?: return (language(.choiceSequential), false)
            case .parallel?: return (language(.choiceParallel), false)
            case nil: return ("\(value) (not a ring logic)", false)
            }
        case .audioKind:
            switch AudioKind.allCases[value ?? 0] {
            case .none: return (language(.choiceNone), false)
            case .recorded: return (language(.choiceRecorded), false)
            case .tts: return (language(.choiceTTS), false)
            }
        case .ttsVoice:
            let voice = VoiceCatalog.voice(id: value ?? VoiceCatalog.defaultVoiceID)
            let name = voice.map {
                russian ? "\($0.id) \($0.name) (\(VoiceCatalog.genderMark($0.gender, russian: true)))" : "\($0.id) \($0.name) (\($0.latin), \($0.gender.rawValue))"
            } ?? language(.choiceNoSuchVoice, ["id": "\(value ?? 0)"])
            return (name, value == nil)
        case .ttsEmotion(let line):
            let voice = VoiceCatalog.voice(id: form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID)
            let id = value ?? voice?.defaultEmotion ?? 1
            let offered = voice.flatMap { VoiceCatalog.label(of: $0, emotion: id, russian: russian) }
            let label = offered ?? VoiceCatalog.emotionName(id, russian: russian).map { language(.choiceNotOffered, ["name": $0]) } ?? language(.choiceNoSuchEmotion)
            return ("\(id) \(label)", value == nil)
        case .ttsLang:
            let id = value ?? VoiceCatalog.languages.first?.id ?? 1
            let name = id == 1 && russian ? language(.choiceRussian) : VoiceCatalog.language(id: id)?.name
            return ("\(id) " + (name ?? language(.choiceNoSuchLanguage)), value == nil)
        default: return ("", false)
        }
    }
}
