import CallbackCore
import Localization

/// The help overlay's lines, made from the key table (and the stand-in's
/// scenarios in demo mode): the reducer counts them to bound the scroll, the
/// view draws them.
enum HelpContent {
    /// The overlay's width at `size`.
    static func width(for size: Size) -> Int { min(size.width - 4, max(78, size.width * 3 / 5)) }

    /// How many lines fit at `size` for a help of `total` lines.
    static func visibleRows(for size: Size, total: Int) -> Int { max(1, min(size.height - 4, total + 2) - 2) }

    /// Every line, styled.
    static func lines(_ state: AppState) -> [(String, Style)] {
        let text = Style(.text, on: .surface)
        let title = Style(.primary, on: .surface, bold: true)
        let room = max(20, width(for: state.size) - 4)
        var sections: [(String, [(String, String)])] = []
        for section in HelpSection.allCases where section != .dialogs {
            var seen: Set<String> = []
            let entries = KeyTable.bindings.filter { $0.section == section }
                .map { ($0.label(in: state.language), $0.help.text(state.language)) }
                .filter { seen.insert($0.0 + "\u{0}" + $0.1).inserted }
            sections.append((state.language(section.phrase), entries))
            if section == .sending, case .demo = state.target, !state.demoScenarios.isEmpty {
                sections.append((state.language(.helpDemoScenarios), state.demoScenarios.map { ($0.tag, $0.effect.text(state.language)) }))
            }
        }
        // The key column is as wide as the longest key label (within reason), so no label runs into its text.
        let keyWidth = min(26, (sections.flatMap(\.1).map { DisplayWidth.of($0.0) }.max() ?? 16) + 2)
        var lines: [(String, Style)] = []
        for (heading, entries) in sections where !entries.isEmpty {
            if !lines.isEmpty { lines.append(("", text)) }
            lines.append((heading, title))
            for (keys, action) in entries {
                let indent = String(repeating: " ", count: keyWidth)
                var wrapped = TextWrap.lines(action, width: max(10, room - keyWidth))
                // A label wider than the key column gets a line of its own; the text keeps its column.
                if DisplayWidth.of(keys) >= keyWidth {
                    lines.append((keys, text))
                } else {
                    lines.append((keys + String(repeating: " ", count: keyWidth - DisplayWidth.of(keys)) + wrapped.removeFirst(), text))
                }
                for part in wrapped { lines.append((indent + part, text)) }
            }
        }
        // Dialogs: one paragraph each, from their bindings.
        lines.append(("", text))
        lines.append((state.language(HelpSection.dialogs.phrase), title))
        for kind in KeyTable.dialogKinds {
            let keys = KeyTable.bindings.filter { $0.scopes.contains(.dialog(kind)) }
                .map { "\($0.label(in: state.language)) \($0.help.text(state.language))" }
            guard !keys.isEmpty else { continue }
            let paragraph = kind.title(in: state.language) + ": " + keys.joined(separator: " · ")
            for (index, part) in TextWrap.lines(paragraph, width: room - 2).enumerated() {
                lines.append(((index == 0 ? "" : "  ") + part, index == 0 ? text : text))
            }
        }
        // Keys of every dialog (scrolling a tall one).
        for binding in KeyTable.bindings where binding.scopes == [.anyDialog] {
            for part in TextWrap.lines(binding.label(in: state.language) + " " + binding.help.text(state.language), width: room - 2) {
                lines.append((part, text))
            }
        }
        lines.append((state.language(.helpQuitFromDialogs), Style(.muted, on: .surface)))
        return lines
    }
}
