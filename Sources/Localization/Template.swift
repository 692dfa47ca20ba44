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
        var result: [Piece] = []
        var literal = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character == "{", let close = source[index...].firstIndex(of: "}") {
                let inside = source[source.index(after: index)..<close]
                let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if !literal.isEmpty { result.append(.literal(literal)); literal = "" }
                result.append(parts.count == 1 ? .value(parts[0]) : .plural(parts[0], Array(parts.dropFirst())))
                index = source.index(after: close)
            } else {
                literal.append(character)
                index = source.index(after: index)
            }
        }
        if !literal.isEmpty { result.append(.literal(literal)) }
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
