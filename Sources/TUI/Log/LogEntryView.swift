import CallLogModel
import CallbackCore
import Localization

/// One call log entry in full, scrolled within its text; the box keeps its size as it scrolls.
enum LogEntryView {
    static func draw(_ entry: CallLogEntry, scroll: Int, state: AppState, on canvas: inout TextCanvas) {
        let lines = LogEntryContent.lines(entry, result: state.log.result(of: entry), evidence: entry.id.flatMap { state.log.evidence[$0] }, noSign: entry.id.map { state.log.noSign.contains($0) } ?? false,
                                          width: LogEntryContent.width(for: state.size),
                                          language: state.language)
        let visible = LogEntryContent.visibleRows(for: state.size)
        let top = min(scroll, max(0, lines.count - visible))
        var shown = Array(lines.dropFirst(top).prefix(visible))
        if shown.count < min(visible, lines.count) { shown += Array(repeating: ("", Style(.text, on: .surface)), count: min(visible, lines.count) - shown.count) }
        let position = lines.count > visible ? " · \(top + 1)–\(top + shown.count)/\(lines.count)" : ""
        DialogView.text(title: state.language(.entryTitle, ["id": "\(entry.id ?? 0)", "position": position]), lines: shown,
                        width: 92, state: state, on: &canvas)
    }
}
