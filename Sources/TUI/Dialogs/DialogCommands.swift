import CallbackCore
import Foundation
import Localization

/// Commands while a dialog is open, handed to the dialog's own feature.
enum DialogCommands {
    static func perform(_ command: Command, key: Key, dialog: Dialog, in state: inout AppState) -> [Effect] {
        switch dialog {
        case .confirmSend(let request, let secondAsk):
            return SendCommands.confirm(&state, command, request: request, secondAsk: secondAsk)
        case .outcome(let call):
            return SendCommands.outcome(&state, command, call: call)
        case .message:
            if command == .close { state.dialog = nil }
        case .logSearch(let editor):
            return LogCommands.search(&state, command, key: key, editor: editor)
        case .logEntry(let entry, let scroll):
            return LogCommands.entry(&state, command, key: key, entry: entry, scroll: scroll)
        case .voicePicker(let line, let filter, let gender, let selected):
            return AudioCommands.voicePicker(command, key: key, line: line, filter: filter, gender: gender, selected: selected, in: &state)
        case .emotionPicker(let line, let selected):
            return AudioCommands.emotionPicker(command, key: key, line: line, selected: selected, in: &state)
        case .voiceExplorer(let line, let row, let column):
            return AudioCommands.explorer(command, key: key, line: line, row: row, column: column, in: &state)
        case .themePicker(let selected, let original):
            return ThemeCommands.picker(&state, command, key: key, selected: selected, original: original)
        case .saveTheme(let name):
            return ThemeCommands.save(&state, command, name: name)
        case .profilePicker(let selected):
            return ProfileCommands.picker(&state, command, key: key, selected: selected)
        case .templateName(let editor):
            return TemplateCommands.name(&state, command, key: key, editor: editor)
        case .templateExists(let name):
            return TemplateCommands.exists(&state, command, name: name)
        case .templatePicker(let selected):
            return TemplateCommands.picker(&state, command, key: key, selected: selected)
        case .help(let scroll):
            switch command {
            case .move:
                let total = HelpContent.lines(state).count
                state.dialog = .help(scroll: ListNavigation.scroll(scroll, ListMove(key) ?? .down, total: total,
                                                                   visible: HelpContent.visibleRows(for: state.size, total: total)))
            case .close: state.dialog = nil
            default: break
            }
        case .problems(let selected):
            return problems(&state, command, key: key, selected: selected)
        case .quitWhileSending:
            return QuitCommands.answer(&state, command)
        case .accountPicker(let target, let filter, let selected):
            return AccountPickerCommands.perform(&state, command, key: key, target: target, filter: filter, selected: selected)
        case .palette(let filter, let selected):
            return PaletteCommands.perform(&state, command, key: key, filter: filter, selected: selected)
        case .filePrompt(let purpose, let editor):
            return FilePrompt.perform(&state, command, key: key, purpose: purpose, editor: editor)
        case .confirmOverwrite(let path):
            switch command {
            case .yes:
                state.dialog = nil
                let contents = state.files.pendingExport ?? state.preview.text + "\n"
                state.files.pendingExport = nil
                return [.saveFile(path: path, contents: contents, overwrite: true)]
            case .no, .close:
                state.dialog = nil
                state.files.pendingExport = nil
                state.status = StatusMessage(state.language(.notSaved), .info)
            default: break
            }
        }
        return []
    }

    /// The problems list: choose one, Enter jumps to its field.
    static func problems(_ state: inout AppState, _ command: Command, key: Key, selected: Int) -> [Effect] {
        let problems = state.validation.errorsFirst
        switch command {
        case .move: state.dialog = .problems(selected: ListNavigation.select(selected, ListMove(key) ?? .down, count: problems.count))
        case .accept:
            state.dialog = nil
            if let problem = problems[safe: selected] {
                state.pane = .form
                state.setFocus(state.field(forProblemAt: problem.path))
                state.status = StatusMessage(ProblemPath.line(problem, in: state.language), problem.isError ? .error : .warning)
            }
        case .close: state.dialog = nil
        case .dropKept:
            guard let problem = problems[safe: selected], state.form.rawValue(at: problem.path) != nil else {
                state.status = StatusMessage(state.language(.dropKeptNone), .info)
                return []
            }
            _ = state.form.dropRaw(at: problem.path)
            state.dialog = .problems(selected: min(selected, max(0, state.validation.problems.count - 1)))
            state.status = StatusMessage(state.language(.dropKeptDone, ["path": ProblemPath.display(problem.path, in: state.language)]), .success)
            return [.saveDraft(state.form)]
        default: break
        }
        return []
    }
}
