import CallLogModel

/// The FTS5 form of a search, for the SQLite backend.
enum SearchQuery {
    static func fts5(_ text: String) -> String? {
        let clauses = SearchTerms.words(text).map { word -> String in
            // Quotes and * never get here: they split words.
            let quoted = "\"" + word + "\""
            var clause = "{numbers description call_id tts_text} : \(quoted)*"
            if SearchTerms.isDigits(word) {
                clause += " OR numbers_reversed : \"\(String(word.reversed()))\"*"
            }
            return "(\(clause))"
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// The search row's columns for an entry, in table order.
    static func fts5Columns(for entry: CallLogEntry) -> [String?] {
        let numbers = entry.line1Numbers + " " + entry.line2Numbers
        let reversed = numbers.split(separator: " ").map { String($0.reversed()) }.joined(separator: " ")
        // A note and a disposition are searched as the description is.
        let described = [entry.requestDescription, entry.note, entry.disposition].compactMap { $0 }
        return [numbers, reversed, described.isEmpty ? nil : described.joined(separator: "\n"), entry.callID, entry.ttsText]
    }
}
