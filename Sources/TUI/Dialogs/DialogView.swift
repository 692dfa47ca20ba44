import CallbackCore
import ExolveClient

/// Dialogs drawn over the main screen. Returns the cursor for a prompt.
enum DialogView {
    static func draw(_ dialog: Dialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let size = state.size
        switch dialog {
        case .help(let scroll):
            HelpView.draw(state, scroll: scroll, on: &canvas)
            return nil
        case .problems(let selected):
            let problems = state.validation.problems
            let rect = centered(width: min(size.width - 4, 96), height: min(size.height - 4, max(3, problems.count + 2)), in: size)
            frame(rect, title: "Problems (\(problems.count)) · Enter goes to the field · Esc closes", on: &canvas)
            let inner = rect.inset(1)
            if problems.isEmpty {
                canvas.put("No problems: the request is valid.", x: inner.x + 1, y: inner.y, style: Style(.success, on: .surface))
                return nil
            }
            ListView.draw(count: problems.count, selected: selected, in: inner, on: &canvas) { index, y, _, background, canvas in
                let problem = problems[index]
                let x = inner.x + 1 + canvas.put(problem.path.isEmpty ? "(request)" : problem.path, x: inner.x + 1, y: y,
                                                 style: Style(.error, on: background, bold: true))
                canvas.put("  " + problem.message, x: x, y: y, style: Style(.text, on: background), maxWidth: inner.maxX - x - 1)
            }
            return nil
        case .filePrompt(let purpose, let editor):
            let rect = centered(width: min(size.width - 4, 72), height: 5, in: size)
            let title: String
            switch purpose {
            case .save: title = "Save the request (F2)"
            case .open: title = "Open a request file (F3)"
            case .exportRequest: title = "Save the logged request (e)"
            }
            frame(rect, title: title, on: &canvas)
            let inner = rect.inset(1)
            canvas.put(purpose == .open ? "Open file:" : "Save to file:", x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface))
            canvas.put("Enter confirms · Esc cancels", x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .voicePicker(let line, let filter, let gender, let selected):
            return PickerViews.voicePicker(line: line, filter: filter, gender: gender, selected: selected, state: state, on: &canvas)
        case .emotionPicker(let line, let selected):
            PickerViews.emotionPicker(line: line, selected: selected, state: state, on: &canvas)
            return nil
        case .voiceExplorer(let line, let row, let column):
            PickerViews.explorer(line: line, row: row, column: column, state: state, on: &canvas)
            return nil
        case .confirmSend(let request, let secondAsk):
            SendViews.confirm(request, secondAsk: secondAsk, state: state, on: &canvas)
            return nil
        case .outcome(let call):
            SendViews.outcome(call, state: state, on: &canvas)
            return nil
        case .message(let title, let text):
            SendViews.message(title: title, text: text, state: state, on: &canvas)
            return nil
        case .logEntry(let entry, let scroll):
            LogEntryView.draw(entry, scroll: scroll, state: state, on: &canvas)
            return nil
        case .logSearch(let editor):
            let rect = centered(width: min(size.width - 4, 72), height: 5, in: size)
            frame(rect, title: "Search the call log", on: &canvas)
            let inner = rect.inset(1)
            canvas.put("Numbers (also their last digits), description, call_id, TTS text:", x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface), maxWidth: inner.width - 2)
            canvas.put("Enter searches (empty: everything) · Esc cancels", x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .profilePicker(let selected):
            let rect = centered(width: min(size.width - 4, 70), height: min(size.height - 2, state.profiles.count + 5), in: size)
            frame(rect, title: "Profile · Enter switches (fills empty fields only) · Esc", on: &canvas)
            let inner = rect.inset(1)
            let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2)
            ListView.draw(count: state.profiles.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
                let profile = state.profiles[index]
                let current = profile.name == state.profileName ? " (in use)" : ""
                let key = profile.apiKeyEnv.map { "key $\($0)" } ?? profile.apiKeyFile.map { "key file \($0)" } ?? "key as configured"
                let line = "\(chosen ? "▸" : " ") \(profile.name)\(current)  ·  \(profile.baseURL ?? "default endpoint")  ·  \(key)"
                canvas.put(line, x: inner.x + 1, y: y, style: Style(.text, on: background, bold: chosen), maxWidth: inner.width - 2)
            }
            if let profile = state.profiles[safe: selected] {
                let defaults = CanonicalJSON.string(profile.defaults, style: .compact)
                canvas.put("defaults: " + defaults, x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            }
            return nil
        case .templateName(let editor):
            let rect = centered(width: min(size.width - 4, 72), height: 5, in: size)
            frame(rect, title: "Save the form as a template (F6)", on: &canvas)
            let inner = rect.inset(1)
            canvas.put("Template name (\(TemplateStore.nameRule)):", x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface))
            canvas.put("Enter saves · Esc cancels", x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        case .templateExists(let name):
            text(title: "Template exists", lines: [("Template \(name) exists. Replace it? y / n", Style(.warning, on: .surface, bold: true))],
                 width: 60, state: state, on: &canvas)
            return nil
        case .templatePicker(let selected):
            let rect = centered(width: min(size.width - 4, 110), height: max(8, size.height - 6), in: size)
            frame(rect, title: "Templates (F7) · ↑↓ preview · Enter loads into the form · Esc", on: &canvas)
            let inner = rect.inset(1)
            if state.templates.isEmpty {
                canvas.put("No templates yet: F6 saves the form as one.", x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface))
                return nil
            }
            let listWidth = min(28, inner.width / 3)
            ListView.draw(count: state.templates.count, selected: selected, in: inner, on: &canvas, highlightWidth: listWidth) { index, y, chosen, background, canvas in
                let item = state.templates[index]
                canvas.put((chosen ? "▸ " : "  ") + item.name, x: inner.x + 1, y: y,
                           style: Style(item.json == nil ? .error : .text, on: background, bold: chosen), maxWidth: listWidth - 1)
            }
            if let item = state.templates[safe: selected] {
                let x = inner.x + listWidth + 1
                if let json = item.json {
                    for (offset, line) in PreviewDocument(json).lines.prefix(inner.height).enumerated() {
                        var column = x
                        for token in line.tokens {
                            column += canvas.put(token.text, x: column, y: inner.y + offset, style: Style(token.role, on: .surface), maxWidth: inner.maxX - column)
                        }
                    }
                } else {
                    canvas.put(item.problem ?? "unreadable", x: x, y: inner.y, style: Style(.error, on: .surface), maxWidth: inner.maxX - x)
                }
            }
            return nil
        case .themePicker(let selected, _):
            let names = state.themeNames
            let rect = centered(width: min(size.width - 4, 50), height: min(size.height - 2, names.count + 4), in: size)
            frame(rect, title: "Theme · ↑↓ preview · Enter keeps · Esc reverts", on: &canvas)
            let inner = rect.inset(1)
            let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
            ListView.draw(count: names.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
                canvas.put((chosen ? "▸ " : "  ") + names[index], x: inner.x + 1, y: y, style: Style(.text, on: background, bold: chosen))
            }
            canvas.put("terminal colours: \(state.colorDepth)", x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            return nil
        case .saveTheme(let name):
            text(title: "Keep theme \(name)", lines: [("Save it to the config file for next time? y / n", Style(.text, on: .surface, bold: true)),
                                                    ("(n keeps it for this session only)", Style(.muted, on: .surface))],
                 width: 60, state: state, on: &canvas)
            return nil
        case .confirmOverwrite(let path):
            text(title: "File exists", lines: [("\(path) exists.", Style(.warning, on: .surface)),
                                               ("Overwrite it? y / n", Style(.text, on: .surface, bold: true))],
                 width: 72, state: state, on: &canvas)
            return nil
        }
    }

    /// A titled dialog of styled lines, centred and sized to them.
    static func text(title: String, lines: [(String, Style)], width: Int, state: AppState, on canvas: inout TextCanvas,
                     titleRole: Role = .focus) {
        let rect = centered(width: min(state.size.width - 2, width), height: min(state.size.height - 2, lines.count + 2), in: state.size)
        canvas.fill(rect, style: Style(.text, on: .surface))
        canvas.box(rect, title: title, style: Style(.focus, on: .surface), titleStyle: Style(titleRole, bold: true))
        let inner = rect.inset(1)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
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

import Foundation
