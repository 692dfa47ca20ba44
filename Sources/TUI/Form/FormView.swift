import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// The request form: sections, fields, destination rows. Returns where the
/// text cursor goes when a text field has focus.
enum FormView {
    static let labelWidth = Layout.formLabelWidth

    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let active = state.pane == .form && state.dialog == nil
        canvas.box(rect, title: state.language(.formTitle), style: Style(active ? .primary : .border, on: .background), titleStyle: Style(active ? .primary : .text, on: .background, bold: true))
        let inner = rect.inset(1)
        let rows = state.form.rows
        var cursor: (x: Int, y: Int)? = nil
        let end = min(rows.count, state.fields.scroll + inner.height)
        guard state.fields.scroll < end else { return nil }
        for index in state.fields.scroll..<end {
            let y = inner.y + index - state.fields.scroll
            if let at = drawRow(rows[index], state: state, x: inner.x + 1, y: y, width: inner.width - 2, on: &canvas) { cursor = at }
        }
        if rows.count > inner.height {
            let shown = "\(state.fields.scroll + 1)–\(end)/\(rows.count)"
            canvas.put(" \(shown) ", x: rect.maxX - DisplayWidth.of(shown) - 4, y: rect.maxY - 1, style: .muted)
        }
        return cursor
    }

    /// Draws one of the form's rows at `y`, its content from `x` over `width` columns;
    /// returns the cursor when a text field on it is focused.
    static func drawRow(_ row: FormRow, state: AppState, x: Int, y: Int, width: Int, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch row {
        case .blank: return nil
        case .section(let title):
            canvas.put(state.language(title), x: x, y: y, style: Style(.primary, bold: true), maxWidth: width)
            return nil
        case .field(let field):
            return drawField(field, state: state, x: x, y: y, width: width, label: field.label(in: state.language), on: &canvas)
        case .ttsText(let line, let part):
            return drawTTSText(state, line: line, part: part, x: x, y: y, width: width, on: &canvas)
        case .ttsInfo(let line):
            drawTTSInfo(state, line: line, x: x + labelWidth, y: y, width: width - labelWidth, on: &canvas)
            return nil
        case .destination(let line, let index):
            let numberWidth = max(14, width - 26)
            let number = FieldID.destinationNumber(line: line, index: index)
            let timeout = FieldID.destinationTimeout(line: line, index: index)
            let numberCursor = drawField(number, state: state, x: x, y: y, width: numberWidth, label: number.label(in: state.language), on: &canvas)
            let timeoutCursor = drawField(timeout, state: state, x: x + numberWidth + 1, y: y, width: width - numberWidth - 1,
                                          label: state.language(.formTimeout), labelWidth: 9, on: &canvas)
            return timeoutCursor ?? numberCursor
        }
    }

    /// Draws label and widget; returns the cursor when this text field is focused.
    static func drawField(_ field: FieldID, state: AppState, x: Int, y: Int, width: Int, label: String,
                          labelWidth: Int = FormView.labelWidth, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let focused = state.fields.focus == field && state.pane == .form
        let problems = state.problems(of: field)
        // A value kept as the file wrote it (a number in quotes, null...) shows as that JSON until edited.
        // (Most forms keep nothing: then no field's path is built for it, on any frame.)
        var keptValue: JSONValue? = nil
        if !state.form.rawValues.isEmpty {
            let path = field.path
            keptValue = state.form.rawValue(at: path)
            if keptValue == nil, case .audioKind = field, state.form.hasRaw(below: path) {
                keptValue = state.form.jsonValue.value(at: JSONPath(parsing: path)!) // the audio object as the file wrote it
            }
        }
        let kept = keptValue.map { CanonicalJSON.string($0, style: .compact) }
        let typed = field.kind == .choice || field.kind == .button ? "" : (focused ? state.fields.editor.text : state.form.text(of: field))
        let text = (focused ? nil : kept.flatMap { field.kind == .choice || field.kind == .button ? nil : $0 }) ?? typed
        let marked = !problems.isEmpty && !(text.isEmpty && state.form.isRequired(field))
        let hasError = marked && problems.contains(where: \.isError)
        // Warnings are marked in their own colour and sign: they inform, they do not block.
        let markRole: Role = hasError ? .error : .warning
        let marker = focused ? "▸" : " "
        canvas.put(marker, x: x, y: y, style: focused ? Style(.focus, bold: true) : Style(.text, on: .background))
        canvas.putPadded(label, x: x + 1, y: y, width: labelWidth - 1,
                         style: focused ? Style(.focus, bold: true) : Style(marked ? markRole : .text, on: .background))
        let valueX = x + labelWidth
        var valueWidth = max(4, width - labelWidth - 2)
        if let range = rangeHint(field) {
            valueWidth = min(valueWidth, 14) // "-19 · default" fits
            canvas.put(range, x: valueX + valueWidth + 3, y: y, style: .muted, maxWidth: max(0, width - labelWidth - valueWidth - 3))
        }
        var cursor: (x: Int, y: Int)? = nil
        switch field.kind {
        case .text:
            let box = Style(marked ? markRole : .text, on: focused ? .selection : .surface)
            canvas.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), style: box)
            if text.isEmpty {
                if let fallback = state.form.defaultText(of: field) {
                    canvas.put(state.language(.formValueDefault, ["value": fallback]), x: valueX, y: y, style: Style(.muted, on: focused ? .selection : .surface), maxWidth: valueWidth)
                } else if state.form.isRequired(field) {
                    canvas.put(state.language(.formRequired), x: valueX, y: y, style: Style(.muted, on: focused ? .selection : .surface), maxWidth: valueWidth)
                }
            }
            let offset = focused ? max(0, state.fields.editor.cursorColumn - (valueWidth - 1)) : 0
            canvas.put(visible(text, from: offset), x: valueX, y: y, style: box, maxWidth: valueWidth)
            if focused { cursor = (valueX + state.fields.editor.cursorColumn - offset, y) }
        case .choice:
            var (label, isDefault) = ChoiceOptions.label(of: ChoiceOptions.current(field, in: state.form), for: field, in: state.form,
                                                         language: state.language)
            if let kept { (label, isDefault) = (state.language(.formAsLoaded, ["value": kept]), false) }
            let shown = isDefault ? state.language(.formValueDefault, ["value": "‹ \(label) ›"]) : "‹ \(label) ›"
            canvas.put(shown, x: valueX, y: y, style: Style(marked ? markRole : (isDefault ? .muted : .text), on: focused ? .selection : nil), maxWidth: valueWidth)
        case .button:
            guard case .addDestination(let line) = field else { break }
            let count = state.form.lines[line].destinations.count
            let full = count >= Rules.destinationsPerLine.upperBound
            let numbers = ["count": "\(count)", "max": "\(Rules.destinationsPerLine.upperBound)"]
            let caption = state.language(full ? .formDestinationsFull : .formAddDestination, numbers)
            canvas.put(caption, x: x + 1, y: y, style: Style(marked ? markRole : (full ? .muted : .accent), on: focused ? .selection : nil), maxWidth: width - 1)
        }
        if marked { canvas.put(hasError ? "✗" : "!", x: valueX + valueWidth + 1, y: y, style: Style(markRole, bold: true)) }
        return cursor
    }

    /// The range shown beside a stepping field.
    static func rangeHint(_ field: FieldID) -> String? {
        switch field {
        case .ttsVolume: return "\(Rules.volume.lowerBound)…\(Rules.volume.upperBound)  ←→ 1, ^←→ 10"
        case .ttsSpeed:
            let step = Rules.speedStep
            return "\(CanonicalJSON.number(Rules.speed.lowerBound))…\(CanonicalJSON.number(Rules.speed.upperBound))  ←→ \(CanonicalJSON.number(step)), ^←→ \(CanonicalJSON.number(step * 10))"
        default: return nil
        }
    }

    static func drawTTSText(_ state: AppState, line: Int, part: Int, x: Int, y: Int, width: Int,
                            on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let field = FieldID.ttsText(line: line)
        let focused = state.fields.focus == field && state.pane == .form
        let text = focused ? state.fields.editor.text : state.form.text(of: field)
        let valueWidth = max(4, width - labelWidth - 2)
        let hasError = !state.problems(of: field).isEmpty && !text.isEmpty
        if part == 0 {
            canvas.put(focused ? "▸" : " ", x: x, y: y, style: focused ? Style(.focus, bold: true) : Style(.text, on: .background))
            canvas.putPadded(field.label(in: state.language), x: x + 1, y: y, width: labelWidth - 1,
                             style: focused ? Style(.focus, bold: true) : Style(hasError ? .error : .text, on: .background))
        }
        let box = Style(hasError ? .error : .text, on: focused ? .selection : .surface)
        canvas.fill(Rect(x: x + labelWidth, y: y, width: valueWidth, height: 1), style: box)
        if text.isEmpty {
            if part == 0 { canvas.put(state.language(.formTTSRequired), x: x + labelWidth, y: y, style: Style(.muted, on: focused ? .selection : .surface)) }
            return focused && part == 0 ? (x + labelWidth, y) : nil
        }
        let wrapped = WrappedText(text, width: valueWidth)
        let cursorRow = focused ? wrapped.row(of: state.fields.editor.cursor) : 0
        let top = max(0, cursorRow - (FormRow.ttsTextRows - 1))
        let rowIndex = top + part
        guard wrapped.rows.indices.contains(rowIndex) else { return nil }
        let characters = wrapped.characters
        let range = wrapped.rows[rowIndex]
        var shown = characters.string(range)
        if DisplayWidth.of(shown) > valueWidth, shown.last == " " { shown.removeLast() } // a space hangs past the edge
        canvas.put(shown, x: x + labelWidth, y: y, style: box, maxWidth: valueWidth)
        if part == FormRow.ttsTextRows - 1, wrapped.rows.count > top + FormRow.ttsTextRows {
            canvas.put("…", x: x + labelWidth + valueWidth, y: y, style: .muted)
        }
        guard focused, rowIndex == cursorRow else { return nil }
        let column = DisplayWidth.of(characters.string(range.lowerBound..<min(max(range.lowerBound, state.fields.editor.cursor), range.upperBound)))
        return (x + labelWidth + column, y)
    }

    static func drawTTSInfo(_ state: AppState, line: Int, x: Int, y: Int, width: Int, on canvas: inout TextCanvas) {
        let tts = state.form.lines[line].audio.tts
        let text = state.fields.focus == .ttsText(line: line) ? state.fields.editor.text : tts.text
        let count = Rules.characterCount(text)
        let speed = Double(FormState.decimalPoint(tts.speed)) ?? Rules.defaultSpeed
        let seconds = VoiceRules.estimatedSeconds(text, speed: speed)
        let longestRing = state.form.lines[line].destinations.map { Int64($0.timeout) ?? Rules.defaultTimeout }.max() ?? Rules.defaultTimeout
        let tooLong = seconds > Double(longestRing)
        let over = count > Rules.ttsText.upperBound
        let parts: [(String, Style)] = [
            ("\(count)/\(Rules.ttsText.upperBound)", Style(over ? .error : .muted, bold: over)),
            ("  " + state.language(.formSecondsToSay, ["seconds": Elapsed.tenths(seconds)]), Style(tooLong ? .warning : .muted)),
            ("  " + state.language(tooLong ? .formLongerThanRing : .formRingsAtMost, ["seconds": "\(longestRing)"]),
             Style(tooLong ? .warning : .muted, bold: tooLong)),
        ]
        var column = x
        for (text, style) in parts {
            let room = x + width - column
            guard room > 0 else { break }
            column += canvas.put(text, x: column, y: y, style: style, maxWidth: room)
        }
    }

    /// `text` without its first `offset` columns.
    /// `text` from column `offset` on; a start scrolled out of view is marked with `…` in the
    /// first column (a number read `812) 999-99-99` with nothing saying its start was cut).
    static func visible(_ text: String, from offset: Int) -> String {
        guard offset > 0 else { return text }
        // Text of simple scalars (most of it) is one character and one column per scalar:
        // the cut is found by counting scalars, without breaking graphemes (a long field
        // scrolled is cut on every frame).
        let scalars = text.unicodeScalars
        if scalars.allSatisfy(DisplayWidth.isSimple) {
            guard let first = scalars.index(scalars.startIndex, offsetBy: offset, limitedBy: scalars.endIndex),
                  first < scalars.endIndex else { return "…" }
            return "…" + String(scalars[scalars.index(after: first)...])
        }
        return visibleByCharacters(text, from: offset)
    }

    /// `visible`, character by character: any text.
    static func visibleByCharacters(_ text: String, from offset: Int) -> String {
        guard offset > 0 else { return text }
        var skipped = 0
        var index = text.startIndex
        while index < text.endIndex, skipped < offset {
            skipped += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return "…" }
        // The "…" takes the first visible character's place (and a space, if it was a wide one).
        let first = DisplayWidth.of(text[index])
        return "…" + String(repeating: " ", count: max(0, first - 1)) + String(text[text.index(after: index)...])
    }
}
