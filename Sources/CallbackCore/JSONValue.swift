import Localization

/// A JSON document as parsed, keeping what `Foundation.JSONSerialization` loses:
/// the order of object keys, the exact text of each number (so a uint64 above
/// 2^53 survives), and where each value stood in the source (for messages).
public indirect enum JSONValue: Equatable, Sendable {
    /// An object; keys keep their order of appearance, duplicates included.
    case object([Member])
    /// An array.
    case array([JSONValue])
    /// A string, unescaped.
    case string(String)
    /// A number, as the exact lexeme written (`74999999999`, `1.10`, `-19`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// One `"key": value` pair of an object.
    public struct Member: Equatable, Sendable {
        /// The key, unescaped.
        public var key: String
        /// The value.
        public var value: JSONValue
        /// Creates a member.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The member named `key` of an object (the last one if repeated), else nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The name of the value's JSON type in the operator's language.
    public var typeLabel: Localized {
        switch self {
        case .object: return .phrase(.typeObject)
        case .array: return .phrase(.typeArray)
        case .string: return .phrase(.typeString)
        case .number: return .phrase(.typeNumber)
        case .bool: return .phrase(.typeBoolean)
        case .null: return .phrase(.typeNull)
        }
    }

    /// The value as an operator would read it in a message: strings quoted,
    /// long values shortened, containers summarised.
    public var shortDescription: String {
        switch self {
        case .object(let members): return members.isEmpty ? "{}" : "an object"
        case .array(let items): return items.isEmpty ? "[]" : "an array of \(items.count)"
        case .string(let text):
            let clipped = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return CanonicalJSON.quote(clipped)
        case .number(let lexeme): return lexeme
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
