import FoundationEssentials
import Glibc
import Localization

/// Where each table header and each assignment of a config file is, found in one
/// pass, so a problem's line is a look-up (a scan of the file per problem made
/// `config check` on 2,000 unknown keys take 20 s).
struct ConfigLines {
    /// The 0-based line of each header's first occurrence, by its trimmed text (`[profiles.shop]`).
    private var headers: [String: Int] = [:]
    /// The 0-based lines assigning each key (its text before ` ` or `=`), in order.
    private var assignments: [String: [Int]] = [:]

    /// The index of `text`.
    init(_ text: String) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(raw).trimmingSpaces()
            if trimmed.hasPrefix("[") {
                if headers[trimmed] == nil { headers[trimmed] = index }
                continue
            }
            let key = trimmed.prefix { $0 != " " && $0 != "=" }
            if !key.isEmpty, key.count < trimmed.count { assignments[String(key), default: []].append(index) }
        }
    }

    /// The 1-based line of `key`: its table header, else its last part assigned after its parent's header.
    func line(of key: String) -> Int? {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        if let index = headers["[" + key + "]"] { return index + 1 }
        let parent = key.split(separator: ".").dropLast().joined(separator: ".")
        let start = headers["[" + parent + "]"] ?? 0
        return assignments[last]?.first(where: { $0 >= start }).map { $0 + 1 }
    }

    /// The line of `key`, else of the nearest enclosing key written in the file.
    func nearestLine(_ key: String) -> Int? {
        var parts = key.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let candidate = parts.joined(separator: ".")
            let parent = parts.dropLast().joined(separator: ".")
            let headerExists = headers["[" + candidate + "]"] != nil || headers["[" + parent + "]"] != nil
            if headerExists || parts.count == 1, let found = line(of: candidate) { return found }
            parts.removeLast()
        }
        return nil
    }
}
