#if canImport(Glibc)
import Glibc
#endif

/// A database password given on the command line (`--db postgresql://anna:PW@host/calls`)
/// is readable by every user of the machine in /proc/PID/cmdline for as long as the
/// command runs (a TUI runs all day). Once Swift has its copy of the arguments, the
/// password's bytes in the process's own argv are overwritten with `*`, which is what
/// /proc shows from then on. The README still advises ~/.pgpass or PGPASSWORD: the
/// password was visible for the first instants, and stays in the shell's history.
enum ArgumentScrub {
    /// Overwrites the password of every `scheme://user:password@host` argument in place.
    static func hidePasswords() {
        _ = CommandLine.arguments // Swift's copy is made before the bytes change
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let length = strlen(argument)
            guard let range = passwordRange(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: length))
            else { continue }
            for offset in range { argument[offset] = CChar(UInt8(ascii: "*")) }
        }
    }

    /// The byte offsets of the password in `scheme://user:password@host...`, if there is one.
    static func passwordRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let text = Array(bytes)
        guard let scheme = firstIndex(of: Array("://".utf8), in: text) else { return nil }
        let start = scheme + 3
        // The authority ends at the first / ? or #; its last @ ends the user information.
        let end = text[start...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? text.count
        guard let at = text[start..<end].lastIndex(of: UInt8(ascii: "@")),
              let colon = text[start..<at].firstIndex(of: UInt8(ascii: ":")), colon + 1 < at else { return nil }
        return (colon + 1)..<at
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where Array(haystack[index..<index + needle.count]) == needle { return index }
        return nil
    }
}
