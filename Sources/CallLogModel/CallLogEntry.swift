import CallbackCore
import ExolveModel
import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// Whether a send went to the real Exolve or to the in-process stand-in.
public enum CallMode: String, Codable, Sendable, CaseIterable {
    /// The mode's name for the operator (the raw value is what is stored and exported).
    public var label: Localized { .phrase(self == .live ? .modeLive : .modeDemo) }

    /// A real endpoint.
    case live
    /// The demo stand-in.
    case demo
}

/// The outcome column of an entry: the client's outcomes plus `sending`,
/// which an entry holds from just before the request leaves until the answer.
public enum EntryOutcome: String, Codable, Sendable, CaseIterable {
    /// Written, request not yet answered.
    case sending
    /// Accepted: a call_id came back.
    case placed
    /// Refused with 4xx.
    case rejected
    /// Never reached the server.
    case notSent = "not_sent"
    /// May have been placed.
    case unknown

    /// The outcomes an operator filters by (everything but `sending`, which reads as in flight or interrupted).
    public static let filterable: [EntryOutcome] = [.placed, .rejected, .notSent, .unknown, .sending]
}

/// One attempt to place a callback, as the call log keeps it. It never holds
/// the API key or the Authorization header.
public struct CallLogEntry: Codable, Equatable, Sendable {
    /// Row id, ascending with time.
    public var id: Int64?
    /// When the entry was written, just before sending: ms since 1970, UTC.
    public var createdAt: Int64
    /// When the outcome was recorded, ms since 1970, UTC.
    public var finishedAt: Int64?
    /// live or demo.
    public var mode: CallMode
    /// Host (and port) the request went to.
    public var endpointHost: String
    /// The request exactly as sent: canonical compact JSON.
    public var requestJSON: String
    /// The request's `request_description`.
    public var requestDescription: String?
    /// Leg 1's destination numbers in ring order, space-separated.
    public var line1Numbers: String
    /// Leg 2's destination numbers in ring order, space-separated.
    public var line2Numbers: String
    /// The TTS texts of both legs, newline-separated (nil when neither speaks).
    public var ttsText: String?
    /// sending, placed, rejected, not_sent or unknown.
    public var outcome: EntryOutcome
    /// HTTP status when an answer came.
    public var httpStatus: Int?
    /// The call_id when placed.
    public var callID: String?
    /// The operator-facing message of the outcome.
    public var message: String?
    /// The response body, cut at 64 KiB.
    public var rawResponse: String?
    /// Milliseconds from sending to the outcome.
    public var latencyMs: Int?
    /// The exocall version that sent it.
    public var exocallVersion: String
    /// The process that wrote the entry (to tell an in-flight send from an interrupted one on its own machine).
    public var ownerPID: Int32
    /// Who sent it: the config's `operator`, else `user@host` (nil in entries from before it was recorded).
    public var operatorName: String?
    /// The machine the sending process ran on: a pid means something only there.
    public var senderHost: String?
    /// When the send's answer is due at the latest (start + timeout + grace), ms since 1970, UTC:
    /// still `sending` after this, it was interrupted, whichever machine sent it.
    public var deadlineAt: Int64?
    /// The operator's latest note on the call (nil: none); never part of the request or the outcome.
    public var note: String?
    /// Who wrote the latest note.
    public var noteBy: String?
    /// When the latest note was written, ms since 1970, UTC.
    public var noteAt: Int64?
    /// The latest disposition ("reached", "wrong number"...), from the team's list.
    public var disposition: String?
    /// Who set it.
    public var dispositionBy: String?
    /// When it was set, ms since 1970, UTC.
    public var dispositionAt: Int64?
    /// Talk time in seconds as Exolve's call history gives it (experimental; events win where both exist).
    public var historyTalkSeconds: Int?
    /// When the call history was read for it, ms since 1970, UTC.
    public var historyAt: Int64?

    /// The columns, by the names every backend stores them under.
    public enum CodingKeys: String, CodingKey {
        case id, mode, outcome, message
        case createdAt = "created_at", finishedAt = "finished_at", endpointHost = "endpoint_host"
        case requestJSON = "request_json", requestDescription = "request_description"
        case line1Numbers = "line_1_numbers", line2Numbers = "line_2_numbers", ttsText = "tts_text"
        case httpStatus = "http_status", callID = "call_id", rawResponse = "raw_response", latencyMs = "latency_ms"
        case exocallVersion = "exocall_version", ownerPID = "owner_pid"
        case operatorName = "operator_name", senderHost = "sender_host", deadlineAt = "deadline_at"
        case note, noteBy = "note_by", noteAt = "note_at"
        case disposition, dispositionBy = "disposition_by", dispositionAt = "disposition_at"
        case historyTalkSeconds = "history_talk_seconds", historyAt = "history_at"
    }


    /// A new `sending` entry for `request`, stamped now, by `operatorName` on this
    /// machine, due back within `timeout` (plus `deadlineGrace`).
    public init(request: MakeCallbackRequest, mode: CallMode, endpointHost: String, operatorName: String? = Operator.fallback,
                timeout: Duration = .seconds(60), now: Date = Date()) {
        id = nil
        createdAt = Int64((now.timeIntervalSince1970 * 1000).rounded())
        finishedAt = nil
        self.mode = mode
        self.endpointHost = endpointHost
        requestJSON = request.canonicalJSON(.compact)
        requestDescription = request.requestDescription
        line1Numbers = request.line1.destinations.map(\.number).joined(separator: " ")
        line2Numbers = request.line2.destinations.map(\.number).joined(separator: " ")
        let texts = request.lines.compactMap { line -> String? in
            if case .tts(let speech)? = line.audio { return speech.text }
            return nil
        }
        ttsText = texts.isEmpty ? nil : texts.joined(separator: "\n")
        outcome = .sending
        exocallVersion = ExocallVersion.current
        ownerPID = getpid()
        self.operatorName = operatorName
        senderHost = Operator.host
        let (seconds, attoseconds) = timeout.components
        deadlineAt = createdAt + seconds * 1000 + attoseconds / 1_000_000_000_000_000 + Self.deadlineGraceMs
    }

    /// An entry with every column given, as a backend reads it back.
    public init(id: Int64?, createdAt: Int64, finishedAt: Int64?, mode: CallMode, endpointHost: String, requestJSON: String,
                requestDescription: String?, line1Numbers: String, line2Numbers: String, ttsText: String?, outcome: EntryOutcome,
                httpStatus: Int?, callID: String?, message: String?, rawResponse: String?, latencyMs: Int?, exocallVersion: String,
                ownerPID: Int32, operatorName: String?, senderHost: String?, deadlineAt: Int64?,
                note: Annotation? = nil, disposition: Annotation? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.mode = mode
        self.endpointHost = endpointHost
        self.requestJSON = requestJSON
        self.requestDescription = requestDescription
        self.line1Numbers = line1Numbers
        self.line2Numbers = line2Numbers
        self.ttsText = ttsText
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.callID = callID
        self.message = message
        self.rawResponse = rawResponse
        self.latencyMs = latencyMs
        self.exocallVersion = exocallVersion
        self.ownerPID = ownerPID
        self.operatorName = operatorName
        self.senderHost = senderHost
        self.deadlineAt = deadlineAt
        (self.note, noteBy, noteAt) = (note?.text, note?.operatorName, note?.at)
        (self.disposition, dispositionBy, dispositionAt) = (disposition?.text, disposition?.operatorName, disposition?.at)
    }

    /// The latest note as an annotation (nil: none).
    public var latestNote: Annotation? {
        guard let note, let id else { return nil }
        return Annotation(entryID: id, kind: .note, text: note, operatorName: noteBy, at: noteAt ?? 0)
    }

    /// The latest disposition as an annotation (nil: none).
    public var latestDisposition: Annotation? {
        guard let disposition, let id else { return nil }
        return Annotation(entryID: id, kind: .disposition, text: disposition, operatorName: dispositionBy, at: dispositionAt ?? 0)
    }

    /// The entry with its outcome recorded from `result` at `now`.
    public func completed(with result: SendResult, now: Date) -> CallLogEntry {
        var entry = self
        entry.outcome = EntryOutcome(result.outcome)
        entry.finishedAt = Int64((now.timeIntervalSince1970 * 1000).rounded())
        entry.httpStatus = result.httpStatus
        entry.callID = result.outcome.callID
        entry.message = result.outcome.message
        entry.rawResponse = result.rawBody.map { String($0.utf8.prefix(SendResult.rawBodyLimit)) ?? $0 }
        entry.latencyMs = result.latencyMs
        return entry
    }

    /// How long past its timeout a send may still record its outcome (a slow disk,
    /// a busy database, clocks a little apart between machines).
    public static let deadlineGraceMs: Int64 = 30_000

    /// How long a send can take at most (the longest timeout) plus a margin: an
    /// entry without a deadline still `sending` after this was interrupted whatever its owner.
    public static let maxInFlightMs: Int64 = 11 * 60 * 1000

    /// Whether this entry was left `sending` by a send that can no longer answer: past
    /// its deadline (on any machine), or its process is gone (on this machine).
    /// Another machine's send before its deadline is in flight: its pid means nothing here.
    public func isInterrupted(now: Date = Date()) -> Bool {
        guard outcome == .sending else { return false }
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        // A planted time can sit at Int64's ends: saturate, never trap.
        let (latest, overflow) = createdAt.addingReportingOverflow(Self.maxInFlightMs)
        if nowMs > (deadlineAt ?? (overflow ? Int64.max : latest)) { return true }
        if let senderHost, senderHost != Operator.host { return false }
        return !ProcessLiveness.isAlive(ownerPID)
    }

    /// The outcome as an operator should read it: an interrupted send is unknown.
    public func effectiveOutcome(now: Date = Date()) -> EntryOutcome { isInterrupted(now: now) ? .unknown : outcome }

    /// The message as an operator should read it.
    public func effectiveMessage(now: Date = Date()) -> String? {
        isInterrupted(now: now) ? Self.interruptedMessage : message
    }

    /// The entry as an operator should read it at `now`: a send left in flight by a
    /// process that is gone (or for longer than any send can take) reads as unknown,
    /// with the interrupted message. Decided where entries are loaded, never while drawing.
    public func resolvingInterruption(now: Date = Date()) -> CallLogEntry {
        guard isInterrupted(now: now) else { return self }
        var resolved = self
        resolved.outcome = .unknown
        resolved.message = Self.interruptedMessage
        return resolved
    }

    /// The reason given to an interrupted send (stored in English, like every message).
    public static let interruptedMessage = Catalog.text(.entryInterruptedMessage, .en)

    /// The stored message, to be shown in whichever language the operator reads.
    public var messageText: Localized? { message.map(SendOutcome.readMessage) }

    /// The request as a JSON value (nil if the stored text is not JSON, which exocall never writes).
    public var requestValue: JSONValue? { try? JSONParser.parse(requestJSON) }

    /// The entry as one JSON object, as `log --json`, `log show --json` and exports print it.
    public func jsonValue(includeRaw: Bool, now: Date = Date()) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func int<T: BinaryInteger>(_ value: T?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
        var members: [JSONValue.Member] = [
            .init("id", int(id)),
            .init("created_at", .string(Timestamp.iso(createdAt))),
            .init("finished_at", text(finishedAt.map(Timestamp.iso))),
            .init("mode", .string(mode.rawValue)),
            .init("operator", text(operatorName)),
            .init("endpoint", .string(endpointHost)),
            .init("outcome", .string(effectiveOutcome(now: now).rawValue)),
            .init("http_status", int(httpStatus)),
            .init("call_id", text(callID)),
            .init("message", text(effectiveMessage(now: now))),
            .init("latency_ms", int(latencyMs)),
            .init("request_description", text(requestDescription)),
            .init("request", requestValue ?? .string(requestJSON)),
        ]
        for (key, annotation) in [("note", latestNote), ("disposition", latestDisposition)] {
            members.append(.init(key, annotation.map { value in
                .object([.init("text", .string(value.text)), .init("by", text(value.operatorName)), .init("at", .string(Timestamp.iso(value.at)))])
            } ?? .null))
        }
        if includeRaw {
            members.append(.init("raw_response", text(rawResponse)))
            members.append(.init("exocall_version", .string(exocallVersion)))
        }
        return .object(members)
    }
}

/// Millisecond timestamps as text and back, through `CivilTime` (the civil-date arithmetic
/// itself and the C library's local zone): Foundation's
/// `Calendar` and `TimeZone` load ICU's time-zone data, 0.6 ms of the TUI's first frame
/// when it shows the restored draft's time (issue #32). The log panel formats every
/// visible row on every frame, an export every entry.
public enum Timestamp {
    /// The times exocall could have written: from 2000-01-01 to 2100-01-01 UTC.
    /// A stored time outside them was planted or damaged: it is shown as invalid,
    /// never formatted (Int64.min overflowed the arithmetic; INT64_MAX read as year 506713).
    public static let plausible: ClosedRange<Int64> = 946_684_800_000...4_102_444_800_000

    /// Whether `ms` is a time exocall could have written.
    public static func isValid(_ ms: Int64) -> Bool { plausible.contains(ms) }

    /// `2026-11-24T20:45:01.123Z`; `invalid (N)` for a time outside `plausible`.
    public static func iso(_ ms: Int64) -> String {
        guard isValid(ms) else { return "invalid (\(ms))" }
        return CivilTime.iso(milliseconds: ms)
    }

    /// `2026-11-24 23:45:01` in the local time zone, for tables; for a time outside
    /// `plausible`, the catalog's "invalid time" in `language`, 19 columns wide like a time.
    public static func local(_ ms: Int64, language: UILanguage = .en) -> String {
        guard isValid(ms) else {
            let text = Catalog.text(.timeInvalid, language)
            return text + String(repeating: " ", count: max(0, 19 - text.count))
        }
        let (date, time) = CivilTime.parts(CivilTime.local(CivilTime.wholeSeconds(ms)))
        return "\(date) \(time)"
    }

    /// Milliseconds since 1970 for a date or time as an operator types it (`CivilTime.parse`'s
    /// forms): a reading without a zone is local; a bare date is local midnight, or with
    /// `endOfDay` the next midnight (so "until 2026-11-24" includes that day). Nil when the
    /// text is none of them.
    public static func parse(_ text: String, endOfDay: Bool) -> Int64? {
        switch CivilTime.parse(text) {
        case .instant(let ms)?: return ms
        case .local(let reading, let millis)?: return CivilTime.seconds(local: reading).map { $0 * 1000 + Int64(millis) }
        case .day(var reading)?:
            if endOfDay {
                // The next day's date, then its local midnight (a DST day is not 24 hours).
                let next = CivilTime.utc(CivilTime.seconds(utc: reading) + 86_400)
                reading = CivilTime.Reading(year: next.year, month: next.month, day: next.day)
            }
            return CivilTime.seconds(local: reading).map { $0 * 1000 }
        case nil: return nil
        }
    }
}

/// Who is sending, and from which machine.
public enum Operator {
    /// This machine's name (`EXOCALL_HOSTNAME` overrides it, for containers whose
    /// host names are random or shared).
    public static let host: String = {
        if let name = ProcessEnvironment.variables["EXOCALL_HOSTNAME"], !name.isEmpty { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(cString: buffer)
        return name.isEmpty ? "localhost" : name
    }()

    /// `user@host` for this process's user.
    public static let fallback: String = {
        let environment = ProcessEnvironment.variables
        var user = environment["USER"] ?? environment["LOGNAME"] ?? ""
        if user.isEmpty, let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { user = String(cString: name) }
        return (user.isEmpty ? "uid\(getuid())" : user) + "@" + host
    }()

    /// The operator to stamp on entries: the config's `operator` when set (and not blank), else `user@host`.
    public static func name(configured: String?) -> String {
        let trimmed = configured?.trimmingWhitespace() ?? ""
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// The operator: `--operator`, else `EXOCALL_OPERATOR`, else the config's `operator`,
    /// else `user@host`. A name given on the command line or in the environment that is
    /// not one plain line is refused, naming where it came from and what it was.
    public static func name(flag: String?, environment: [String: String] = ProcessEnvironment.variables,
                            configured: String?) throws(OperatorNameError) -> String {
        for (source, value) in [("--operator", flag), ("EXOCALL_OPERATOR", environment["EXOCALL_OPERATOR"])] {
            guard let value else { continue }
            let trimmed = value.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) || trimmed.count > 64 {
                throw OperatorNameError(source: source, value: value)
            }
            return trimmed
        }
        return name(configured: configured)
    }
}

/// An operator name from the command line or the environment that cannot be one.
public struct OperatorNameError: OperatorFacingError {
    /// `--operator` or `EXOCALL_OPERATOR`.
    public let source: String
    /// What was given.
    public let value: String

    /// Names the source, the rule and the value (escaped: it may hold controls).
    public var text: Localized {
        .phrase(.operatorNameRefused, ["source": .verbatim(source), "value": .verbatim(value.debugDescription)])
    }
}

/// Whether a process id is running on this machine.
enum ProcessLiveness {
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }
}

extension EntryOutcome {
    /// The stored outcome of a send's outcome.
    public init(_ outcome: SendOutcome) {
        switch outcome {
        case .placed: self = .placed
        case .rejected: self = .rejected
        case .notSent: self = .notSent
        case .unknown: self = .unknown
        }
    }
}
