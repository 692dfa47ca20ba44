import CallbackCore
import Localization

extension AppState {
    /// Carries out what a feature asked for (the composition root's one place for it);
    /// returns the effects to run.
    mutating func apply(_ reply: Reply) -> [Effect] {
        var effects = reply.effects
        switch reply.dialog {
        case .keep: break
        case .close: dialog = nil
        case .show(let shown): dialog = shown
        }
        if let pane = reply.pane { screen.pane = pane }
        if let form = reply.loadForm {
            editing.form = form
            editing.setFocus(form.focusOrder[0])
            effects.append(.saveDraft(editing.form))
        }
        if let focus = reply.focus { editing.setFocus(focus) }
        if let status = reply.status { self.status = status }
        if let load = reply.loadStatus {
            var arguments = load.arguments
            arguments["summary"] = LoadReport.summary(validation, kept: load.kept, language: language)
            let tone: StatusMessage.Tone = !load.toneFromValidation ? .success
                : validation.errors.isEmpty ? (validation.warnings.isEmpty ? .success : .warning) : .error
            status = StatusMessage(language(load.phrase, arguments), tone)
        }
        // A list whose problems changed keeps its choice within them.
        if case .problems(let problems)? = dialog { dialog = .problems(problems.clamped(to: validation.problems.count)) }
        if reply.quit { screen.quitting = true }
        if let command = reply.then { effects += perform(command, in: &self) }
        return effects
    }
}
