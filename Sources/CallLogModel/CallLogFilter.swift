import Localization
import CallbackCore
import FoundationEssentials
import Glibc

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
    /// Only entries sent by this operator (exactly as recorded).
    public var operatorName: String?
    /// Only entries whose latest disposition is this (exactly as the list spells it).
    public var disposition: String?

    /// Creates a filter.
    public init(outcome: EntryOutcome? = nil, since: Int64? = nil, until: Int64? = nil, search: String? = nil,
                operatorName: String? = nil, disposition: String? = nil) {
        self.disposition = disposition?.isEmpty == false ? disposition : nil
        self.outcome = outcome
        self.operatorName = operatorName?.isEmpty == false ? operatorName : nil
        self.since = since
        self.until = until
        let trimmed = search?.trimmingWhitespace()
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

    /// `counted` matches, counted up to one past `cap`: the cap and "more" when over it.
    public init(counted: Int, cap: Int) {
        self.init(value: min(counted, cap), isAtLeast: counted > cap)
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

/// What an operator typed into a search, as the words every backend matches:
/// each word must match some field by prefix; a word of digits also matches the
/// end of a number; a phone number typed with `+`, spaces or dashes is one word,
/// normalized. Lower-cased, so case never depends on the database's locale.
public enum SearchTerms {
    /// The most words a search matches: each is one more clause for the database, and
    /// a pasted page of text (30,000 words) made one search cost over a second.
    public static let maximumWords = 16

    /// The words to match, in order, at most `maximumWords` (empty: the search matches nothing).
    public static func words(_ text: String) -> [String] {
        if let normalized = PhoneNumber.normalize(text), !normalized.hasPrefix("sip") { return [normalized] }
        return Array(tokens(String(text.prefix(4096))).prefix(maximumWords))
    }

    /// The text a backend indexes for an entry's searchable fields, split the same way.
    public static func document(_ entry: CallLogEntry) -> String {
        tokens([entry.line1Numbers, entry.line2Numbers, entry.requestDescription, entry.callID, entry.ttsText, entry.note, entry.disposition]
            .compactMap { $0 }.joined(separator: " ")).joined(separator: " ")
    }

    /// Lower-cased runs of letters and digits, as the indexes tokenize, so every term
    /// is one token and `order-148` finds "order" and "148".
    private static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether a word also matches the end of a number.
    public static func isDigits(_ word: String) -> Bool { word.allSatisfy(\.isASCIIDigit) }
}
