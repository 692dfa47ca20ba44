#if canImport(Glibc)
import Glibc
#endif

/// Reading a file from disk without mistaking a file that is there for one that is
/// not, and without FileManager (whose first use cost the first frame a fifth of a
/// millisecond, issue #32). Only a path with nothing at it is absent; anything else that
/// cannot be read is a failure naming why. A FIFO or a device is never opened for
/// reading (it could block forever), and a file is read up to a limit.
public enum RegularFile {
    /// Why a file that is there cannot be read.
    public enum Failure: Error, Equatable, Sendable {
        /// A link to `target`, which does not exist.
        case danglingLink(target: String)
        /// Links that point at each other.
        case linkLoop
        /// A folder, a FIFO, a device: not a regular file.
        case notAFile
        /// The system refused it (permissions...): `reason` is strerror's text.
        case unreadable(reason: String)
        /// Larger than the limit the caller set.
        case tooLarge
    }

    /// The bytes of the file at `path`, at most `maximumBytes` of them; nil when nothing
    /// at all is there (no file, no link).
    public static func read(_ path: String, maximumBytes: Int) throws(Failure) -> [UInt8]? {
        var link = stat()
        if lstat(path, &link) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw .linkLoop }
            if code == ENOENT, (link.st_mode & S_IFMT) == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: 4096)
                let count = readlink(path, &buffer, buffer.count - 1)
                throw .danglingLink(target: count > 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?")
            }
            throw .unreadable(reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > maximumBytes { throw .tooLarge }
        }
        return bytes
    }
}
