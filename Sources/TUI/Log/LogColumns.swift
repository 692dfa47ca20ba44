import CallEvents
import CallbackCore
import CallLogModel
import Localization

/// The call log panel's columns, fitted to its width by priority: time and
/// outcome always; then the client (leg 2, `+N` for more numbers), the
/// description (16 characters when there is room), who sent it (on a team's
/// log, always), the call_id, the first leg (leg 1) and a demo mark; whatever is left widens the
/// description, then the call_id.
struct LogColumns {
    enum Column: CaseIterable {
        case time, outcome, result, leg1, leg2, description, callID, operatorName, demo

        /// The cell for `entry`.
        func text(_ entry: CallLogEntry, today: Substring, compact: Bool, language: UILanguage) -> String {
            switch self {
            case .result: return "" // from the events, filled in by the columns
            case .time: return LogPanelView.shortTime(entry.createdAt, today: today, compact: compact, language: language)
            case .outcome: return LogPanelView.badge(entry.outcome, language: language)
            case .leg1: return LogColumns.numbers(entry.line1Numbers) + " →"
            case .leg2: return LogColumns.numbers(entry.line2Numbers)
            case .description: return entry.requestDescription ?? ""
            case .callID: return entry.callID ?? ""
            case .operatorName: return entry.operatorName ?? ""
            case .demo: return entry.mode == .demo ? language(.logDemoMark) : ""
            }
        }
    }

    /// The columns shown, left to right.
    private(set) var shown: [Column] = []
    private var widths: [Column: Int] = [:]
    /// Each visible entry's cells, made once per frame (formatting a time is not free).
    private(set) var cells: [[Column: String]] = []
    /// The short result of each visible entry with events (by entry id), for the outcome column.
    private var shortResults: [Int64: String] = [:]
    /// Whether the outcome column shows the result where the events give one (no room for a result column).
    private(set) var resultInOutcome = false

    /// Below this width an earlier day's time is its date alone (`12-01`): the description keeps its 16 characters.
    static let compactDatesBelow = 64

    /// The columns for `width`, sized to what `entries` hold; `newest` dates the times. On a
    /// `team` log the operator column is always there (it does not come and go with the entries shown).
    init(width: Int, entries: [CallLogEntry], newest: Int64, team: Bool = false, results: [String: CallResult] = [:],
         evidence: [Int64: String] = [:], now: Int64? = nil,
         language: UILanguage = .en) {
        let today = Timestamp.local(newest).prefix(10)
        let compact = width < Self.compactDatesBelow
        cells = entries.map { entry in
            var row = Dictionary(uniqueKeysWithValues: Column.allCases.map {
                ($0, LogColumns.cell($0.text(entry, today: today, compact: compact, language: language)))
            })
            if let result = (entry.callID ?? entry.id.flatMap { evidence[$0] }).flatMap({ results[$0] }) {
                row[.result] = result.label(now: now, in: language)
                if let short = result.shortLabel(now: now, in: language) { shortResults[entry.id ?? -1] = " " + short }
            }
            return row
        }
        var widestCache: [Column: Int] = [:]
        func widest(_ column: Column, cap: Int) -> Int {
            let width = widestCache[column] ?? (cells.map { DisplayWidth.of($0[column] ?? "") }.max() ?? 0)
            widestCache[column] = width
            return min(cap, width)
        }
        let time = widest(.time, cap: 20)
        var room = width
        var chosen: [Column: Int] = [:]
        func take(_ column: Column, _ want: Int, minimum: Int = 1) {
            guard want > 0 else { return }
            let given = min(want, room - 1)
            guard given >= minimum else { return }
            chosen[column] = given
            room -= given + 1
        }
        take(.time, max(compact ? 5 : 8, time))
        // Room for a short result in the outcome column too (it says the result when no result column fits).
        let shortWidest = shortResults.values.map(DisplayWidth.of).max() ?? 0
        take(.outcome, min(13, max(widest(.outcome, cap: 13), shortWidest)))
        take(.leg2, widest(.leg2, cap: 18), minimum: 8)
        take(.description, 17, minimum: 6) // 16 characters and the "…" of a longer one
        // What happened to the call (Exolve's events), when any entry shown has events.
        take(.result, widest(.result, cap: 18), minimum: 8)
        if team { take(.operatorName, max(6, min(12, room - 40)), minimum: 5) }
        take(.callID, widest(.callID, cap: 20), minimum: 8)
        take(.leg1, widest(.leg1, cap: 20), minimum: 10)
        take(.demo, widest(.demo, cap: 4), minimum: 4)
        // What is left widens the description, then the call_id.
        for column in [Column.description, .callID] where chosen[column] != nil && room > 0 {
            let extra = min(room, max(0, widest(column, cap: 80) - chosen[column]!))
            chosen[column]! += extra
            room -= extra
        }
        // No room for a result column: the outcome column says the result where there is one.
        if chosen[.result] == nil && !shortResults.isEmpty {
            resultInOutcome = true
            for (index, entry) in entries.enumerated() {
                if let short = entry.id.flatMap({ shortResults[$0] }) { cells[index][.outcome] = short }
            }
        }
        widths = chosen
        shown = [.time, .outcome, .result, .operatorName, .leg1, .leg2, .description, .callID, .demo].filter { chosen[$0] != nil }
    }

    /// The most characters a cell keeps: more than the widest column shows. A row's
    /// text can be anything (a valid description has 80,000 characters, a planted
    /// call_id 100,000): escaping and measuring all of it on every frame cost 1.34 s a key.
    static let cellLimit = 256

    /// `text` cut to `cellLimit` characters (the view adds its own "…"), escaped.
    static func cell(_ text: String) -> String {
        var head = text.utf8.count <= cellLimit ? text : String(text.prefix(cellLimit + 1))
        if head.count > cellLimit { head = String(head.prefix(cellLimit)) + "…" }
        return TerminalText.escaped(head)
    }

    /// The cell of visible row `row` in `column`.
    func cell(_ row: Int, _ column: Column) -> String { cells[row][column] ?? "" }

    /// Columns given to `column`.
    func width(of column: Column) -> Int { widths[column] ?? 0 }

    /// `79599999999 +1`: the first number, and how many more.
    static func numbers(_ list: String) -> String {
        let numbers = list.prefix(4096).split(separator: " ")
        guard let first = numbers.first else { return "" }
        return numbers.count > 1 ? "\(first) +\(numbers.count - 1)" : String(first)
    }
}
