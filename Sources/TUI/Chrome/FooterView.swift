import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// The footer: the keys that work where the focus is.
enum FooterView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        let hints = KeyTable.footer(for: state).map { hint in
            (keys: hint.keys.text(state.language), text: state.language(hint.text), essential: essential.contains(hint.text))
        }
        func width(_ hint: (keys: String, text: String, essential: Bool)) -> Int { DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.text) + 3 }
        // Help and quit always have their place (at the end): a long row of the place's own keys drops its last ones instead.
        let reserved = hints.filter(\.essential).map(width).reduce(0, +)
        var budget = rect.maxX - rect.x - 1 - reserved
        // Flags and an array, not sets: a set's first use at a type costs a search of every
        // protocol conformance in the binary, and this runs in the first frame.
        var kept = [Bool](repeating: false, count: hints.count)
        for (index, hint) in hints.enumerated() where !hint.essential {
            guard width(hint) <= budget else { break }
            budget -= width(hint)
            kept[index] = true
        }
        var x = rect.x + 1
        for (index, hint) in hints.enumerated() where (hint.essential || kept[index]) && x + width(hint) <= rect.maxX {
            x += canvas.put(hint.keys, x: x, y: rect.y, style: Style(.accent, on: .surface, bold: true))
            x += canvas.put(" " + hint.text + "  ", x: x, y: rect.y, style: Style(.muted, on: .surface))
        }
    }

    /// The hints every footer keeps: how to send, how to get help, how to leave.
    static let essential: [Phrase] = [.keySend, .keyHelp, .keyQuit]
}
