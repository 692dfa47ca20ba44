/// Reading English text that exocall wrote earlier (a call log entry's message,
/// stored in English so every operator of a team log reads the same record) back
/// into the phrase it was made from, so it can be shown in another language.
/// Text that no phrase made stays verbatim: nothing is ever lost or guessed.
extension Catalog {
    /// `text` as one of `phrases` (in English) with its values, each value read
    /// again among `nested` phrases; verbatim when none matches.
    public static func recognize(_ text: String, among phrases: [Phrase], nested: [Phrase] = []) -> Localized {
        for phrase in phrases {
            guard let source = english[phrase],
                  let values = match(Template(source).pieces[...], Substring(text), [:]) else { continue }
            return .phrase(phrase, values.mapValues { value in
                nested.isEmpty ? .verbatim(value) : recognize(value, among: nested)
            })
        }
        return .verbatim(text)
    }

    /// The values that make `pieces` read exactly `text`, or nil.
    private static func match(_ pieces: ArraySlice<Template.Piece>, _ text: Substring, _ values: [String: String]) -> [String: String]? {
        guard let piece = pieces.first else { return text.isEmpty ? values : nil }
        let rest = pieces.dropFirst()
        switch piece {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return nil }
            return match(rest, text.dropFirst(literal.count), values)
        case .plural(_, let forms):
            for form in forms where text.hasPrefix(form) {
                if let found = match(rest, text.dropFirst(form.count), values) { return found }
            }
            return nil
        case .value(let name):
            // Every split point, shortest value first; a name seen before must read the same.
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                let value = String(text[text.startIndex..<end])
                if let earlier = values[name], earlier != value { continue }
                var next = values
                next[name] = value
                if let found = match(rest, text[end...], next) { return found }
            }
            return nil
        }
    }
}
