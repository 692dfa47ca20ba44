import CallbackCore
import ExolveModel
import Localization
import Foundation

/// Dialogs drawn over the main screen. Returns the cursor for a prompt.
enum DialogView {
    static func draw(_ dialog: Dialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let size = state.size
        switch dialog {
        case .help(let scroll):
            HelpView.draw(state, scroll: scroll, on: &canvas)
            return nil
        case .problems(let selected):
            let problems = state.validation.errorsFirst
            let rect = centered(width: min(size.width - 4, 96), height: min(size.height - 4, max(3, problems.count + 2)), in: size)
            let errors = state.validation.errors.count
            frame(rect, title: state.language(.problemsTitle, ["errors": "\(errors)", "warnings": "\(problems.count - errors)"]), on: &canvas)
            let inner = rect.inset(1)
            if problems.isEmpty {
                canvas.put(state.language(.problemsNone), x: inner.x + 1, y: inner.y, style: Style(.success, on: .surface))
                return nil
            }
            ListView.draw(count: problems.count, selected: selected, in: inner, on: &canvas) { index, y, _, background, canvas in
                let problem = problems[index]
                let role: Role = problem.isError ? .error : .warning
                var x = inner.x + 1 + canvas.put(problem.isError ? "✗ " : "! ", x: inner.x + 1, y: y, style: Style(role, on: background, bold: true))
                x += canvas.put(problem.path.isEmpty ? state.language(.problemWholeRequest) : ProblemPath.display(problem.path, in: state.language), x: x, y: y,
                                style: Style(role, on: background, bold: true), maxWidth: inner.maxX - x - 1)
                canvas.put("  " + problem.message(in: state.language), x: x, y: y, style: Style(.text, on: background), maxWidth: inner.maxX - x - 1)
            }
            return nil
        case .filePrompt(let purpose, let editor):
            let rect = centered(width: min(size.width - 4, 72), height: 5, in: size)
            let title: String
            switch purpose {
            case .save: title = state.language(.promptSaveTitle)
            case .open: title = state.language(.promptOpenTitle)
            case .exportRequest: title = state.language(.promptExportTitle)
            }
            frame(rect, title: title, on: &canvas)
            let inner = rect.inset(1)
            canvas.put(state.language(purpose == .open ? .promptOpenFile : .promptSaveFile), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface))
            canvas.put(state.language(.promptKeys), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .voicePicker(let line, let filter, let gender, let selected):
            return AudioPickerViews.voicePicker(line: line, filter: filter, gender: gender, selected: selected, state: state, on: &canvas)
        case .emotionPicker(let line, let selected):
            AudioPickerViews.emotionPicker(line: line, selected: selected, state: state, on: &canvas)
            return nil
        case .voiceExplorer(let line, let row, let column):
            AudioPickerViews.explorer(line: line, row: row, column: column, state: state, on: &canvas)
            return nil
        case .confirmSend(let request, let secondAsk):
            SendViews.confirm(request, secondAsk: secondAsk, state: state, on: &canvas)
            return nil
        case .outcome(let call):
            SendViews.outcome(call, state: state, on: &canvas)
            return nil
        case .message(let title, let text):
            MessageView.draw(title: title, text: text, state: state, on: &canvas)
            return nil
        case .logEntry(let entry, let scroll):
            LogEntryView.draw(entry, scroll: scroll, state: state, on: &canvas)
            return nil
        case .logSearch(let editor):
            let rect = centered(width: min(size.width - 4, 72), height: 5, in: size)
            frame(rect, title: state.language(.searchTitle), on: &canvas)
            let inner = rect.inset(1)
            canvas.put(state.language(.searchWhat), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface), maxWidth: inner.width - 2)
            canvas.put(state.language(.searchKeys), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .profilePicker(let selected):
            ProfilePickerView.draw(state, selected: selected, on: &canvas)
            return nil
        case .templateName(let editor):
            return TemplateViews.name(editor, state: state, on: &canvas)
        case .templateExists(let name):
            TemplateViews.exists(name, state: state, on: &canvas)
            return nil
        case .templatePicker(let selected):
            TemplateViews.picker(state, selected: selected, on: &canvas)
            return nil
        case .themePicker(let selected, _):
            ThemeViews.picker(state, selected: selected, on: &canvas)
            return nil
        case .saveTheme(let name):
            ThemeViews.save(name, state: state, on: &canvas)
            return nil
        case .accountPicker(let target, let filter, let selected):
            return AccountPickerView.draw(state, target: target, filter: filter, selected: selected, on: &canvas)
        case .palette(let filter, let selected):
            return PaletteView.draw(state, filter: filter, selected: selected, on: &canvas)
        case .quitWhileSending:
            DialogView.text(title: state.language(.quitSendingTitle), lines: [
                (state.language(.quitSendingUnknown), Style(.warning, on: .surface, bold: true)),
                (state.language(.quitSendingWait), Style(.text, on: .surface)),
                (state.language(.quitSendingNow), Style(.text, on: .surface)),
                (state.language(.quitSendingStay), Style(.muted, on: .surface)),
            ], width: 76, state: state, on: &canvas, titleRole: .warning)
            return nil
        case .confirmOverwrite(let path):
            text(title: state.language(.overwriteTitle), lines: [(state.language(.overwriteExists, ["path": path]), Style(.warning, on: .surface)),
                                               (state.language(.overwriteAsk), Style(.text, on: .surface, bold: true))],
                 width: 72, state: state, on: &canvas)
            return nil
        }
    }

    /// A titled dialog of styled lines, centred and sized to them. Lines wider than
    /// the dialog wrap (nothing that decides a send is cut); when the screen is too
    /// short, the last row says how many lines are hidden.
    static func text(title: String, lines: [(String, Style)], width: Int, state: AppState, on canvas: inout TextCanvas,
                     titleRole: Role = .focus) {
        let boxWidth = min(state.size.width - 2, width)
        let room = max(10, boxWidth - 4)
        var wrapped: [(String, Style)] = []
        for (text, style) in lines {
            // Keep a line's indent on each of its rows (wrapping would drop it).
            let indent = String(text.prefix { $0 == " " })
            let body = String(text.dropFirst(indent.count))
            for part in TextWrap.lines(body, width: max(10, room - indent.count)) {
                wrapped.append((indent + part, style))
            }
        }
        let rect = centered(width: boxWidth, height: min(state.size.height - 2, wrapped.count + 2), in: state.size)
        canvas.fill(rect, style: Style(.text, on: .surface))
        canvas.box(rect, title: title, style: Style(.focus, on: .surface), titleStyle: Style(titleRole, bold: true))
        let inner = rect.inset(1)
        if wrapped.count > inner.height, inner.height > 0 {
            let hidden = wrapped.count - inner.height + 1
            wrapped = Array(wrapped.prefix(inner.height - 1)) + [(state.language(.dialogMoreLines, ["count": "\(hidden)"]), Style(.warning, on: .surface, bold: true))]
        }
        for (offset, line) in wrapped.prefix(inner.height).enumerated() {
            canvas.put(line.0, x: inner.x + 1, y: inner.y + offset, style: line.1, maxWidth: inner.width - 2)
        }
    }

    /// A one-line input box of `width` columns, scrolled so the cursor stays in
    /// view; returns where the terminal cursor goes.
    static func input(_ editor: LineEditor, x: Int, y: Int, width: Int, on canvas: inout TextCanvas) -> (x: Int, y: Int) {
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(.text, on: .selection))
        let offset = max(0, editor.cursorColumn - (width - 1))
        canvas.put(FormView.visible(editor.text, from: offset), x: x, y: y, style: Style(.text, on: .selection), maxWidth: width)
        return (x + editor.cursorColumn - offset, y)
    }

    static func centered(width: Int, height: Int, in size: Size) -> Rect {
        Rect(x: max(0, (size.width - width) / 2), y: max(0, (size.height - height) / 2), width: width, height: height)
    }

    static func frame(_ rect: Rect, title: String, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        canvas.box(rect, title: title, style: Style(.focus, on: .surface), titleStyle: Style(.focus, on: .surface, bold: true))
    }
}
