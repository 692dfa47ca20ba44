#if canImport(Glibc)
import Glibc
#endif

/// The process's environment, read straight from `environ`. Foundation's
/// `ProcessInfo.processInfo` costs about 0.4 ms on its first use, a tenth of the
/// TUI's whole start (BENCHMARKS.md, issue #19); this costs microseconds.
public enum ProcessEnvironment {
    /// Every variable, as the process started with it (later `setenv` calls are not seen).
    public static let variables: [String: String] = {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                // The first definition wins, as getenv(3) finds it.
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            cursor += 1
        }
        return result
    }()

    /// The home folder: `HOME` when set and not empty, else the user database's entry, else `/`.
    public static func home(_ environment: [String: String] = variables) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { return String(cString: directory) }
        return "/"
    }
}
