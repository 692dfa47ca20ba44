#if canImport(Glibc)
import Glibc
#endif

/// Writes to the terminal or a pipe without ever trapping: when the other end
/// is gone (a closed terminal gives EIO, a closed pipe EPIPE) the text is
/// dropped and the program carries on to a clean exit. Every write to
/// standard output or standard error goes through here.
public enum Console {
    /// Writes `text` to standard output; returns whether all of it was written.
    @discardableResult
    public static func out(_ text: String) -> Bool { write(text, to: 1) }

    /// Writes `text` to standard error; returns whether all of it was written.
    @discardableResult
    public static func error(_ text: String) -> Bool { write(text, to: 2) }

    /// Writes all of `text` to `fd`, retrying short writes and EINTR; gives up quietly on any other error.
    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Makes a write to a closed pipe an error (EPIPE) instead of a signal that kills the process.
    public static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }
}
