/// The one message catalog: every phrase by key, in each language. The compiler
/// refuses a key without a translation (each language is one exhaustive switch); a
/// test fails when a translation is empty or its placeholders differ from the
/// English ones (`CatalogTests`). Templates are whole sentences with placeholders
/// (`Template`), never glued from translated fragments.
public enum Catalog {
    /// The text of `phrase` in `language`, with `arguments` in its placeholders.
    public static func text(_ phrase: Phrase, _ language: UILanguage, _ arguments: [String: String] = [:]) -> String {
        Template(source(phrase, language)).render(arguments, language: language)
    }

    /// `phrase` in `language` as the catalog writes it, placeholders and all. Each language
    /// is a switch, not a dictionary: the compiler refuses a phrase without its text, and
    /// the first phrase shown costs no table of a thousand entries built at start (issue #32).
    public static func source(_ phrase: Phrase, _ language: UILanguage) -> String {
        language == .ru ? russian(phrase) : english(phrase)
    }

    /// Each language's table, every phrase (for the catalog's own checks).
    public static func table(_ language: UILanguage) -> [Phrase: String] {
        Dictionary(uniqueKeysWithValues: Phrase.allCases.map { ($0, source($0, language)) })
    }
}

extension UILanguage {
    /// `phrase` in this language: `language(.problems, ["count": "3"])`.
    public func callAsFunction(_ phrase: Phrase, _ arguments: [String: String] = [:]) -> String {
        Catalog.text(phrase, self, arguments)
    }
}
