import CallbackCore
import ExolveModel
import Foundation
import Localization

/// Templates: F6 saves the form under a name, F7 lists them and loads one.
enum TemplateCommands {
    /// F6: asks for a name, offering one made from the description.
    static func askName(_ state: inout AppState) {
        state.dialog = .templateName(LineEditor(TemplateStore.suggestedName(from: state.form.requestDescription)))
    }

    /// A command while the name is asked.
    static func name(_ state: inout AppState, _ command: Command, key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch command {
        case .close: state.dialog = nil
        case .accept:
            let name = editor.text.trimmingCharacters(in: .whitespaces)
            guard TemplateStore.isValidName(name) else {
                state.status = StatusMessage(state.language(.templateNameRule, ["rule": TemplateStore.nameRule.text(state.language)]), .warning)
                return []
            }
            state.dialog = nil
            return [.saveTemplate(name: name, json: state.form.jsonValue, overwrite: false)]
        case .promptEdit:
            if TextEditing.apply(key, to: &editor, rule: .free, status: &state.status, language: state.language) { state.dialog = .templateName(editor) }
        default: break
        }
        return []
    }

    /// A command while "replace the template?" is asked.
    static func exists(_ state: inout AppState, _ command: Command, name: String) -> [Effect] {
        switch command {
        case .yes:
            state.dialog = nil
            return [.saveTemplate(name: name, json: state.form.jsonValue, overwrite: true)]
        case .no, .close:
            state.dialog = nil
            state.status = StatusMessage(state.language(.templateKept, ["name": name]), .info)
        default: break
        }
        return []
    }

    /// A command while the template list is open.
    static func picker(_ state: inout AppState, _ command: Command, key: Key, selected: Int) -> [Effect] {
        switch command {
        case .move: state.dialog = .templatePicker(selected: ListNavigation.select(selected, ListMove(key) ?? .down, count: state.templates.count))
        case .close: state.dialog = nil
        case .accept:
            guard let item = state.templates[safe: selected], let json = item.json else { return [] }
            state.dialog = nil
            let (form, kept) = FormState.loading(json)
            state.form = form
            state.pane = .form
            state.setFocus(state.form.focusOrder[0])
            state.status = StatusMessage(state.language(.templateLoaded, [
                "name": item.name, "summary": LoadReport.summary(state.validation, kept: kept, language: state.language),
            ]), .success)
            return [.saveDraft(state.form)]
        default: break
        }
        return []
    }
}
