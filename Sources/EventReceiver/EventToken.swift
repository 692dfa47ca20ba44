import Localization
import FoundationEssentials
import Glibc
import ProcessEnvironment

/// The receiver's secret: the last part of the event URL. At least 128 random bits (32 hex
/// digits; exocall makes 256), kept in a file only its owner can read.
public enum EventToken {
    /// Why a token file is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case tooShort(path: String)
        case exposed(path: String, mode: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "the token file \(path) cannot be read or made: \(reason)"
            case .tooShort(let path): return "the token in \(path) is shorter than 32 hex digits (128 bits): make a longer one, or delete the file to have exocall make one"
            case .exposed(let path, let mode): return "the token file \(path) can be read by others (mode \(mode)): chmod 600 it"
            }
        }
    }

    /// 256 random bits as 64 hex digits.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The token in `path`, made (256 random bits, mode 600) when the file does not exist yet.
    public static func loadOrCreate(_ path: String) throws(Problem) -> String {
        if !FileManager.default.fileExists(atPath: path) {
            let token = random()
            let folder = FilePath.parent(of: path)
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            let bytes = Array((token + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fsync(fd)
            close(fd)
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        if info.st_mode & 0o077 != 0 { throw .exposed(path: path, mode: String(info.st_mode & 0o777, radix: 8)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "no data") }
        let token = String(decoding: data.prefix(1024), as: UTF8.self).trimmingWhitespace()
        guard token.count >= 32, token.utf8.allSatisfy({ $0 < 128 && (isalnum(Int32($0)) != 0 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")) }) else {
            throw .tooShort(path: path)
        }
        return token
    }

    /// Whether `given` is `token`, in time that does not depend on where they differ.
    public static func matches(_ given: Substring, _ token: String) -> Bool {
        let a = Array(given.utf8), b = Array(token.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count { difference |= (index < a.count ? a[index] : 0) ^ b[index] }
        return difference == 0
    }
}
