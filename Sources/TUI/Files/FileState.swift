/// F2/F3's last path, and an export waiting for the operator to agree to overwrite.
public struct FileState: Equatable, Sendable {
    /// The last path used by F2/F3.
    public var lastPath = "request.json"
    /// The contents an `e` export writes if the operator agrees to overwrite.
    public var pendingExport: String? = nil
    /// What Tab found for the typed path when more than one name fits (shown under the prompt).
    public var completions: [String] = []

    /// The defaults.
    public init() {}
}

/// Path completion, pure: the runtime lists the folder, this decides what Tab does with it.
public enum PathCompletion {
    /// The folder part of `typed` (up to its last `/`, kept as typed) and the name being typed.
    public static func split(_ typed: String) -> (folder: String, name: String) {
        guard let slash = typed.lastIndex(of: "/") else { return ("", typed) }
        return (String(typed[...slash]), String(typed[typed.index(after: slash)...]))
    }

    /// The names in `entries` (directories end in `/`) that start with `name`; hidden ones
    /// only when `name` starts with a dot. Sorted, at most `limit`.
    public static func candidates(_ entries: [String], name: String, limit: Int = 200) -> [String] {
        Array(entries.filter { $0.hasPrefix(name) && (name.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().prefix(limit))
    }

    /// The longest start every candidate shares.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
