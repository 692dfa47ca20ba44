import CallbackCore
import CallLogModel
import FoundationEssentials
import Glibc
import Localization
import CallEvents

/// The status line: the latest message, else the focused field's problem,
/// else what the field is for.
enum StatusView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        let (text, style) = line(for: state)
        let rows = wrapped(text, width: rect.width)
        for row in 0..<rect.height {
            // Beyond the last row the text is cut with `…` (the canvas marks it).
            let part = row == rect.height - 1 ? rest(of: rows, from: row) : (rows.indices.contains(row) ? rows[row] : "")
            canvas.putPadded(" " + part, x: rect.x, y: rect.y + row, width: rect.width, style: style)
        }
    }

    /// The rows from `first` on, in one line. A loop, not `rows.dropFirst(first).joined(separator:)`:
    /// an array slice's `joined` is the standard library's unspecialized generic one, which
    /// searched all the binary's conformance records before the first frame (issue #32).
    private static func rest(of rows: [String], from first: Int) -> String {
        var line = ""
        for index in rows.indices where index >= first {
            if index > first { line += " " }
            line += rows[index]
        }
        return line
    }

    /// How many rows the status line needs for its message (up to three).
    static func rows(for state: AppState) -> Int {
        min(3, wrapped(line(for: state).0, width: state.size.width, maxLines: 3).count)
    }

    private static func wrapped(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        let lines = TextWrap.lines(text, width: max(10, width - 2), maxLines: maxLines)
        return lines.isEmpty ? [""] : lines
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
            let values = ["frame": String(frame), "host": host, "log": (state.log.place ?? .file).text(in: state.language),
                          "seconds": Elapsed.tenths(elapsed)]
            let phrase: Phrase
            switch flight.stage {
            case .recording: phrase = .sendingRecording
            case .requesting: phrase = .sendingStatus
            case .recordingOutcome: phrase = .sendingRecordingOutcome
            }
            return (state.language(phrase, values), Style(.accent, bold: true))
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
        // Under a dialog the field's hint would speak of what the dialog hides.
        if state.dialog != nil { return ("", .muted) }
        let problems = state.problems(of: state.fields.focus)
        if state.pane == .form, let problem = problems.first(where: \.isError) ?? problems.first {
            let empty = state.form.text(of: state.fields.focus).isEmpty && state.form.isRequired(state.fields.focus)
            var text = ProblemPath.line(problem, in: state.language)
            if let suggestion = problem.suggestion { text = state.language(.statusProblemWithFix, ["suggestion": suggestion, "problem": text]) }
            return (text, Style(empty || !problem.isError ? .warning : .error))
        }
        switch state.pane {
        case .form: return (hint(for: state.fields.focus, in: state.language), .muted)
        case .preview: return (state.language(.statusPreviewHint), .muted)
        case .log:
            guard state.log.entries.indices.contains(state.log.selected) else { return (state.language(.statusLogHint), .muted) }
            let entry = state.log.entries[state.log.selected]
            var summary = entrySummary(entry, in: state.language)
            if let result = state.log.result(of: entry) { summary += " · " + result.label(now: state.screen.wallClockNow, in: state.language) }
            return (summary, .muted)
        }
    }

    /// The selected log entry in one line, what the panel's columns had no room for
    /// included: the full time, who sent it, every number, the whole description, the call_id.
    static func entrySummary(_ entry: CallLogEntry, in language: UILanguage) -> String {
        var parts = [Timestamp.isValid(entry.createdAt) ? Timestamp.local(entry.createdAt) : language(.timeInvalid)]
        if let name = entry.operatorName, !name.isEmpty { parts.append(LogColumns.cell(name)) }
        parts.append(LogPanelView.badgeWord(entry.outcome, language: language).lowercased())
        parts.append(LogColumns.cell(entry.line1Numbers) + " → " + LogColumns.cell(entry.line2Numbers))
        if let description = entry.requestDescription, !description.isEmpty { parts.append("“" + LogColumns.cell(description) + "”") }
        if let callID = entry.callID { parts.append("call_id " + LogColumns.cell(callID)) }
        if let disposition = entry.disposition { parts.append("[" + LogColumns.cell(disposition) + "]") }
        if let note = entry.note { parts.append("✎ " + LogColumns.cell(note.split(separator: "\n").first.map(String.init) ?? "")) }
        return parts.joined(separator: " · ")
    }

    static func hint(for field: FieldID, in language: UILanguage = .en) -> String { field.hint(in: language) }
}
