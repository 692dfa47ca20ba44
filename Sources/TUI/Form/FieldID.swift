import CallbackCore
import Localization

/// Which field of the form, without its leg or row: the key of the descriptor table.
public enum FieldSlot: CaseIterable, Sendable {
    case requestDescription, numberCode, callbackResourceID, duration
    case destinationNumber, destinationTimeout, addDestination
    case ringLogic, displayNumber, audioKind, mediaResourceID
    case ttsText, ttsVoice, ttsEmotion, ttsLang, ttsVolume, ttsSpeed
}

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

    /// Which field this is, without its leg or row.
    public var slot: FieldSlot {
        switch self {
        case .requestDescription: return .requestDescription
        case .numberCode: return .numberCode
        case .callbackResourceID: return .callbackResourceID
        case .duration: return .duration
        case .destinationNumber: return .destinationNumber
        case .destinationTimeout: return .destinationTimeout
        case .addDestination: return .addDestination
        case .ringLogic: return .ringLogic
        case .displayNumber: return .displayNumber
        case .audioKind: return .audioKind
        case .mediaResourceID: return .mediaResourceID
        case .ttsText: return .ttsText
        case .ttsVoice: return .ttsVoice
        case .ttsEmotion: return .ttsEmotion
        case .ttsLang: return .ttsLang
        case .ttsVolume: return .ttsVolume
        case .ttsSpeed: return .ttsSpeed
        }
    }

    /// The field of `slot` on leg `line`, row `index` (the inverse of `slot`, `line` and `index`).
    public init(_ slot: FieldSlot, line: Int = 0, index: Int = 0) {
        switch slot {
        case .requestDescription: self = .requestDescription
        case .numberCode: self = .numberCode
        case .callbackResourceID: self = .callbackResourceID
        case .duration: self = .duration
        case .destinationNumber: self = .destinationNumber(line: line, index: index)
        case .destinationTimeout: self = .destinationTimeout(line: line, index: index)
        case .addDestination: self = .addDestination(line: line)
        case .ringLogic: self = .ringLogic(line: line)
        case .displayNumber: self = .displayNumber(line: line)
        case .audioKind: self = .audioKind(line: line)
        case .mediaResourceID: self = .mediaResourceID(line: line)
        case .ttsText: self = .ttsText(line: line)
        case .ttsVoice: self = .ttsVoice(line: line)
        case .ttsEmotion: self = .ttsEmotion(line: line)
        case .ttsLang: self = .ttsLang(line: line)
        case .ttsVolume: self = .ttsVolume(line: line)
        case .ttsSpeed: self = .ttsSpeed(line: line)
        }
    }

    /// Everything the form knows about this field, from its one descriptor.
    public var descriptor: FieldDescriptor { FieldDescriptor.of(slot) }

    /// What kind of widget edits this field.
    public var kind: FieldKind { descriptor.kind }

    /// The field's traits.
    public var traits: Set<Trait> { descriptor.traits }

    /// The JSON path this field writes (`line_2.destinations[3].timeout`), from the wire schema's names.
    public var path: String {
        typealias Name = WireSchema.Name
        let name = descriptor.name
        switch descriptor.object {
        case .request: return name
        case .line: return "\(Name.lines[line ?? 0]).\(name)"
        case .destination: return "\(Name.lines[line ?? 0]).\(Name.destinations)[\(destination?.index ?? 0)].\(name)"
        case .audio: return "\(Name.lines[line ?? 0]).\(Name.audio).\(name)"
        case .tts: return "\(Name.lines[line ?? 0]).\(Name.audio).\(Name.tts).\(name)"
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
        guard let phrase = descriptor.label else { return "" }
        return language(phrase, ["index": "\((destination?.index ?? 0) + 1)"])
    }

    /// The status line's hint for the field, in `language`.
    public func hint(in language: UILanguage) -> String {
        language(descriptor.hint, descriptor.hintArguments)
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
        case .digits: return character.isASCIIDigit ? nil : .refuseDigits
        case .signedDigits: return character.isASCIIDigit || character == "-" ? nil : .refuseWholeNumber
        case .decimal: return character.isASCIIDigit || character == "." || character == "," ? nil : .refuseDecimal
        }
    }
}

extension FieldDescriptor {
    /// One descriptor per field, in focus order. Adding an API field: its case in `FieldSlot` and
    /// `FieldID` (above), one line here, its storage in `FormState`, its phrases in the catalog.
    public static let table: [FieldDescriptor] = {
        typealias Name = WireSchema.Name
        // Concrete, not generic: a generic value's interpolation goes through reflection, whose
        // first use costs a start-up a millisecond in a binary this size (BENCHMARKS.md, issue #32).
        func range(_ bounds: ClosedRange<Int64>) -> (min: String, max: String) { (String(bounds.lowerBound), String(bounds.upperBound)) }
        func range(_ bounds: ClosedRange<Int>) -> (min: String, max: String) { (String(bounds.lowerBound), String(bounds.upperBound)) }
        func range(_ bounds: ClosedRange<Double>) -> (min: String, max: String) { (bounds.lowerBound.description, bounds.upperBound.description) }
        return [
            FieldDescriptor(.requestDescription, .request, Name.requestDescription, .text(.free), .fieldDescription, hint: .hintDescription,
                            .requestText(.init({ $0.requestDescription }, { $0.requestDescription = $1 }))),
            FieldDescriptor(.numberCode, .request, Name.numberCode, .text(.digits), .fieldNumberCode, hint: .hintNumberCode,
                            .requestText(.init({ $0.numberCode }, { $0.numberCode = $1 })), traits: [.accountList]),
            FieldDescriptor(.callbackResourceID, .request, Name.callbackResourceID, .text(.digits), .fieldCallbackResource,
                            hint: .hintCallbackResource, .requestText(.init({ $0.callbackResourceID }, { $0.callbackResourceID = $1 })), traits: [.accountList]),
            FieldDescriptor(.duration, .request, Name.duration, .text(.digits), .fieldDuration, hint: .hintDuration, .requestText(.init({ $0.duration }, { $0.duration = $1 })),
                            range: range(Rules.duration), defaultText: String(Rules.defaultDuration), hintDefault: "\(Rules.defaultDuration)"),
            FieldDescriptor(.destinationNumber, .destination, Name.number, .text(.phone), .fieldNumber, hint: .hintNumber,
                            .destinationText(.init({ $0.number }, { $0.number = $1 })), traits: [.destination]),
            FieldDescriptor(.destinationTimeout, .destination, Name.timeout, .text(.digits), .fieldTimeout, hint: .hintTimeout,
                            .destinationText(.init({ $0.timeout }, { $0.timeout = $1 })), traits: [.destination], range: range(Rules.timeout),
                            defaultText: String(Rules.defaultTimeout), hintDefault: "\(Rules.defaultTimeout)"),
            FieldDescriptor(.addDestination, .line, Name.destinations, .button, nil, hint: .hintAddDestination, .structure,
                            range: range(Rules.destinationsPerLine)),
            FieldDescriptor(.ringLogic, .line, Name.ringLogic, .choice, .fieldRingLogic, hint: .hintRingLogic, .lineChoice(.init({ $0.ringLogic }, { $0.ringLogic = $1 }))),
            FieldDescriptor(.displayNumber, .line, Name.displayNumber, .text(.phone), .fieldDisplayNumber, hint: .hintDisplayNumber,
                            .lineText(.init({ $0.displayNumber }, { $0.displayNumber = $1 })), traits: [.accountList]),
            FieldDescriptor(.audioKind, .line, Name.audio, .choice, .fieldAudio, hint: .hintAudio, .structure),
            FieldDescriptor(.mediaResourceID, .audio, Name.mediaResourceID, .text(.digits), .fieldMediaResource, hint: .hintMediaResource,
                            .audioText(.init({ $0.mediaResourceID }, { $0.mediaResourceID = $1 })), sentWhenEmpty: true),
            FieldDescriptor(.ttsText, .tts, Name.text, .text(.free), .fieldText, hint: .hintText, .ttsText(.init({ $0.text }, { $0.text = $1 })), traits: [.ttsText],
                            range: range(Rules.ttsText), sentWhenEmpty: true),
            FieldDescriptor(.ttsVoice, .tts, Name.voice, .choice, .fieldVoice, hint: .hintVoice, .ttsChoice(.init({ $0.voice }, { $0.voice = $1 })), traits: [.picker]),
            FieldDescriptor(.ttsEmotion, .tts, Name.emotion, .choice, .fieldEmotion, hint: .hintEmotion, .ttsChoice(.init({ $0.emotion }, { $0.emotion = $1 })), traits: [.picker]),
            FieldDescriptor(.ttsLang, .tts, Name.lang, .choice, .fieldLanguage, hint: .hintLanguage, .ttsChoice(.init({ $0.lang }, { $0.lang = $1 }))),
            FieldDescriptor(.ttsVolume, .tts, Name.volume, .text(.signedDigits), .fieldVolume, hint: .hintVolume, .ttsText(.init({ $0.volume }, { $0.volume = $1 })),
                            traits: [.stepper], range: range(Rules.volume), defaultText: String(Rules.defaultVolume), hintDefault: "\(Rules.defaultVolume)"),
            FieldDescriptor(.ttsSpeed, .tts, Name.speed, .text(.decimal), .fieldSpeed, hint: .hintSpeed, .ttsText(.init({ $0.speed }, { $0.speed = $1 })), traits: [.stepper],
                            range: range(Rules.speed), defaultText: CanonicalJSON.number(Rules.defaultSpeed), hintDefault: "\(Rules.defaultSpeed)"),
        ]
    }()

}
