import CallbackCore
import Foundation
import Localization

/// F2 (save), F3 (open) and `e` (export a logged request): the prompt and the overwrite question.
enum FileFeature {
    /// The dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.filePrompt, .of(.enter), .accept, "Enter", .keyConfirm),
        KeyTable.on(.filePrompt, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.confirmOverwrite, .of(.character("y"), .character("Y")), .yes, "y", .keyOverwrite),
        KeyTable.on(.confirmOverwrite, .of(.character("n"), .character("N"), .escape), .no, "n / Esc", .keyCancel),
    ]

    /// The prompt's editing keys (after every dialog's own keys, as the table has always had them).
    static let editingKeys = KeyTable.editing(in: [.dialog(.filePrompt)], when: .always)

    /// F2 or F3 opens the prompt on the last path.
    static func open(_ files: FileState, _ purpose: FilePromptPurpose) -> Reply {
        .show(.files(.prompt(purpose, LineEditor(files.lastPath))))
    }

    /// A command while a file dialog is open; `previewText` is what F2 saves.
    static func reduce(_ files: inout FileState, _ dialog: FileDialog, _ command: Command, previewText: String,
                       context: ScreenContext) -> Reply {
        let language = context.language
        switch dialog {
        case .prompt(let purpose, var editor):
            switch command {
            case .close: return .close
            case .accept:
                let path = editor.text.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { return .status(StatusMessage(language(.typeAFileName), .warning)) }
                files.lastPath = path
                switch purpose {
                case .save:
                    return Reply(effects: [.saveFile(path: path, contents: previewText + "\n", overwrite: false)], dialog: .close)
                case .open:
                    return Reply(effects: [.loadFile(path: path)], dialog: .close)
                case .exportRequest(let json):
                    let pretty = (try? JSONParser.parse(json)).map { CanonicalJSON.string($0, style: .pretty) } ?? json
                    files.pendingExport = pretty + "\n"
                    return Reply(effects: [.saveFile(path: path, contents: pretty + "\n", overwrite: false)], dialog: .close)
                }
            case .promptEdit(let edit):
                var status: StatusMessage? = nil
                let handled = TextEditing.apply(edit, to: &editor, rule: .free, status: &status, language: language)
                return Reply(dialog: handled ? .show(.files(.prompt(purpose, editor))) : .keep, status: status)
            default: return .none
            }
        case .confirmOverwrite(let path):
            switch command {
            case .yes:
                let contents = files.pendingExport ?? previewText + "\n"
                files.pendingExport = nil
                return Reply(effects: [.saveFile(path: path, contents: contents, overwrite: true)], dialog: .close)
            case .no, .close:
                files.pendingExport = nil
                return Reply(dialog: .close, status: StatusMessage(language(.notSaved), .info))
            default: return .none
            }
        }
    }

    /// Draws a file dialog; returns the prompt's cursor.
    static func draw(_ dialog: FileDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .prompt(let purpose, let editor):
            let rect = DialogView.centered(width: min(state.size.width - 4, 72), height: 5, in: state.size)
            let title: String
            switch purpose {
            case .save: title = state.language(.promptSaveTitle)
            case .open: title = state.language(.promptOpenTitle)
            case .exportRequest: title = state.language(.promptExportTitle)
            }
            DialogView.frame(rect, title: title, on: &canvas)
            let inner = rect.inset(1)
            canvas.put(state.language(purpose == .open ? .promptOpenFile : .promptSaveFile), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface))
            canvas.put(state.language(.promptKeys), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return DialogView.input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .confirmOverwrite(let path):
            DialogView.text(title: state.language(.overwriteTitle), lines: [(state.language(.overwriteExists, ["path": path]), Style(.warning, on: .surface)),
                                                                           (state.language(.overwriteAsk), Style(.text, on: .surface, bold: true))],
                            width: 72, state: state, on: &canvas)
            return nil
        }
    }
}
