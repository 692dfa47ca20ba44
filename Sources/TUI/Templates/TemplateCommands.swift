import CallbackCore
import ExolveModel
import FoundationEssentials
import Glibc
import Localization

/// The templates feature's dialogs.
public enum TemplateDialog: Equatable, Sendable {
    /// F6: the name to save the form as a template.
    case name(LineEditor)
    /// A template by that name exists: overwrite it?
    case exists(String)
    /// F7: the templates, the selected one previewed.
    case picker(selected: Int)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .name: return .templateName
        case .exists: return .templateExists
        case .picker: return .templatePicker
        }
    }
}

extension DialogKind {
    /// The template name prompt.
    public static let templateName = DialogKind("templateName", .dialogTemplateName)
    /// "Replace the template?"
    public static let templateExists = DialogKind("templateExists", .dialogTemplateExists)
    /// The template list.
    public static let templatePicker = DialogKind("templatePicker", .dialogTemplatePicker)
}

/// Templates: F6 saves the form under a name, F7 lists them and loads one.
enum TemplateCommands {
    /// The template dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.templateName, .of(.enter), .accept, "Enter", .keySave),
        KeyTable.on(.templateName, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.templateExists, .of(.character("y"), .character("Y")), .yes, "y", .keyReplace),
        KeyTable.on(.templateExists, .of(.character("n"), .character("N"), .escape), .no, "n", .keyKeep),
        KeyTable.on(.templatePicker, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyPreview),
        KeyTable.on(.templatePicker, .of(.enter), .accept, "Enter", .keyLoad),
        KeyTable.on(.templatePicker, .of(.escape), .close, "Esc", .keyCancel),
    ]

    /// The name prompt's editing keys.
    static let editingKeys = KeyTable.editing(in: [.dialog(.templateName)], when: .always)

    /// F6: asks for a name, offering one made from the description.
    static func askName(_ form: FormState) -> Reply {
        .show(.templates(.name(LineEditor(TemplateStore.suggestedName(from: form.requestDescription)))))
    }

    /// F7: the list, read anew.
    static func openList() -> Reply {
        Reply(effects: [.listTemplates], dialog: .show(.templates(.picker(selected: 0))))
    }

    /// A command while a template dialog is open; `form` is what F6 saves.
    static func reduce(_ templates: [TemplateItem], _ dialog: TemplateDialog, _ command: Command, form: FormState,
                       context: ScreenContext) -> Reply {
        let language = context.language
        switch dialog {
        case .name(var editor):
            switch command {
            case .close: return .close
            case .accept:
                let name = editor.text.trimmingSpaces()
                guard TemplateStore.isValidName(name) else {
                    return .status(StatusMessage(language(.templateNameRule, ["rule": TemplateStore.nameRule.text(language)]), .warning))
                }
                return Reply(effects: [.saveTemplate(name: name, json: form.jsonValue, overwrite: false)], dialog: .close)
            case .promptEdit(let edit):
                var status: StatusMessage? = nil
                let handled = TextEditing.apply(edit, to: &editor, rule: .free, status: &status, language: language)
                return Reply(dialog: handled ? .show(.templates(.name(editor))) : .keep, status: status)
            default: return .none
            }
        case .exists(let name):
            switch command {
            case .yes: return Reply(effects: [.saveTemplate(name: name, json: form.jsonValue, overwrite: true)], dialog: .close)
            case .no, .close: return Reply(dialog: .close, status: StatusMessage(language(.templateKept, ["name": name]), .info))
            default: return .none
            }
        case .picker(let selected):
            switch command {
            case .move(let move): return .show(.templates(.picker(selected: ListNavigation.select(selected, move, count: templates.count))))
            case .close: return .close
            case .accept:
                guard let item = templates[safe: selected], let json = item.json else { return .none }
                let (loaded, kept) = FormState.loading(json)
                return Reply(dialog: .close, pane: .form, loadForm: loaded,
                             loadStatus: LoadStatus(phrase: .templateLoaded, arguments: ["name": item.name], kept: kept, toneFromValidation: false))
            default: return .none
            }
        }
    }

    /// Draws a template dialog; returns the name prompt's cursor.
    static func draw(_ dialog: TemplateDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .name(let editor): return TemplateViews.name(editor, state: state, on: &canvas)
        case .exists(let name): TemplateViews.exists(name, state: state, on: &canvas)
        case .picker(let selected): TemplateViews.picker(state, selected: selected, on: &canvas)
        }
        return nil
    }
}

/// The templates feature's commands.
public enum TemplateCommand: Equatable, Sendable {
    /// F6: save the form as a template.
    case save
    /// F7: the list.
    case open
}
