import CallbackCore
import Foundation

private typealias Name = WireSchema.Name

extension FormState {
    /// The request this form describes, as JSON in the spec's order: the
    /// preview shows it, the validator judges it, and when valid it is what is
    /// sent. Empty optional fields are left out (the API applies its default);
    /// an empty required field is left out too, so the validator says "required".
    public var jsonValue: JSONValue { applyingRaw(to: fieldsJSON) }

    /// The request the fields alone describe.
    var fieldsJSON: JSONValue {
        var members: [JSONValue.Member] = []
        if !requestDescription.isEmpty { members.append(.init(Name.requestDescription, .string(requestDescription))) }
        if let value = Self.integer(numberCode) { members.append(.init(Name.numberCode, value)) }
        if let value = Self.integer(callbackResourceID) { members.append(.init(Name.callbackResourceID, value)) }
        if let value = Self.integer(duration) { members.append(.init(Name.duration, value)) }
        for (index, line) in lines.enumerated() { members.append(.init(Name.lines[index], line.jsonValue)) }
        return .object(members)
    }

    /// A typed whole number as a JSON number (leading zeros dropped), a
    /// non-number as a string (so the validator names what was typed), nil when empty.
    static func integer(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let negative = trimmed.hasPrefix("-")
        let digits = negative ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .string(text) }
        var stripped = digits.drop { $0 == "0" }
        if stripped.isEmpty { stripped = "0" }
        return .number((negative && stripped != "0" ? "-" : "") + stripped)
    }

    /// A typed decimal (a comma read as a point) as a JSON number, else a string; nil when empty.
    static func decimal(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !trimmed.isEmpty else { return nil }
        guard let value = Double(trimmed), value.isFinite, !trimmed.hasSuffix("."), !trimmed.hasPrefix(".") else { return .string(text) }
        return .number(CanonicalJSON.number(value))
    }
}

extension LineForm {
    /// The leg as JSON.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init(Name.destinations, .array(destinations.map(\.jsonValue)))]
        if let ringLogic { members.append(.init(Name.ringLogic, .number(String(ringLogic)))) }
        if !displayNumber.isEmpty { members.append(.init(Name.displayNumber, .string(displayNumber))) }
        switch audio.kind {
        case .none: break
        case .recorded:
            members.append(.init(Name.audio, .object([.init(Name.mediaResourceID, FormState.integer(audio.mediaResourceID) ?? .string(""))])))
        case .tts:
            members.append(.init(Name.audio, .object([.init(Name.tts, audio.tts.jsonValue)])))
        }
        return .object(members)
    }
}

extension DestinationForm {
    /// The destination as JSON.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = []
        if !number.isEmpty { members.append(.init(Name.number, .string(number))) }
        if let value = FormState.integer(timeout) { members.append(.init(Name.timeout, value)) }
        return .object(members)
    }
}

extension TTSForm {
    /// The TTS settings as JSON.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init(Name.text, .string(text))]
        if let voice { members.append(.init(Name.voice, .number(String(voice)))) }
        if let lang { members.append(.init(Name.lang, .number(String(lang)))) }
        if let value = FormState.integer(volume) { members.append(.init(Name.volume, value)) }
        if let value = FormState.decimal(speed) { members.append(.init(Name.speed, value)) }
        if let emotion { members.append(.init(Name.emotion, .number(String(emotion)))) }
        return .object(members)
    }
}
