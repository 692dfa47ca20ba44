import CallLogModel
import CallbackCore
import ExolveModel
import Foundation
import Localization

/// Why a file name is asked for.
public enum FilePromptPurpose: Equatable, Sendable {
    /// F2: the form's request.
    case save
    /// F3: a request file into the form.
    case open
    /// `e` in the call log: a logged request (its exact JSON) to a file.
    case exportRequest(String)
}

/// The file name prompt of F2 (save), F3 (open) and `e` (export a logged request).
enum FilePrompt {
    static func perform(_ state: inout AppState, _ command: Command, key: Key, purpose: FilePromptPurpose, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch command {
        case .close: state.dialog = nil
        case .accept:
            let path = editor.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                state.status = StatusMessage(state.language(.typeAFileName), .warning)
                return []
            }
            state.dialog = nil
            state.files.lastPath = path
            switch purpose {
            case .save:
                return [.saveFile(path: path, contents: state.preview.text + "\n", overwrite: false)]
            case .open:
                return [.loadFile(path: path)]
            case .exportRequest(let json):
                let pretty = (try? JSONParser.parse(json)).map { CanonicalJSON.string($0, style: .pretty) } ?? json
                state.files.pendingExport = pretty + "\n"
                return [.saveFile(path: path, contents: pretty + "\n", overwrite: false)]
            }
        case .promptEdit:
            if TextEditing.apply(key, to: &editor, rule: .free, status: &state.status, language: state.language) {
                state.dialog = .filePrompt(purpose, editor)
            }
        default: break
        }
        return []
    }
}
