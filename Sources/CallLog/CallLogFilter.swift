import CallbackCore

/// Which entries a query returns. Empty fields do not filter.
public struct CallLogFilter: Equatable, Sendable {
    /// Only this stored outcome.
    public var outcome: EntryOutcome?
    /// Only entries created at or after this time (ms since 1970, UTC).
    public var since: Int64?
    /// Only entries created before this time (ms since 1970, UTC).
    public var until: Int64?
    /// Only entries whose numbers, description, call_id or TTS text match every word.
    public var search: String?

    /// Creates a filter.
    public init(outcome: EntryOutcome? = nil, since: Int64? = nil, until: Int64? = nil, search: String? = nil) {
        self.outcome = outcome
        self.since = since
        self.until = until
        let trimmed = search?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.search = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// No filtering at all.
    public static let all = CallLogFilter()
}

/// Where a page ends, to ask for the next one (keyset paging: no OFFSET scans).
public struct CallLogCursor: Equatable, Sendable {
    /// The last entry's creation time.
    public var createdAt: Int64
    /// The last entry's id.
    public var id: Int64

    /// The cursor just past `entry`.
    public init(after entry: CallLogEntry) {
        createdAt = entry.createdAt
        id = entry.id ?? 0
    }
}

/// How many entries match, counted up to a cap so counting stays cheap.
public struct MatchCount: Equatable, Sendable {
    /// The count, or the cap when there are more.
    public var value: Int
    /// Whether there are more than `value`.
    public var isAtLeast: Bool

    /// Creates a count.
    public init(value: Int, isAtLeast: Bool) {
        self.value = value
        self.isAtLeast = isAtLeast
    }

    /// "1,234" or "10,000+".
    public var text: String {
        var digits = String(value)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + (isAtLeast ? "+" : "")
    }
}

/// Builds the FTS5 query for what an operator typed: every word must match
/// some field by prefix; digits also match the end of a number (its reversed
/// form); a phone number typed with `+`, spaces or dashes is searched normalized.
enum SearchQuery {
    static func fts(_ text: String) -> String? {
        let words: [String]
        if let normalized = PhoneNumber.normalize(text), !normalized.hasPrefix("sip") {
            words = [normalized]
        } else {
            // Split as the index's tokenizer does (letters and digits), so every
            // term is one token and `order-148` finds "order" and "148".
            words = text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        let clauses = words.map { word -> String in
            // Quotes and * never get here: they split words.
            let quoted = "\"" + word + "\""
            var clause = "{numbers description call_id tts_text} : \(quoted)*"
            if word.allSatisfy({ $0.isASCII && $0.isNumber }) {
                clause += " OR numbers_reversed : \"\(String(word.reversed()))\"*"
            }
            return "(\(clause))"
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// The search row's columns for an entry, in table order.
    static func columns(for entry: CallLogEntry) -> [DatabaseValue] {
        let numbers = entry.line1Numbers + " " + entry.line2Numbers
        let reversed = numbers.split(separator: " ").map { String($0.reversed()) }.joined(separator: " ")
        return [numbers, reversed, entry.requestDescription, entry.callID, entry.ttsText].map { $0?.databaseValue ?? .null }
    }
}

import Foundation
import GRDB
