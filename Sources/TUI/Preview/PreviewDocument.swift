import CallbackCore

/// The preview's text: the canonical pretty JSON of the form, as lines of
/// coloured tokens, each line tagged with the JSON path it shows (so the
/// focused field's line can be found). Joined, the lines are byte for byte
/// `CanonicalJSON.string(json, style: .pretty)`.
public struct PreviewDocument: Equatable, Sendable {
    /// One coloured run of text.
    public struct Token: Equatable, Sendable {
        /// The text.
        public var text: String
        /// Its colour role.
        public var role: Role
    }

    /// One line.
    public struct Line: Equatable, Sendable {
        /// Tokens, indentation included.
        public var tokens: [Token]
        /// The JSON path of the value this line belongs to ("" for the root).
        public var path: String

        /// The line's text.
        public var text: String { tokens.map(\.text).joined() }
    }

    /// The lines.
    public private(set) var lines: [Line] = []

    /// Lays out `json`.
    public init(_ json: JSONValue) {
        var builder = Builder()
        builder.value(json, path: "", indent: 0, prefix: [], suffix: [])
        lines = builder.lines
    }

    /// The index of the first line showing `path` or something inside it.
    public func line(for path: String) -> Int? {
        if let exact = lines.firstIndex(where: { $0.path == path }) { return exact }
        // An absent value: fall back to its nearest present parent.
        var parent = path
        while let cut = parent.lastIndex(where: { $0 == "." || $0 == "[" }) {
            parent = String(parent[..<cut])
            if let found = lines.firstIndex(where: { $0.path == parent }) { return found }
        }
        return nil
    }

    /// The whole text, lines joined with newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Builds the lines with one token array per line (a keystroke rebuilds the whole
    /// document: joined arrays and interpolated paths were half its cost, issue #32).
    private struct Builder {
        var lines: [Line] = []

        /// A line of `pad`, `prefix`, `middle` and `suffix`.
        mutating func line(_ pad: Token, _ prefix: [Token], _ middle: Token, _ suffix: [Token], path: String) {
            var tokens: [Token] = []
            tokens.reserveCapacity(2 + prefix.count + suffix.count)
            tokens.append(pad)
            tokens.append(contentsOf: prefix)
            tokens.append(middle)
            tokens.append(contentsOf: suffix)
            lines.append(Line(tokens: tokens, path: path))
        }

        mutating func value(_ value: JSONValue, path: String, indent: Int, prefix: [Token], suffix: [Token]) {
            let pad = Token(text: String(repeating: " ", count: indent * 2), role: .jsonPunctuation)
            switch value {
            case .object(let members) where !members.isEmpty:
                let comma = [Token(text: ",", role: .jsonPunctuation)]
                line(pad, prefix, Token(text: "{", role: .jsonPunctuation), [], path: path)
                for (offset, member) in members.enumerated() {
                    let childPath = path.isEmpty ? member.key : path + "." + member.key
                    let key = [Token(text: CanonicalJSON.quote(member.key), role: .jsonKey), Token(text: ": ", role: .jsonPunctuation)]
                    self.value(member.value, path: childPath, indent: indent + 1, prefix: key, suffix: offset < members.count - 1 ? comma : [])
                }
                line(pad, [], Token(text: "}", role: .jsonPunctuation), suffix, path: path)
            case .array(let items) where !items.isEmpty:
                let comma = [Token(text: ",", role: .jsonPunctuation)]
                line(pad, prefix, Token(text: "[", role: .jsonPunctuation), [], path: path)
                for (offset, item) in items.enumerated() {
                    self.value(item, path: path + "[" + String(offset) + "]", indent: indent + 1, prefix: [],
                               suffix: offset < items.count - 1 ? comma : [])
                }
                line(pad, [], Token(text: "]", role: .jsonPunctuation), suffix, path: path)
            default:
                let token: Token
                switch value {
                case .string(let text): token = Token(text: CanonicalJSON.quote(text), role: .jsonString)
                case .number(let lexeme): token = Token(text: lexeme, role: .jsonNumber)
                case .bool(let flag): token = Token(text: flag ? "true" : "false", role: .jsonBool)
                case .null: token = Token(text: "null", role: .jsonNull)
                case .object: token = Token(text: "{}", role: .jsonPunctuation)
                case .array: token = Token(text: "[]", role: .jsonPunctuation)
                }
                line(pad, prefix, token, suffix, path: path)
            }
        }
    }
}
