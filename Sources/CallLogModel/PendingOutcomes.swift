import CallbackCore
import ExolveModel
import FoundationEssentials
import Glibc
import Localization

/// Outcomes that could not be written to the call log when their answer came
/// (the team database was down, the disk full), kept on this machine until they
/// can be. A placed call whose outcome is lost reads "interrupted, may have been
/// placed" for ever, although its call_id is known: here it is kept, one file
/// per outcome (written whole, then renamed into place; private to the user), and
/// written to the log by the next command that opens it (`replay`), or by the
/// TUI in the background as soon as the log is back.
public struct PendingOutcomes: Sendable {
    /// The folder of the files.
    public let folder: String

    /// The outcomes kept in `folder`.
    public init(folder: String) { self.folder = folder }

    /// `$XDG_DATA_HOME/exocall/pending-outcomes`.
    public static func standard(environment: [String: String]? = nil) -> PendingOutcomes {
        let base = environment.map { CallLogLocation.dataDirectory(environment: $0) } ?? CallLogLocation.dataDirectory()
        return PendingOutcomes(folder: base + "/pending-outcomes")
    }

    /// One kept outcome: what `complete` would have written.
    public struct Record: Codable, Equatable, Sendable {
        /// The log it belongs to, as `CallLogStore.location` names it (never a password).
        public var log: String
        /// The entry it completes.
        public var entryID: Int64
        /// placed, rejected, not_sent or unknown.
        public var outcome: String
        /// The call_id when placed.
        public var callID: String?
        /// The request id Exolve gave, when it gave one.
        public var requestID: String?
        /// The HTTP status, when an answer came.
        public var httpStatus: Int?
        /// The outcome's message, in English, as the log stores it.
        public var message: String
        /// The rejection's text (rejected only).
        public var rejection: String?
        /// The answer's body as kept.
        public var rawBody: String?
        /// Milliseconds from sending to the outcome.
        public var latencyMs: Int
        /// When the answer came, ms since 1970.
        public var finishedAt: Int64

        enum CodingKeys: String, CodingKey {
            case log, outcome, message, rejection
            case entryID = "entry_id", callID = "call_id", requestID = "request_id", httpStatus = "http_status"
            case rawBody = "raw_body", latencyMs = "latency_ms", finishedAt = "finished_at"
        }

        /// The send's result again, to be recorded as it would have been.
        public var result: SendResult {
            let reason = SendOutcome.readMessage(message)
            let outcome: SendOutcome
            switch self.outcome {
            case "placed": outcome = .placed(callID: callID ?? "", requestID: requestID)
            case "rejected": outcome = .rejected(status: httpStatus ?? 0, message: rejection ?? "")
            case "not_sent": outcome = .notSent(reason: Self.innerReason(reason))
            default: outcome = .unknown(reason: Self.innerReason(reason))
            }
            return SendResult(outcome: outcome, httpStatus: httpStatus, rawBody: rawBody, latencyMs: latencyMs)
        }

        /// The reason inside "unknown outcome: REASON" (the message is rebuilt around it).
        static func innerReason(_ message: Localized) -> Localized {
            if case .phrase(_, let arguments) = message, let reason = arguments["reason"] { return reason }
            return message
        }
    }

    /// Keeps `result` for entry `entryID` of the log at `location`; false when even that failed.
    @discardableResult
    public func keep(_ result: SendResult, entryID: Int64, location: String, now: Date = Date()) -> Bool {
        var rejection: String? = nil
        if case .rejected(_, let message) = result.outcome { rejection = message }
        var requestID: String? = nil
        if case .placed(_, let id) = result.outcome { requestID = id }
        let record = Record(log: location, entryID: entryID, outcome: result.outcome.name, callID: result.outcome.callID,
                            requestID: requestID, httpStatus: result.httpStatus, message: result.outcome.message,
                            rejection: rejection, rawBody: result.rawBody, latencyMs: result.latencyMs,
                            finishedAt: Int64((now.timeIntervalSince1970 * 1000).rounded()))
        guard let data = try? JSONEncoder().encode(record) else { return false }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = "\(Self.tag(location))-\(entryID).json"
        let temporary = folder + "/." + name + ".\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return false }
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary, folder + "/" + name) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The outcomes kept for the log at `location`.
    public func records(for location: String) -> [Record] {
        let prefix = Self.tag(location) + "-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let record = try? JSONDecoder().decode(Record.self, from: data), record.log == location else { return nil }
            return record
        }
    }

    /// Writes every outcome kept for `store`'s log into it, removing each once it is
    /// written; returns how many were written. One that cannot be written yet stays.
    @discardableResult
    public func replay(into store: any CallLogStore) async -> Int {
        guard !store.isReadOnly else { return 0 }
        var written = 0
        for record in records(for: store.location) {
            do {
                try await store.complete(id: record.entryID, with: record.result,
                                         now: Date(timeIntervalSince1970: Double(record.finishedAt) / 1000))
            } catch {
                if case .noSuchEntry = error { remove(record) }
                continue
            }
            remove(record)
            written += 1
        }
        return written
    }

    private func remove(_ record: Record) {
        unlink(folder + "/\(Self.tag(record.log))-\(record.entryID).json")
    }

    /// A short, stable name for a log's location (FNV-1a, hex): file names hold no path or URL.
    static func tag(_ location: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in location.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
