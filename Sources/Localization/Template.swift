/// A catalog entry's text with its placeholders: `{name}` is replaced by the
/// argument `name`; `{name|form|form…}` picks a form by the number in `name`
/// (the plural rule of `Plural`). Everything else is literal.
public struct Template: Sendable, Equatable {
    /// The text as written in the catalog.
    public let source: String

    /// Wraps catalog text.
    public init(_ source: String) { self.source = source }

    /// One piece of a template.
    enum Piece: Equatable {
        case literal(String)
        case value(String)
        case plural(String, [String])
    }

    /// The template's pieces.
    var pieces: [Piece] {
        // Braces are ASCII, so the text is cut at their bytes: no character-by-character
        // copy (a frame renders dozens of phrases, issue #32).
        var result: [Piece] = []
        let bytes = source.utf8
        var literalStart = bytes.startIndex
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if literalStart < open { result.append(.literal(String(source[literalStart..<open]))) }
            let inside = source[bytes.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            result.append(parts.count == 1 ? .value(parts[0]) : .plural(parts[0], Array(parts.dropFirst())))
            index = bytes.index(after: close)
            literalStart = index
        }
        if literalStart < bytes.endIndex { result.append(.literal(String(source[literalStart...]))) }
        return result
    }

    /// The names of the placeholders, each once, plural ones included.
    public var placeholders: Set<String> {
        Set(pieces.compactMap { piece -> String? in
            switch piece {
            case .literal: return nil
            case .value(let name), .plural(let name, _): return name
            }
        })
    }

    /// The number of forms of each plural placeholder.
    public var pluralForms: [Int] {
        pieces.compactMap { if case .plural(_, let forms) = $0 { return forms.count } else { return nil } }
    }

    /// The text with `arguments` in place, plurals chosen for `language`.
    /// A missing argument shows as its `{name}`, so a mistake is visible, never a crash.
    public func render(_ arguments: [String: String], language: UILanguage) -> String {
        // Most phrases have no placeholder: they are their own text.
        guard source.utf8.contains(UInt8(ascii: "{")) else { return source }
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .value(let name): text += arguments[name] ?? "{\(name)}"
            case .plural(let name, let forms):
                guard let value = arguments[name], let count = Int(value) else { text += "{\(name)}"; continue }
                let index = Plural.form(count, in: language)
                text += forms[min(index, forms.count - 1)]
            }
        }
        return text
    }
}
