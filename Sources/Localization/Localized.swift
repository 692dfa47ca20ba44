/// Text to be shown in the operator's language, built where it arises and
/// rendered where it is shown: a catalog phrase whose placeholders hold more such
/// text, a value that reads the same in every language (a number, a path, JSON),
/// or a name from a data table that has its own spelling in each language (the
/// vendor's voice and emotion names).
public indirect enum Localized: Equatable, Sendable {
    /// A catalog phrase with its placeholders.
    case phrase(Phrase, [String: Localized])
    /// The same in every language.
    case verbatim(String)
    /// A name from data, in each language.
    case named(en: String, ru: String)
    /// Several texts, each in the language, joined by ", " (a list of field names).
    case list([Localized])

    /// A phrase without placeholders.
    public static func phrase(_ phrase: Phrase) -> Localized { .phrase(phrase, [:]) }

    /// The text in `language`.
    public func text(_ language: UILanguage) -> String {
        switch self {
        case .verbatim(let text): return text
        case .named(let en, let ru): return language == .ru ? ru : en
        case .list(let items): return items.map { $0.text(language) }.joined(separator: ", ")
        case .phrase(let phrase, let arguments):
            return Catalog.text(phrase, language, arguments.mapValues { $0.text(language) })
        }
    }

    /// The same text with `transform` applied to every part that came from
    /// outside the catalog (verbatim values and data names): how a secret is
    /// masked in text that is rendered later, in whichever language.
    public func mappingOutsideText(_ transform: (String) -> String) -> Localized {
        switch self {
        case .verbatim(let text): return .verbatim(transform(text))
        case .named(let en, let ru): return .named(en: transform(en), ru: transform(ru))
        case .list(let items): return .list(items.map { $0.mappingOutsideText(transform) })
        case .phrase(let phrase, let arguments):
            return .phrase(phrase, arguments.mapValues { $0.mappingOutsideText(transform) })
        }
    }
}

extension Localized: ExpressibleByStringInterpolation {
    /// A literal or interpolated string is verbatim: the same in every language.
    public init(stringLiteral value: String) { self = .verbatim(value) }
}
