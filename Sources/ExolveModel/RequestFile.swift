import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// Reads a request file (or standard input, `-`) up to a limit: a request is a
/// few kilobytes, so anything past 16 MiB is refused with a clear message
/// instead of being read into memory (`validate - < /dev/zero` must end).
/// `validate`, `send`, `--load` and F3 all read through here.
public enum RequestFile {
    /// The most a request file may hold.
    public static let limit = 16 << 20

    /// The text of `path` (`-` for standard input), which must be UTF-8, or why it cannot be read.
    public static func readText(_ path: String) -> Result<String, Failure> {
        read(path).flatMap { bytes in
            String(validating: bytes, as: UTF8.self).map { .success($0) } ?? .failure(.init(.phrase(.fileNotUTF8)))
        }
    }

    /// The bytes of `path` (`-` for standard input), or why they cannot be read.
    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        let expanded = FilePath.expandingTilde(path)
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            var info = stat()
            guard stat(expanded, &info) == 0 else { return .failure(.init(.phrase(.fileNoSuch))) }
            if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.init(.phrase(.fileIsFolder))) }
            fd = open(expanded, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return .failure(.init(errno == EACCES ? .phrase(.filePermission) : .verbatim(String(cString: strerror(errno))))) }
        }
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.init(.verbatim(String(cString: strerror(errno)))))
            }
            if count == 0 { return .success(bytes) }
            guard bytes.count + count <= limit else {
                return .failure(.init(.phrase(.fileTooLarge, ["limit": "\(limit >> 20)"])))
            }
            bytes += buffer[0..<count]
        }
    }

    /// Why a request file could not be read.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The reason, for "cannot read PATH: reason", in the operator's language.
        public let text: Localized
        init(_ text: Localized) { self.text = text }
        /// The reason in English.
        public var reason: String { text.text(.en) }
        /// The reason.
        public var description: String { reason }
    }
}
