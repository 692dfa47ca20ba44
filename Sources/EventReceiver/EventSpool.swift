import Synchronization
import CallEvents
import FoundationEssentials
import Glibc

/// A bounded spool on disk for events the call log could not take (the database is down):
/// each event a file written to a temporary name, flushed to disk, renamed into place and
/// the folder flushed, so a `kill -9` at any moment leaves either the whole event or none.
/// Only then is the event acknowledged; `drain` applies them once the log is back and
/// removes each only after the log has it.
public final class EventSpool: @unchecked Sendable {
    /// The spool's folder.
    public let folder: String
    /// The most events it holds: past this it refuses (the receiver answers 503, acknowledging nothing).
    public let capacity: Int
    private let lock = Mutex(())
    /// The identity part of every event held (read from the folder once, kept in step after):
    /// a keep checks duplicates and capacity without listing the folder each time.
    private var held: Set<String>

    /// A spool in `folder` (created mode 700), holding at most `capacity` events.
    public init(folder: String, capacity: Int = 100_000) throws {
        self.folder = folder
        self.capacity = capacity
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A temporary file left by a kill -9 mid-write was never acknowledged: it goes.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".tmp") {
            unlink(folder + "/" + name)
        }
        held = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".event") }.map(Self.identityPart(ofFile:)))
    }

    /// How many events wait.
    public var depth: Int { lock.withLock { _ in held.count } }

    private func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".event") }.sorted()
    }

    /// Keeps `event` durably; false when the spool is full. The same event twice is kept once.
    public func keep(_ event: CallEvent, receivedAt: Date) throws -> Bool {
        try lock.withLock { _ in
            let name = Self.fileName(event, receivedAt: receivedAt)
            let identity = Self.identityPart(event)
            if held.contains(identity) { return true }
            guard held.count < capacity else { return false }
            let temporary = folder + "/" + name + ".tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            let bytes = Array(event.raw.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { close(fd); unlink(temporary); throw POSIXError(.EIO) }
                written += n
            }
            guard fsync(fd) == 0 else { close(fd); unlink(temporary); throw POSIXError(.EIO) }
            close(fd)
            guard rename(temporary, folder + "/" + name) == 0 else { unlink(temporary); throw POSIXError(.EIO) }
            let dir = open(folder, O_RDONLY)
            if dir >= 0 { fsync(dir); close(dir) }
            held.insert(identity)
            return true
        }
    }

    /// The waiting events, oldest first, with their file names (to remove once applied).
    public func waiting(limit: Int = 1000) -> [(name: String, event: CallEvent, receivedAt: Date)] {
        lock.withLock { _ in
            names().prefix(limit).compactMap { name in
                guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                      case .success(let event) = CallEventParser.parse(Array(data)) else { return nil }
                let millis = Int64(name.prefix(13)) ?? 0
                return (name, event, Date(timeIntervalSince1970: Double(millis) / 1000))
            }
        }
    }

    /// Removes an applied event.
    public func remove(_ name: String) {
        lock.withLock { _ in
            if unlink(folder + "/" + name) == 0 { held.remove(Self.identityPart(ofFile: name)) }
        }
    }

    /// The identity part of a spool file's name (after its received time).
    static func identityPart(ofFile name: String) -> String {
        name.firstIndex(of: "-").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// `<received ms, 13 digits>-<identity digest>.event`: oldest first by name, one file per identity.
    static func fileName(_ event: CallEvent, receivedAt: Date) -> String {
        let digits = String(Int64(receivedAt.timeIntervalSince1970 * 1000))
        let millis = String(repeating: "0", count: max(0, 13 - digits.count)) + digits
        return millis + "-" + identityPart(event)
    }

    static func identityPart(_ event: CallEvent) -> String {
        // FNV-1a 64 of the identity, twice seeded: a file name, not a security boundary.
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in event.identity.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 7
        }
        return String(a, radix: 16) + String(b, radix: 16) + ".event"
    }
}
