#if canImport(Glibc)
import Glibc
#endif

/// Writes to the terminal or a pipe without ever trapping: when the other end
/// is gone (a closed terminal gives EIO, a closed pipe EPIPE) the text is
/// dropped and the program carries on to a clean exit. Every write to
/// standard output or standard error goes through here.
public enum Console {
    /// Writes `text` to standard output now (after what `print` holds); returns whether all of it was written.
    @discardableResult
    public static func out(_ text: String) -> Bool {
        _ = flushOutput()
        return write(text, to: 1)
    }

    /// The commands' output to standard output: held in a buffer written 64 KiB
    /// at a time, every write checked. Swift's own `print` goes through stdio,
    /// which drops a failed write silently: `exocall log --json > /dev/full` exited
    /// 0 with 64 KiB of 91 MB. The first failure is kept (`outputFailure`) and the
    /// rest of the output is dropped; the program reports it before it exits.
    nonisolated(unsafe) private static var pending: [UInt8] = []
    /// The errno of the first write to standard output through `print` that failed.
    nonisolated(unsafe) public private(set) static var outputFailure: Int32?

    /// Adds `text` and `terminator` to standard output's buffer.
    public static func print(_ text: String, terminator: String = "\n") {
        guard outputFailure == nil else { return }
        pending.append(contentsOf: text.utf8)
        pending.append(contentsOf: terminator.utf8)
        if pending.count >= 1 << 16 { _ = flushOutput() }
    }

    /// Writes what `print` holds; false (with `outputFailure` set) when the write failed.
    public static func flushOutput() -> Bool {
        guard outputFailure == nil else { return false }
        guard !pending.isEmpty else { return true }
        defer { pending.removeAll(keepingCapacity: true) }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { buffer in
                Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                outputFailure = errno
                return false
            }
            offset += written
        }
        return true
    }

    /// The system's words for `code` (strerror), e.g. "No space left on device".
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes `text` to standard error (after what `print` holds, so the two keep the
    /// order they were written in on a terminal); returns whether all of it was written.
    @discardableResult
    public static func error(_ text: String) -> Bool {
        _ = flushOutput()
        return write(text, to: 2)
    }

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
    /// A file over the process's size limit (`ulimit -f`) likewise gives EFBIG instead of SIGXFSZ,
    /// so an export says it is incomplete and removes what it wrote.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }
}
