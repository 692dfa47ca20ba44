import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// An earlier attempt, within the window, that rang (or may have rung) a
/// leg-2 number of the request about to be sent.
public struct RecentAttempt: Equatable, Sendable {
    /// Its call log entry.
    public var entryID: Int64
    /// When it was written (ms since 1970, UTC).
    public var createdAt: Int64
    /// placed, unknown, or sending (still in flight).
    public var outcome: EntryOutcome
    /// Its call_id, when placed.
    public var callID: String?
    /// The leg-2 number it shares with the request, as that entry wrote it.
    public var number: String
    /// Whether it was interrupted (its process is gone): it may have been placed.
    public var interrupted: Bool
    /// Who sent it (nil in entries from before operators were recorded).
    public var operatorName: String?

    /// Creates an attempt.
    public init(entryID: Int64, createdAt: Int64, outcome: EntryOutcome, callID: String?, number: String, interrupted: Bool,
                operatorName: String? = nil) {
        self.operatorName = operatorName
        self.entryID = entryID
        self.createdAt = createdAt
        self.outcome = outcome
        self.callID = callID
        self.number = number
        self.interrupted = interrupted
    }

    /// Whether the earlier call may be ringing now or may have been placed unseen.
    public var mayBeRinging: Bool { outcome != .placed }

    /// One line for the operator: when, who, outcome, call_id, number.
    public var summary: Localized {
        let what: Localized
        switch outcome {
        case .placed: what = .phrase(.attemptPlaced, ["callID": .verbatim(callID ?? "?")])
        case .sending: what = .phrase(interrupted ? .attemptInterrupted : .attemptInFlight)
        case .unknown: what = .phrase(.attemptUnknown)
        default: what = .verbatim(outcome.rawValue)
        }
        var parts: [String: Localized] = ["time": Timestamp.isValid(createdAt) ? .verbatim(Timestamp.local(createdAt)) : .phrase(.timeInvalid), "number": .verbatim(number),
                                          "what": what, "id": "\(entryID)"]
        guard let operatorName else { return .phrase(.attemptLine, parts) }
        parts["who"] = .verbatim(operatorName)
        return .phrase(.attemptLineBy, parts)
    }

    /// The attempt as JSON, for `send --json`.
    public var jsonValue: JSONValue {
        .object([
            .init("entry_id", .number(String(entryID))),
            .init("created_at", .string(Timestamp.iso(createdAt))),
            .init("outcome", .string(interrupted ? EntryOutcome.unknown.rawValue : outcome.rawValue)),
            .init("call_id", callID.map(JSONValue.string) ?? .null),
            .init("number", .string(number)),
            .init("operator", operatorName.map(JSONValue.string) ?? .null),
        ])
    }
}

/// The rule that stops a client being rung twice by accident: before a send,
/// earlier attempts within the window whose leg 2 shares a number with this
/// request's leg 2 (compared by normalized digits) are held up for a deliberate
/// second confirmation. Attempts that count: placed, unknown, interrupted or
/// still in flight; not rejected and not "not sent", which rang nobody.
public enum RepeatGuard {
    /// The outcomes that count.
    public static let counted: [EntryOutcome] = [.placed, .unknown, .sending]

    /// A number reduced for comparison: a SIP URI lower-cased; otherwise its
    /// digits, with the Russian domestic `8…` and a bare 10-digit mobile `9…` read as `7…`.
    public static func key(_ number: String) -> String {
        let trimmed = number.trimmingSpaces()
        let lower = trimmed.lowercased()
        if lower.hasPrefix("sip:") || lower.hasPrefix("sips:") { return lower }
        var digits = trimmed.filter(\.isASCIIDigit)
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if digits.count == 11, digits.first == "8" { digits = "7" + digits.dropFirst() }
        if digits.count == 10, digits.first == "9" { digits = "7" + digits }
        return digits
    }

    /// The leg-2 numbers of a request.
    public static func leg2Numbers(_ request: MakeCallbackRequest) -> [String] { request.line2.destinations.map(\.number) }

    /// The leg-2 numbers an entry rang, read from the request it recorded.
    static func leg2Numbers(of entry: CallLogEntry) -> [String] {
        guard case .array(let items)? = entry.requestValue?[WireSchema.Name.line2]?[WireSchema.Name.destinations] else {
            return entry.line2Numbers.split(separator: " ").map(String.init)
        }
        return items.compactMap { item in
            if case .string(let number)? = item[WireSchema.Name.number] { return number }
            return nil
        }
    }

    /// The attempts among `entries` that count against sending to `numbers`.
    public static func attempts(against numbers: [String], in entries: [CallLogEntry], now: Date) -> [RecentAttempt] {
        let wanted = Set(numbers.map(key).filter { !$0.isEmpty })
        return entries.compactMap { entry in
            guard let id = entry.id, counted.contains(entry.outcome),
                  let shared = leg2Numbers(of: entry).first(where: { wanted.contains(key($0)) }) else { return nil }
            return RecentAttempt(entryID: id, createdAt: entry.createdAt, outcome: entry.outcome, callID: entry.callID,
                                 number: shared, interrupted: entry.isInterrupted(now: now), operatorName: entry.operatorName)
        }
    }
}

/// What a guarded write of a new entry did.
public enum GuardedBegin: Equatable, Sendable {
    /// The entry is written: the request may leave.
    case begun(Int64)
    /// Held: attempts the operator has not acknowledged. Nothing was written.
    case held([RecentAttempt])
}
