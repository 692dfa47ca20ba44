import CallbackCore
import Foundation

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
        if let flight = state.inFlight {
            let elapsed = max(0, state.now - flight.startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            let host: String
            switch state.target {
            case .demo(let h): host = "DEMO \(h)"
            case .live(let h): host = h
            }
            return (String(format: "%@ sending to %@ … %.1f s (the UI stays usable; F5 waits for this one)", String(frame), host, elapsed),
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
            return (status.text, Style(role, bold: status.tone != .info))
        }
        let problems = state.problems(of: state.focus)
        if state.pane == .form, let problem = problems.first(where: \.isError) ?? problems.first {
            let empty = state.form.text(of: state.focus).isEmpty && state.form.isRequired(state.focus)
            var text = "\(problem.severity.rawValue): \(ProblemPath.display(problem.path)): \(problem.message)"
            if let suggestion = problem.suggestion { text = "Ctrl-F → \(suggestion) · " + text }
            return (text, Style(empty || !problem.isError ? .warning : .error))
        }
        return (hint(for: state.focus), .muted)
    }

    static func hint(for field: FieldID) -> String {
        switch field {
        case .requestDescription: return "Your own id for this request, free text (optional). stub:504 etc. try failures on the stand-in."
        case .numberCode: return "The Exolve number that places the callback, e.g. 74999999999 (required)."
        case .callbackResourceID: return "The id of the callback resource created in your Exolve application (required)."
        case .duration: return "Max length of the bridged call: \(Rules.duration.lowerBound)–\(Rules.duration.upperBound) s. Empty: the API's default \(Rules.defaultDuration)."
        case .destinationNumber: return "International digits (79991234567) or a SIP URI (sip:user@host)."
        case .destinationTimeout: return "How long this destination rings: \(Rules.timeout.lowerBound)–\(Rules.timeout.upperBound) s. Empty: \(Rules.defaultTimeout)."
        case .addDestination: return "A leg rings \(Rules.destinationsPerLine.lowerBound) to \(Rules.destinationsPerLine.upperBound) destinations."
        case .ringLogic: return "Sequential rings destinations one after another; parallel rings them all at once."
        case .displayNumber: return "The caller id this leg's subscribers see (optional)."
        case .audioKind: return "What this leg hears before bridging: nothing, a recording, or synthesized speech."
        case .mediaResourceID: return "The id of a media resource uploaded to your application."
        case .ttsText: return "\(Rules.ttsText.lowerBound)–\(Rules.ttsText.upperBound) characters to say."
        case .ttsVoice: return "The voice; the emotion list follows it."
        case .ttsEmotion: return "Only the emotions this voice supports are offered."
        case .ttsLang: return "The language of the text; the voice catalog lists the languages offered."
        case .ttsVolume: return "Gain \(Rules.volume.lowerBound)…\(Rules.volume.upperBound) (0 loudest). Empty: \(Rules.defaultVolume)."
        case .ttsSpeed: return "Speech rate \(Rules.speed.lowerBound)…\(Rules.speed.upperBound). Empty: \(Rules.defaultSpeed)."
        }
    }
}
