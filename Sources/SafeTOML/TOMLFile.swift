#if canImport(Glibc)
import Glibc
#endif
import Localization

/// Reading a TOML file (the config, a theme) from disk without mistaking a file
/// that is there for one that is not. `FileManager.fileExists` follows links,
/// so a dangling or looping `config.toml` link read as "no config file" and a
/// send went out without the team's `db`, its shared repeat guard or its
/// `repeat_window`. Here only a path with nothing at it is absent; anything
/// else that cannot be read is an error naming why. A FIFO or a device is never
/// opened for reading (it could block forever), and a file is read up to
/// `maximumBytes`.
public enum TOMLFile {
    /// The largest TOML file read: a config is about 1 KB, a theme about 3 KB.
    public static let maximumBytes = 1 << 20

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
        /// Bytes that are not UTF-8 text.
        case notUTF8
        /// Larger than `maximumBytes`.
        case tooLarge

        /// Why, for the operator.
        public var text: Localized {
            switch self {
            case .danglingLink(let target): return .phrase(.fileDanglingLink, ["target": .verbatim(target)])
            case .linkLoop: return .phrase(.fileLinkLoop)
            case .notAFile: return .phrase(.fileNotRegular)
            case .unreadable(let reason): return .phrase(.fileUnreadableBecause, ["reason": .verbatim(reason)])
            case .notUTF8: return .phrase(.cfgNotUTF8)
            case .tooLarge: return .phrase(.tomlTooLarge, ["limit": .verbatim("\(TOMLFile.maximumBytes / 1024)")])
            }
        }
    }

    /// The text of the file at `path`; nil when nothing at all is there (no file, no link).
    public static func read(_ path: String) throws(Failure) -> String? {
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
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }
}
