#if canImport(Glibc)
import Glibc
#endif

/// Writing a whole file so a reader sees the old contents or the new, never a part:
/// a temporary file beside it, written, flushed and renamed over it.
public enum AtomicFile {
    /// Writes `bytes` to `path` with permissions `mode`; on failure, the C library's
    /// reason (`strerror`), and nothing left behind.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) -> Result<Void, AtomicFileFailure> {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return .failure(AtomicFileFailure(errno: errno)) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let failure = AtomicFileFailure(errno: errno)
                close(fd)
                unlink(temporary)
                return .failure(failure)
            }
            written += count
        }
        fchmod(fd, mode)
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            let failure = AtomicFileFailure(errno: errno)
            unlink(temporary)
            return .failure(failure)
        }
        return .success(())
    }
}

/// Why a file could not be written: the C library's words for `errno`.
public struct AtomicFileFailure: Error, Sendable, CustomStringConvertible {
    /// The error number.
    public let errno: Int32
    /// `strerror`'s text ("Permission denied").
    public var reason: String { String(cString: strerror(errno)) }
    /// The reason.
    public var description: String { reason }
}
