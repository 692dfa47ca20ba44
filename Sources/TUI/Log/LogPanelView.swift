import CallEvents
import CallbackCore
import FoundationEssentials
import Glibc
import CallLogModel
import Localization

/// The call log panel: newest first, with an outcome badge per entry.
enum LogPanelView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        let active = state.pane == .log && state.dialog == nil
        let say = state.language
        var title = say(.logTitle)
        let filter = state.log.filter
        if let outcome = filter.outcome { title += " · \(badgeWord(outcome, language: say).lowercased())" }
        if let result = state.log.resultFilter { title += " · " + say(.logResultFilter, ["result": result.word(in: say)]) }
        if let search = filter.search { title += " · “\(search)”" }
        if let total = state.log.total {
            if !state.log.isFiltered {
                title = say(.logTitleCount, ["count": total.text])
            } else {
                title += " · " + say(.logMatches, ["shown": total.text, "count": "\(total.value)"])
            }
        }
        canvas.box(rect, title: title, style: Style(active ? .primary : .border, on: .background), titleStyle: Style(active ? .primary : .text, on: .background, bold: true))
        let inner = rect.inset(1)
        if let reason = state.log.unavailable {
            wrap(reason.text(state.language), in: inner, style: Style(.warning), on: &canvas)
            return
        }
        if state.log.entries.isEmpty {
            let text: String
            if state.log.loading { text = say(.logReading) }
            else if state.log.isFiltered { text = say(.logNoMatch) }
            else { text = say(.logEmpty) }
            wrap(text, in: inner, style: .muted, on: &canvas)
            return
        }
        let end = min(state.log.entries.count, state.log.scroll + inner.height)
        let columns = LogColumns(width: inner.width - 2, entries: Array(state.log.entries[state.log.scroll..<end]),
                                 newest: state.screen.wallClockNow ?? state.log.entries.first?.createdAt ?? 0,
                                 team: state.log.place.map { if case .team = $0 { return true } else { return false } } ?? false,
                                 results: state.log.results, evidence: state.log.evidence, now: state.screen.wallClockNow,
                                 language: state.language)
        for index in state.log.scroll..<end {
            let entry = state.log.entries[index]
            let y = inner.y + index - state.log.scroll
            let selected = active && index == state.log.selected
            let background: Role? = selected ? .selection : nil
            if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.text, on: .selection)) }
            var x = inner.x + 1
            for column in columns.shown {
                let width = columns.width(of: column)
                let text = columns.cell(index - state.log.scroll, column)
                let style: Style
                switch column {
                case .outcome:
                    if columns.resultInOutcome, let result = state.log.result(of: entry), result.stage != .noEvents {
                        style = Style(resultRole(result.state), on: background, bold: true)
                    } else {
                        style = Style(badgeRole(entry.outcome), bold: true)
                    }
                case .result: style = Style(state.log.result(of: entry).map { resultRole($0.state) } ?? .muted, on: background, bold: true)
                case .time, .callID, .demo: style = Style(.muted, on: background)
                default: style = Style(.text, on: background)
                }
                canvas.put(text, x: x, y: y, style: style, maxWidth: width)
                x += width + 1
            }
        }
    }

    /// `21:13:37` for today's entries, `11-23 21:13` for older ones. `today` is today's
    /// `yyyy-mm-dd` (else, with no wall clock, the newest entry's), made once per frame.
    /// Today's time to the second, an earlier day's date and minute (`12-01 07:32`); when
    /// `compact`, today's to the minute and an earlier day's date alone (the entry has the rest).
    static func shortTime(_ ms: Int64, today: Substring, compact: Bool = false, language: UILanguage = .en) -> String {
        guard Timestamp.isValid(ms) else { return language(.timeInvalid) }
        let text = Timestamp.local(ms)
        if text.prefix(10) == today { return String(text.suffix(8).prefix(compact ? 5 : 8)) }
        return String(text.dropFirst(5).prefix(compact ? 5 : 11))
    }


    /// The outcome as a fixed-width badge, so the columns after it line up.
    static func badge(_ outcome: EntryOutcome, language: UILanguage = .en) -> String {
        let word = badgeWord(outcome, language: language)
        return " " + word + String(repeating: " ", count: max(0, 8 - word.count))
    }

    /// The badge's word alone, unpadded (where a sentence names the outcome).
    static func badgeWord(_ outcome: EntryOutcome, language: UILanguage = .en) -> String {
        switch outcome {
        case .placed: return language(.badgePlaced)
        case .rejected: return language(.badgeRejected)
        case .notSent: return language(.badgeNotSent)
        case .unknown: return language(.badgeUnknown)
        case .sending: return language(.badgeSending)
        }
    }

    /// A call's result in the colours of the outcomes it resembles.
    static func resultRole(_ state: CallState) -> Role {
        switch state {
        case .connected: return .success
        case .pending: return .accent
        case .busy, .noAnswer: return .warning
        case .failed: return .error
        }
    }

    static func badgeRole(_ outcome: EntryOutcome) -> Role {
        switch outcome {
        case .placed: return .badgePlaced
        case .rejected: return .badgeRejected
        case .notSent: return .badgeNotSent
        case .unknown: return .badgeUnknown
        case .sending: return .badgeSending
        }
    }

    /// Writes `text` word-wrapped into `rect`.
    static func wrap(_ text: String, in rect: Rect, style: Style, on canvas: inout TextCanvas) {
        var y = rect.y
        for line in TextWrap.lines(text, width: rect.width - 2) {
            guard y < rect.maxY else { return }
            canvas.put(line, x: rect.x + 1, y: y, style: style)
            y += 1
        }
    }
}
