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

    /// Every line, styled; with `matching`, only the entries (and dialog paragraphs) that
    /// hold each of its words, in either language, under their headings.
    static func lines(_ state: AppState, matching query: String? = nil) -> [(String, Style)] {
        let words = (query ?? "").lowercased().split(separator: " ").map(String.init)
        // Each word typed starts a word of the entry ("row" finds rows, not "narrow").
        func matches(_ texts: String...) -> Bool { words.isEmpty || WordMatch.eachStartsAWord(words, of: texts.joined(separator: " ")) }
        let text = Style(.text, on: .surface)
        let title = Style(.primary, on: .surface, bold: true)
        let subtitle = Style(.accent, on: .surface, bold: true)
        let room = max(20, width(for: state.size) - 4)
        func entries(_ bindings: [KeyBinding], all: Bool = false) -> [(String, String)] {
            var seen: Set<String> = []
            return bindings
                .filter { all || matches($0.label(in: state.language), $0.help.text(state.language), $0.label(in: .en), $0.help.text(.en)) }
                .map { ($0.label(in: state.language), $0.help.text(state.language)) }
                .filter { seen.insert($0.0 + "\u{0}" + $0.1).inserted }
        }
        var sections: [(heading: String, style: Style, entries: [(String, String)])] = []
        for section in HelpSection.allCases where section != .dialogs {
            sections.append((state.language(section.phrase), title, entries(KeyTable.bindings.filter { $0.section == section })))
            if section == .sending, case .demo = state.target, !state.demoScenarios.isEmpty {
                sections.append((state.language(.helpDemoScenarios), title,
                                 state.demoScenarios.filter { matches($0.tag, $0.effect.text(state.language), $0.effect.text(.en)) }
                                     .map { ($0.tag, $0.effect.text(state.language)) }))
            }
        }
        // Dialogs: a heading, then each dialog's keys under its name (a search finds a dialog by its name too).
        var dialogs: [(heading: String, style: Style, entries: [(String, String)])] = []
        for kind in KeyTable.dialogKinds {
            let bindings = KeyTable.bindings.filter { $0.scopes.contains(.dialog(kind)) }
            let named = matches(kind.title(in: state.language), kind.title(in: .en))
            dialogs.append((kind.title(in: state.language), subtitle, entries(bindings, all: named)))
        }
        dialogs.append((state.language(.helpEveryDialog), subtitle, entries(KeyTable.bindings.filter { $0.scopes == [.anyDialog] })))
        if dialogs.contains(where: { !$0.entries.isEmpty }) { sections.append((state.language(HelpSection.dialogs.phrase), title, [])) }
        // The key column is as wide as the longest key label (within reason), so no label runs into its text.
        let keyWidth = min(26, ((sections + dialogs).flatMap(\.entries).map { DisplayWidth.of($0.0) }.max() ?? 16) + 2)
        var lines: [(String, Style)] = []
        for (index, section) in (sections + dialogs).enumerated() where !section.entries.isEmpty || section.heading == state.language(HelpSection.dialogs.phrase) {
            if !lines.isEmpty && (section.style == title || index == 0) { lines.append(("", text)) }
            lines.append((section.heading, section.style))
            for (keys, action) in section.entries {
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
        if query == nil { lines.append(("", text)); lines.append((state.language(.helpQuitFromDialogs), Style(.muted, on: .surface))) }
        return lines
    }
}
