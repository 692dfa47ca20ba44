/// The one message catalog: every phrase by key, in each language. A test fails
/// when a key lacks a translation or a translation's placeholders differ from the
/// English ones (`CatalogTests`). Templates are whole sentences with placeholders
/// (`Template`), never glued from translated fragments.
public enum Catalog {
    /// The text of `phrase` in `language`, with `arguments` in its placeholders.
    public static func text(_ phrase: Phrase, _ language: UILanguage, _ arguments: [String: String] = [:]) -> String {
        let table = language == .ru ? russian : english
        // A phrase missing from a table falls back to English (the catalog test forbids it).
        let source = table[phrase] ?? english[phrase] ?? phrase.rawValue
        return Template(source).render(arguments, language: language)
    }

    /// Each language's table.
    public static func table(_ language: UILanguage) -> [Phrase: String] {
        language == .ru ? russian : english
    }
}

extension UILanguage {
    /// `phrase` in this language: `language(.problems, ["count": "3"])`.
    public func callAsFunction(_ phrase: Phrase, _ arguments: [String: String] = [:]) -> String {
        Catalog.text(phrase, self, arguments)
    }
}
