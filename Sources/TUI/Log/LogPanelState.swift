import CallEvents
import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// The call log panel's contents (the runtime loads pages into it).
public struct LogPanelState: Equatable, Sendable {
    /// Entries loaded so far, newest first.
    public var entries: [CallLogEntry] = []
    /// How many entries match in total.
    public var total: MatchCount? = nil
    /// Why there is no log, if there is none.
    public var unavailable: Localized? = nil
    /// The selected row.
    public var selected = 0
    /// The first row shown.
    public var scroll = 0
    /// Whether a page is being read.
    public var loading = false
    /// Which entries the panel shows.
    public var filter = CallLogFilter()
    /// Only placed calls whose result (from Exolve's events) is this.
    public var resultFilter: CallState? = nil
    /// Which log this is (the launcher says; nil in tests): the header shows it.
    public var place: LogPlace? = nil
    /// Who this operator is, as entries are stamped (the launcher says).
    public var operatorName: String? = nil
    /// The dispositions the picker offers (the config's list, else the defaults in the operator's language).
    public var dispositions: [String] = []
    /// What Exolve's events say of each loaded call, by call_id.
    public var results: [String: CallResult] = [:]

    /// Unknown sends linked to a call Exolve's events show (entry id → uid): evidence, not an outcome.
    public var evidence: [Int64: String] = [:]
    /// Unknown sends for which the events, while being received, show no call.
    public var noSign: Set<Int64> = []

    /// The result of `entry`'s call, when events for it have arrived (for an unknown send, its evidence's).
    public func result(of entry: CallLogEntry) -> CallResult? {
        (entry.callID ?? entry.id.flatMap { evidence[$0] }).flatMap { results[$0] }
    }

    /// An empty panel.
    public init() {}
}

/// Which call log the operator writes to.
public enum LogPlace: Equatable, Sendable {
    /// A SQLite file on this machine.
    case file
    /// A team's PostgreSQL database on `host`.
    case team(host: String)

    /// How the header and the status line name it ("local log", "team db host").
    func text(in language: UILanguage) -> String {
        switch self {
        case .file: return language(.headerLogFile)
        case .team(let host): return language(.headerLogTeam, ["host": TerminalText.escaped(host)])
        }
    }
}

/// How many log entries a page holds.
public enum LogPaging {
    /// Entries per read.
    public static let pageSize = 100
}

/// What `o` cycles through: every entry, one outcome, or one result of a placed call.
enum LogRowFilter: Equatable {
    case all
    case outcome(EntryOutcome)
    case result(CallState)
}

extension LogPanelState {
    /// The outcome or result the panel is narrowed to.
    var rowFilter: LogRowFilter {
        get {
            if let resultFilter { return .result(resultFilter) }
            return filter.outcome.map(LogRowFilter.outcome) ?? .all
        }
        set {
            switch newValue {
            case .all: (filter.outcome, resultFilter) = (nil, nil)
            case .outcome(let outcome): (filter.outcome, resultFilter) = (outcome, nil)
            case .result(let state): (filter.outcome, resultFilter) = (nil, state)
            }
        }
    }

    /// Whether anything narrows the panel.
    var isFiltered: Bool { filter != CallLogFilter() || resultFilter != nil }
}
