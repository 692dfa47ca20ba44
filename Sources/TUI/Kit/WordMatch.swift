/// Matching typed words against a name, as the palette and the help's search do: each typed
/// word must start a different word of the name ("line 2 number 2" is not line 1's "2. Number";
/// "row" finds rows, not "narrow").
enum WordMatch {
    /// Whether each of `words` starts a different word of `name` (case and punctuation ignored).
    static func eachStartsAWord(_ words: [String], of name: String) -> Bool {
        var tokens = name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for word in words {
            let cleaned = word.lowercased().filter { $0.isLetter || $0.isNumber }
            guard !cleaned.isEmpty else { continue }
            guard let index = tokens.firstIndex(where: { $0.hasPrefix(cleaned) }) else { return false }
            tokens.remove(at: index)
        }
        return true
    }
}
