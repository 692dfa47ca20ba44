import CallbackCore
import Localization

/// The JSON preview: exactly the bytes that would be sent, coloured, with
/// the focused field's line highlighted.
enum PreviewView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        let active = state.pane == .preview && state.dialog == nil
        let title = state.language(state.validation.isValid ? .previewExact : .previewNotSendable)
        canvas.box(rect, title: title, style: Style(active ? .primary : .border, on: .background),
                   titleStyle: Style(state.validation.isValid ? .success : .warning, bold: true))
        let inner = rect.inset(1)
        let lines = state.preview.lines
        let highlighted = state.preview.line(for: state.fields.focus.path)
        let end = min(lines.count, state.previewScroll + inner.height)
        guard state.previewScroll < end else { return }
        var y = inner.y
        for index in state.previewScroll..<lines.count where y < inner.maxY {
            if index == highlighted {
                // The focused line shows its whole value, wrapped under itself.
                // It is drawn as a selection, in one style: curses sends a colour pair's
                // foreground and background again at every change, on the line typed into.
                let selected = Style(.text, on: .selection)
                let rows = wrapped(lines[index].tokens, width: inner.width - 2)
                for row in rows where y < inner.maxY {
                    canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected)
                    var x = inner.x + 1
                    for token in row { x += canvas.put(token.text, x: x, y: y, style: selected, maxWidth: inner.maxX - x) }
                    y += 1
                }
                continue
            }
            var x = inner.x + 1
            var tokens = lines[index].tokens
            // A line cut short keeps its trailing comma after the "…": the JSON still reads as a list.
            var comma: PreviewDocument.Token? = nil
            if let last = tokens.last, last.text == ",",
               tokens.map({ DisplayWidth.of($0.text) }).reduce(0, +) > inner.maxX - x {
                comma = tokens.removeLast()
            }
            let limit = inner.maxX - (comma == nil ? 0 : 1)
            for token in tokens {
                x += canvas.put(token.text, x: x, y: y, style: Style(token.role), maxWidth: limit - x)
                if x >= limit { break }
            }
            if let comma { canvas.put(comma.text, x: x, y: y, style: Style(comma.role), maxWidth: 1) }
            y += 1
        }
        if lines.count > inner.height {
            let shown = "\(state.previewScroll + 1)–\(end)/\(lines.count)"
            canvas.put(" \(shown) ", x: rect.maxX - DisplayWidth.of(shown) - 4, y: rect.maxY - 1, style: .muted)
        }
    }

    /// Tokens broken into rows of `width` columns; continuation rows are indented
    /// like the line, plus two.
    /// `wholeTokens`: a token that fits what is left of the row goes in whole, measured
    /// once (by scalar, for simple text) instead of character by character; the result is
    /// the same (a test compares the two at every width).
    static func wrapped(_ tokens: [PreviewDocument.Token], width: Int, wholeTokens: Bool = true) -> [[PreviewDocument.Token]] {
        guard width > 4 else { return [tokens] }
        let indent = tokens.first.map { String($0.text.prefix { $0 == " " }) + "  " } ?? "  "
        var rows: [[PreviewDocument.Token]] = [[]]
        var used = 0
        for token in tokens {
            if wholeTokens, !token.text.isEmpty {
                let columns = DisplayWidth.of(token.text)
                if columns <= width - used {
                    rows[rows.count - 1].append(token)
                    used += columns
                    continue
                }
            }
            var rest = Substring(token.text)
            while !rest.isEmpty {
                let room = width - used
                var take = 0
                var columns = 0
                for character in rest {
                    let w = DisplayWidth.of(character)
                    if columns + w > room { break }
                    columns += w
                    take += 1
                }
                if take == 0 && used > DisplayWidth.of(indent) {
                    rows.append([PreviewDocument.Token(text: indent, role: .jsonPunctuation)])
                    used = DisplayWidth.of(indent)
                    continue
                }
                if take == 0, let first = rest.first { // not even one character fits a fresh row: it goes anyway
                    take = 1
                    columns = DisplayWidth.of(first)
                }
                rows[rows.count - 1].append(PreviewDocument.Token(text: String(rest.prefix(take)), role: token.role))
                used += columns
                rest = rest.dropFirst(take)
            }
        }
        return rows
    }
}
