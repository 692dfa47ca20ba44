#if canImport(Glibc)
import Glibc
#endif

/// Path arithmetic on strings, as NSString's path methods do it, without linking
/// Foundation's Objective-C layer (and ICU's tables behind it) into exocall (issue #32).
/// Lexical only: nothing here looks at the file system.
public enum FilePath {
    /// `path` with runs of `/` made one and a trailing `/` dropped (the root stays `/`).
    public static func tidied(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        var previousSlash = false
        for character in path {
            if character == "/" {
                if previousSlash { continue }
                previousSlash = true
            } else {
                previousSlash = false
            }
            result.append(character)
        }
        if result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// The folder holding `path`: "/a/b" → "/a", "/a" → "/", "a" → "" (NSString's `deletingLastPathComponent`).
    public static func parent(of path: String) -> String {
        let path = tidied(path)
        if path == "/" || path.isEmpty { return path }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component: "/a/b.toml" → "b.toml", "/" → "/" (NSString's `lastPathComponent`).
    public static func lastComponent(of path: String) -> String {
        let path = tidied(path)
        if path == "/" { return path }
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` without its last component's extension: "a/b.toml" → "a/b"; a leading dot
    /// is not an extension (NSString's `deletingPathExtension`).
    public static func deletingExtension(_ path: String) -> String {
        let path = tidied(path)
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    /// `component` appended to `folder` with a `/` between unless the folder ends in one
    /// (NSString's `appendingPathComponent`).
    public static func appending(_ component: String, to folder: String) -> String {
        if folder.isEmpty { return component }
        return folder.hasSuffix("/") ? folder + component : folder + "/" + component
    }

    /// `~` and `~/…` as the home folder (`HOME`, else the user database), `~name/…` as that
    /// user's; anything else, and an unknown user, unchanged (NSString's `expandingTildeInPath`).
    public static func expandingTilde(_ path: String, environment: [String: String] = ProcessEnvironment.variables) -> String {
        guard path.hasPrefix("~") else { return path }
        let end = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<end])
        let home: String
        if user.isEmpty {
            home = ProcessEnvironment.home(environment)
        } else {
            guard let entry = getpwnam(user), let directory = entry.pointee.pw_dir else { return path }
            home = String(cString: directory)
        }
        return tidied(home + path[end...])
    }

    /// `path` with the tilde expanded, empty and `.` components dropped and `..` taking
    /// the component before it away (never above the root); lexical, no links followed.
    public static func standardized(_ path: String, environment: [String: String] = ProcessEnvironment.variables) -> String {
        let expanded = expandingTilde(path, environment: environment)
        let absolute = expanded.hasPrefix("/")
        var parts: [Substring] = []
        for part in expanded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if absolute {
                    if !parts.isEmpty { parts.removeLast() }
                } else if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// The folder for temporary files: `TMPDIR` when set, else `/tmp`, ending in `/`
    /// (Foundation's `NSTemporaryDirectory()`).
    public static func temporaryFolder(environment: [String: String] = ProcessEnvironment.variables) -> String {
        guard let folder = environment["TMPDIR"], !folder.isEmpty else { return "/tmp/" }
        return folder.hasSuffix("/") ? folder : folder + "/"
    }
}
