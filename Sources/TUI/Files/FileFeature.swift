import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// F2 (save), F3 (open) and `e` (export a logged request): the prompt and the overwrite question.
enum FileFeature {
    /// The dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.filePrompt, .of(.enter), .accept, "Enter", .keyConfirm),
        KeyTable.on(.filePrompt, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.filePrompt, .of(.tab), .files(.complete), "Tab", .keyCompletePath),
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
                let path = editor.text.trimmingSpaces()
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
                if handled { files.completions = [] }
                return Reply(dialog: handled ? .show(.files(.prompt(purpose, editor))) : .keep, status: status)
            case .files(.complete):
                return Reply(effects: [.completePath(editor.text)])
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

    /// The folder's names for a path typed in the prompt: one completes it, several extend it as
    /// far as they agree and are listed, none says so.
    static func completed(_ files: inout FileState, _ dialog: FileDialog, typed: String, candidates: [String],
                          context: ScreenContext) -> Reply {
        guard case .prompt(let purpose, let editor) = dialog, editor.text == typed else { return .none }
        let (folder, name) = PathCompletion.split(typed)
        guard !candidates.isEmpty else {
            files.completions = []
            return .status(StatusMessage(context.language(.noPathCompletion, ["name": TerminalText.escaped(typed)]), .warning))
        }
        let extended = candidates.count == 1 ? candidates[0] : PathCompletion.commonPrefix(candidates)
        files.completions = candidates.count == 1 ? [] : candidates
        guard extended.count > name.count else { return .none }
        return .show(.files(.prompt(purpose, LineEditor(folder + extended))))
    }

    /// Draws a file dialog; returns the prompt's cursor.
    static func draw(_ dialog: FileDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .prompt(let purpose, let editor):
            // Names Tab found, escaped (a file name is untrusted text), under the keys line.
            let width = min(state.size.width - 4, 72)
            let listed = TextWrap.lines(state.files.completions.map { TerminalText.escaped($0) }.joined(separator: "  "), width: width - 4)
            let shownCompletions = Array(listed.prefix(max(0, min(6, state.size.height - 9))))
            let rect = DialogView.centered(width: width, height: 5 + shownCompletions.count, in: state.size)
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
            for (offset, line) in shownCompletions.enumerated() {
                let more = offset == shownCompletions.count - 1 && listed.count > shownCompletions.count
                canvas.put(line + (more ? " …" : ""), x: inner.x + 1, y: inner.y + 3 + offset, style: Style(.accent, on: .surface), maxWidth: inner.width - 2)
            }
            return DialogView.input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .confirmOverwrite(let path):
            DialogView.text(title: state.language(.overwriteTitle), lines: [(state.language(.overwriteExists, ["path": path]), Style(.warning, on: .surface)),
                                                                           (state.language(.overwriteAsk), Style(.text, on: .surface, bold: true))],
                            width: 72, state: state, on: &canvas)
            return nil
        }
    }
}
