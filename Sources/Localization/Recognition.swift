/// Reading English text that exocall wrote earlier (a call log entry's message,
/// stored in English so every operator of a team log reads the same record) back
/// into the phrase it was made from, so it can be shown in another language.
/// Text that no phrase made stays verbatim: nothing is ever lost or guessed.
extension Catalog {
    /// `text` as one of `phrases` (in English) with its values, each value read
    /// again among `nested` phrases; verbatim when none matches.
    public static func recognize(_ text: String, among phrases: [Phrase], nested: [Phrase] = []) -> Localized {
        for phrase in phrases {
            guard let values = match(Template(english(phrase)).pieces[...], Substring(text), [:]) else { continue }
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
            // A value runs to the end, or to where the next literal begins (each place
            // it does, nearest first); a name seen before must read the same.
            func take(_ end: Substring.Index) -> [String: String]? {
                let value = String(text[text.startIndex..<end])
                guard !value.isEmpty, values[name].map({ $0 == value }) ?? true else { return nil }
                var next = values
                next[name] = value
                return match(rest, text[end...], next)
            }
            guard let following = rest.first else { return take(text.endIndex) }
            if case .literal(let literal) = following {
                for range in text.ranges(of: literal) {
                    if let found = take(range.lowerBound) { return found }
                }
                return nil
            }
            var end = text.startIndex
            while end < text.endIndex {
                end = text.index(after: end)
                if let found = take(end) { return found }
            }
            return nil
        }
    }
}
