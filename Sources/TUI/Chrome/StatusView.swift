import CallbackCore
import Foundation
import Localization

/// The status line: the latest message, else the focused field's problem,
/// else what the field is for.
enum StatusView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        let (text, style) = line(for: state)
        canvas.putPadded(" " + text, x: rect.x, y: rect.y, width: rect.width, style: style)
    }

    /// Braille spinner frames.
    static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    static func line(for state: AppState) -> (String, Style) {
        if let flight = state.sending.inFlight {
            let elapsed = max(0, state.now - flight.startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            let host: String
            switch state.target {
            case .demo(let h): host = state.language(.sendingDemoHost, ["host": h])
            case .live(let h): host = h
            }
            return (state.language(.sendingStatus, ["frame": String(frame), "host": host, "seconds": String(format: "%.1f", elapsed)]),
                    Style(.accent, bold: true))
        }
        if let status = state.status {
            let role: Role
            switch status.tone {
            case .info: role = .text
            case .success: role = .success
            case .warning: role = .warning
            case .error: role = .error
            }
            return (status.text(in: state.language), Style(role, bold: status.tone != .info))
        }
        let problems = state.problems(of: state.fields.focus)
        if state.pane == .form, let problem = problems.first(where: \.isError) ?? problems.first {
            let empty = state.form.text(of: state.fields.focus).isEmpty && state.form.isRequired(state.fields.focus)
            var text = ProblemPath.line(problem, in: state.language)
            if let suggestion = problem.suggestion { text = state.language(.statusProblemWithFix, ["suggestion": suggestion, "problem": text]) }
            return (text, Style(empty || !problem.isError ? .warning : .error))
        }
        return (hint(for: state.fields.focus, in: state.language), .muted)
    }

    static func hint(for field: FieldID, in language: UILanguage = .en) -> String { field.hint(in: language) }
}
