import CallbackCore
import Foundation

/// The footer: the keys that work where the focus is.
enum FooterView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        var x = rect.x + 1
        for hint in KeyTable.footer(for: state) {
            let text = state.language(hint.text)
            let need = DisplayWidth.of(hint.keys) + DisplayWidth.of(text) + 3
            guard x + need <= rect.maxX else { break }
            x += canvas.put(hint.keys, x: x, y: rect.y, style: Style(.accent, on: .surface, bold: true))
            x += canvas.put(" " + text + "  ", x: x, y: rect.y, style: Style(.muted, on: .surface))
        }
    }
}
