import Localization

/// A titled message (no key configured, the log unavailable...), wrapped to fit.
enum MessageView {
    static func draw(title: String, text: String, state: AppState, on canvas: inout TextCanvas) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: 80) }
            .map { ($0, Style(.text, on: .surface)) }
        lines.append(("", Style(.text, on: .surface)))
        lines.append((state.language(.messageClose), Style(.accent, on: .surface)))
        DialogView.text(title: title, lines: lines, width: 88, state: state, on: &canvas)
    }
}
