import CallbackCore
import Localization

/// Every focusable place of the form. Lines are 0-based (0 is `line_1`).
public enum FieldID: Hashable, Sendable, Codable {
    case requestDescription, numberCode, callbackResourceID, duration
    case destinationNumber(line: Int, index: Int)
    case destinationTimeout(line: Int, index: Int)
    case addDestination(line: Int)
    case ringLogic(line: Int)
    case displayNumber(line: Int)
    case audioKind(line: Int)
    case mediaResourceID(line: Int)
    case ttsText(line: Int)
    case ttsVoice(line: Int)
    case ttsEmotion(line: Int)
    case ttsLang(line: Int)
    case ttsVolume(line: Int)
    case ttsSpeed(line: Int)

    /// What kind of widget edits this field.
    public var kind: FieldKind {
        switch self {
        case .requestDescription, .ttsText: return .text(.free)
        case .numberCode, .callbackResourceID, .duration, .destinationTimeout, .mediaResourceID: return .text(.digits)
        case .ttsVolume: return .text(.signedDigits)
        case .ttsSpeed: return .text(.decimal)
        case .destinationNumber, .displayNumber: return .text(.phone)
        case .ringLogic, .audioKind, .ttsVoice, .ttsEmotion, .ttsLang: return .choice
        case .addDestination: return .button
        }
    }

    /// The leg this field belongs to, if any.
    public var line: Int? {
        switch self {
        case .requestDescription, .numberCode, .callbackResourceID, .duration: return nil
        case .destinationNumber(let line, _), .destinationTimeout(let line, _): return line
        case .addDestination(let line), .ringLogic(let line), .displayNumber(let line), .audioKind(let line),
             .mediaResourceID(let line), .ttsText(let line), .ttsVoice(let line), .ttsEmotion(let line), .ttsLang(let line),
             .ttsVolume(let line), .ttsSpeed(let line):
            return line
        }
    }

    /// The leg and row of a destination field (number or timeout).
    public var destination: (line: Int, index: Int)? {
        switch self {
        case .destinationNumber(let line, let index), .destinationTimeout(let line, let index): return (line, index)
        case .requestDescription, .numberCode, .callbackResourceID, .duration, .addDestination, .ringLogic, .displayNumber, .audioKind,
             .mediaResourceID, .ttsText, .ttsVoice, .ttsEmotion, .ttsLang, .ttsVolume, .ttsSpeed:
            return nil
        }
    }

    /// What a field is beyond its kind, for the keys that act on it.
    public enum Trait: Hashable, Sendable {
        /// Enter opens a picker (voice, emotion).
        case picker
        /// A destination row (number or timeout).
        case destination
        /// ← → step the value (volume, speed).
        case stepper
        /// The account's lists can fill it (number code, display number, callback resource).
        case accountList
        /// The TTS text (several rows).
        case ttsText
    }

    /// The field's traits, decided for every field in one switch: a new field does not
    /// compile until it is placed here.
    public var traits: Set<Trait> {
        switch self {
        case .requestDescription, .duration, .addDestination, .ringLogic, .audioKind, .mediaResourceID, .ttsLang: return []
        case .numberCode, .callbackResourceID, .displayNumber: return [.accountList]
        case .destinationNumber, .destinationTimeout: return [.destination]
        case .ttsText: return [.ttsText]
        case .ttsVoice, .ttsEmotion: return [.picker]
        case .ttsVolume, .ttsSpeed: return [.stepper]
        }
    }

    /// The JSON path this field writes (`line_2.destinations[3].timeout`), from the wire schema's names.
    public var path: String {
        typealias Name = WireSchema.Name
        func leg(_ line: Int, _ rest: String...) -> String { ([Name.lines[line]] + rest).joined(separator: ".") }
        func tts(_ line: Int, _ name: String) -> String { leg(line, Name.audio, Name.tts, name) }
        switch self {
        case .requestDescription: return Name.requestDescription
        case .numberCode: return Name.numberCode
        case .callbackResourceID: return Name.callbackResourceID
        case .duration: return Name.duration
        case .destinationNumber(let line, let index): return leg(line, "\(Name.destinations)[\(index)]", Name.number)
        case .destinationTimeout(let line, let index): return leg(line, "\(Name.destinations)[\(index)]", Name.timeout)
        case .addDestination(let line): return leg(line, Name.destinations)
        case .ringLogic(let line): return leg(line, Name.ringLogic)
        case .displayNumber(let line): return leg(line, Name.displayNumber)
        case .audioKind(let line): return leg(line, Name.audio)
        case .mediaResourceID(let line): return leg(line, Name.audio, Name.mediaResourceID)
        case .ttsText(let line): return tts(line, Name.text)
        case .ttsVoice(let line): return tts(line, Name.voice)
        case .ttsEmotion(let line): return tts(line, Name.emotion)
        case .ttsLang(let line): return tts(line, Name.lang)
        case .ttsVolume(let line): return tts(line, Name.volume)
        case .ttsSpeed(let line): return tts(line, Name.speed)
        }
    }

    /// The label shown beside the field, in English.
    public var label: String { label(in: .en) }

    /// How the status line names the field: lower-case in English ("ring logic"), as labelled in Russian.
    public func statusName(in language: UILanguage) -> String {
        language == .en ? label.lowercased() : label(in: language)
    }

    /// The label shown beside the field, in `language`.
    public func label(in language: UILanguage) -> String {
        switch self {
        case .requestDescription: return language(.fieldDescription)
        case .numberCode: return language(.fieldNumberCode)
        case .callbackResourceID: return language(.fieldCallbackResource)
        case .duration: return language(.fieldDuration)
        case .destinationNumber(_, let index): return language(.fieldNumber, ["index": "\(index + 1)"])
        case .destinationTimeout: return language(.fieldTimeout)
        case .addDestination: return ""
        case .ringLogic: return language(.fieldRingLogic)
        case .displayNumber: return language(.fieldDisplayNumber)
        case .audioKind: return language(.fieldAudio)
        case .mediaResourceID: return language(.fieldMediaResource)
        case .ttsText: return language(.fieldText)
        case .ttsVoice: return language(.fieldVoice)
        case .ttsEmotion: return language(.fieldEmotion)
        case .ttsLang: return language(.fieldLanguage)
        case .ttsVolume: return language(.fieldVolume)
        case .ttsSpeed: return language(.fieldSpeed)
        }
    }
}

/// The widget of a field.
public enum FieldKind: Equatable, Sendable {
    /// A one-line text field accepting `TextRule`.
    case text(TextRule)
    /// A choice among values, changed with Left/Right.
    case choice
    /// An action, activated with Enter.
    case button
}

/// What a text field accepts as the operator types.
public enum TextRule: Equatable, Sendable {
    /// Anything.
    case free
    /// 0-9 only.
    case digits
    /// 0-9 and a leading minus.
    case signedDigits
    /// 0-9 and one decimal point.
    case decimal
    /// Anything (checked by the phone rule, with a normalized form offered).
    case phone

    /// Whether `character` may be typed into such a field; nil when it may,
    /// else the message for the status line.
    public func refusal(of character: Character) -> Phrase? {
        switch self {
        case .free, .phone: return nil
        case .digits: return character.isASCII && character.isNumber ? nil : .refuseDigits
        case .signedDigits: return (character.isASCII && character.isNumber) || character == "-" ? nil : .refuseWholeNumber
        case .decimal: return (character.isASCII && character.isNumber) || character == "." || character == "," ? nil : .refuseDecimal
        }
    }
}
