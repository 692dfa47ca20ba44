import Localization

/// A titled message (no key configured, the log unavailable...), wrapped to fit
/// once, by the dialog, at the width it gets (wrapping here first, at a fixed
/// width, left ragged half-lines on a narrower screen).
enum MessageView {
    static func draw(title: String, text: String, state: AppState, on canvas: inout TextCanvas) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { (String($0), Style(.text, on: .surface)) }
        lines.append(("", Style(.text, on: .surface)))
        lines.append((state.language(.messageClose), Style(.accent, on: .surface)))
        DialogView.text(title: title, lines: lines, width: 88, state: state, on: &canvas)
    }
}
