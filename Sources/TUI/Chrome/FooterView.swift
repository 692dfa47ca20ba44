import CallbackCore
import Foundation
import Localization

/// The footer: the keys that work where the focus is.
enum FooterView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        var x = rect.x + 1
        for hint in KeyTable.footer(for: state) {
            let text = state.language(hint.text)
            let keys = hint.keys.text(state.language)
            let need = DisplayWidth.of(keys) + DisplayWidth.of(text) + 3
            guard x + need <= rect.maxX else { break }
            x += canvas.put(keys, x: x, y: rect.y, style: Style(.accent, on: .surface, bold: true))
            x += canvas.put(" " + text + "  ", x: x, y: rect.y, style: Style(.muted, on: .surface))
        }
    }
}
