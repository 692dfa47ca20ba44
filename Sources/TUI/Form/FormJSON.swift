import CallbackCore
import FoundationEssentials
import Glibc
import Localization

private typealias Name = WireSchema.Name

extension FormState {
    /// The request this form describes, as JSON in the spec's order: the
    /// preview shows it, the validator judges it, and when valid it is what is
    /// sent. Empty optional fields are left out (the API applies its default);
    /// an empty required field is left out too, so the validator says "required".
    public var jsonValue: JSONValue { applyingRaw(to: fieldsJSON) }

    /// The request the fields alone describe: the wire schema gives the order and
    /// each value's type, the descriptor table where the form keeps it.
    var fieldsJSON: JSONValue { .object(members(of: .request, line: 0, index: 0)) }

    /// The members of one object of the request.
    private func members(of object: WireObject, line: Int, index: Int) -> [JSONValue.Member] {
        let audio = lines[line].audio.kind
        return WireSchema.fields(of: object).compactMap { field in
            let value: JSONValue?
            switch field.type {
            case .object(.line):
                let leg = Name.lines.firstIndex(of: field.name) ?? 0
                value = .object(members(of: .line, line: leg, index: 0))
            case .array(.destination):
                value = .array(lines[line].destinations.indices.map { .object(members(of: .destination, line: line, index: $0)) })
            case .object(.audio):
                value = audio == .none ? nil : .object(members(of: .audio, line: line, index: 0))
            case .object(.tts):
                value = audio == .tts ? .object(members(of: .tts, line: line, index: 0)) : nil
            case .object, .array:
                value = nil
            case .string, .uint64, .uint32, .int32, .float, .enumeration:
                // A recording's fields go out only when the leg plays a recording.
                if object == .audio && audio != .recorded { return nil }
                value = scalar(of: object, field, line: line, index: index)
            }
            return value.map { JSONValue.Member(field.name, $0) }
        }
    }

    /// A scalar field's value as its wire type wants it, nil when it is left out.
    private func scalar(of object: WireObject, _ field: WireField, line: Int, index: Int) -> JSONValue? {
        guard let descriptor = FieldDescriptor.at(object, field.name) else { return nil }
        let id = FieldID(descriptor.slot, line: line, index: index)
        if case .choice = descriptor.kind { return storedChoice(of: id).map { .number(String($0)) } }
        let text = self.text(of: id)
        let empty: JSONValue? = descriptor.sentWhenEmpty ? .string("") : nil
        switch field.type {
        case .string: return text.isEmpty ? empty : .string(text)
        case .float: return Self.decimal(text) ?? empty
        case .uint64, .uint32, .int32, .enumeration: return Self.integer(text) ?? empty
        case .object, .array: return nil
        }
    }

    /// A typed whole number as a JSON number (leading zeros dropped), a
    /// non-number as a string (so the validator names what was typed), nil when empty.
    static func integer(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        let negative = trimmed.hasPrefix("-")
        let digits = negative ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return .string(text) }
        var stripped = digits.drop { $0 == "0" }
        if stripped.isEmpty { stripped = "0" }
        // String + String: a Substring added to a String went through the standard library's
        // unspecialized append, a character at a time (60,000 instructions a number).
        return .number((negative && stripped != "0" ? "-" : "") + String(stripped))
    }

    /// A typed decimal with a comma read as its point (`1,1` is `1.1`): the one place that says so.
    static func decimalPoint(_ text: String) -> String {
        text.contains(",") ? String(text.map { $0 == "," ? "." : $0 }) : text
    }

    /// A typed decimal (a comma read as a point) as a JSON number, else a string; nil when empty.
    static func decimal(_ text: String) -> JSONValue? {
        let trimmed = decimalPoint(text.trimmingSpaces())
        guard !trimmed.isEmpty else { return nil }
        guard let value = Double(trimmed), value.isFinite, !trimmed.hasSuffix("."), !trimmed.hasPrefix(".") else { return .string(text) }
        return .number(CanonicalJSON.number(value))
    }
}
