import CallbackCore
import ExolveModel
import FoundationEssentials
import Glibc
import Localization

/// Dialogs drawn over the main screen. Returns the cursor for a prompt.
enum DialogView {
    static func draw(_ dialog: Dialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .help(let help): return HelpFeature.draw(help, state: state, on: &canvas)
        case .problems(let problems): return ProblemsFeature.draw(problems, state: state, on: &canvas)
        case .files(let files): return FileFeature.draw(files, state: state, on: &canvas)
        case .audio(let audio): return AudioCommands.draw(audio, state: state, on: &canvas)
        case .quit(let quit): return QuitCommands.draw(quit, state: state, on: &canvas)
        case .send(let send): return SendCommands.draw(send, state: state, on: &canvas)
        case .message(let title, let text):
            MessageView.draw(title: title, text: text, state: state, on: &canvas)
            return nil
        case .log(let log): return LogCommands.draw(log, state: state, on: &canvas)
        case .profiles(let profiles): return ProfileCommands.draw(profiles, state: state, on: &canvas)
        case .templates(let templates): return TemplateCommands.draw(templates, state: state, on: &canvas)
        case .theme(let theme): return ThemeCommands.draw(theme, state: state, on: &canvas)
        case .palette(let palette): return PaletteView.draw(palette, state: state, on: &canvas)
        case .account(let account): return AccountPickerView.draw(account, state: state, on: &canvas)
        }
    }

    /// A titled dialog of styled lines, centred and sized to them. Lines wider than
    /// the dialog wrap (nothing that decides a send is cut); when the screen is too
    /// short, ↑↓ scroll it (`ScreenState.dialogScroll`) from its first, most important
    /// line, and the last row says how many lines are above and below.
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
        if wrapped.count > inner.height, inner.height > 1 {
            // The last row is the scroll marker; the rows above it show the text from `top`.
            let limit = wrapped.count - (inner.height - 1)
            canvas.dialogScrollLimit = limit
            let top = min(state.screen.dialogScroll, limit)
            let below = wrapped.count - top - (inner.height - 1)
            let marker = state.language(.dialogScrollMarker, ["above": "\(top)", "below": "\(below)"])
            wrapped = Array(wrapped.dropFirst(top).prefix(inner.height - 1)) + [(marker, Style(.warning, on: .surface, bold: true))]
        }
        for (offset, line) in wrapped.prefix(inner.height).enumerated() {
            canvas.put(line.0, x: inner.x + 1, y: inner.y + offset, style: line.1, maxWidth: inner.width - 2)
        }
    }

    /// How far the open dialog scrolls: 0 unless it is a text dialog taller than the screen.
    /// Measured by drawing it (the one layout), so keys and the view cannot disagree.
    static func scrollLimit(_ state: AppState) -> Int {
        guard let dialog = state.dialog else { return 0 }
        var scratch = TextCanvas(size: state.size)
        _ = draw(dialog, state: state, on: &scratch)
        return scratch.dialogScrollLimit ?? 0
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
