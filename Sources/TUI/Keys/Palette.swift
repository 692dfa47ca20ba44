import CallbackCore
import Localization

/// The command palette (Ctrl-P): every action of the key table by name, with
/// its key; type to find, Enter runs it. An action that does not apply where
/// the focus is (a destination row's, say) is listed, muted, and says where it works.
/// The palette's dialog.
public enum PaletteDialog: Equatable, Sendable {
    /// Every command by name, filtered by `filter`, `selected` chosen.
    case list(filter: String, selected: Int)

    /// Its kind.
    public var kind: DialogKind { .palette }
}

extension DialogKind {
    /// The command palette.
    public static let palette = DialogKind("palette", .dialogPalette)
}

enum PaletteCommands {
    /// The palette's keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.palette, [.anyCharacter, .anyPaste], meaning: .filtering, "type", .keyFind),
        KeyTable.on(.palette, .of(.up, .down, .pageUp, .pageDown), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.palette, .of(.enter), .accept, "Enter", .keyRun),
        KeyTable.on(.palette, .of(.escape), .close, "Esc", .keyClose),
        KeyTable.on(.palette, .of(.backspace), .filterErase, "Backspace", .keyErase, footer: false),
        KeyTable.on(.palette, .of(.control("u")), .filterClear, "Ctrl-U", .keyClear, footer: false),
    ]

    /// One entry: an action of the key table, or a form field to jump to.
    enum Item {
        case action(KeyBinding)
        case field(FieldID)

        /// What it is called, in `language`: the action's help text, or "go to" the field's label and section.
        func name(_ language: UILanguage) -> String {
            switch self {
            case .action(let binding): return binding.help.text(language)
            case .field(let field):
                let section = field.line.map { language(.paletteLine, ["line": "\($0 + 1)"]) } ?? language(.formGeneral)
                return language(.paletteGoTo, ["field": field.label(in: language), "section": section])
            }
        }

        /// Whether its field label or action name starts with `word` (in `language` or English).
        func starts(with word: String, language: UILanguage) -> Bool {
            guard !word.isEmpty else { return false }
            switch self {
            case .action: return [language, .en].contains { name($0).lowercased().hasPrefix(word) }
            case .field(let field): return [language, .en].contains { field.label(in: $0).lowercased().hasPrefix(word) }
            }
        }

        /// Its keys as listed (a field has none: "go to" is typed).
        func label(_ language: UILanguage) -> String {
            if case .action(let binding) = self { return binding.label(in: language) }
            return "→"
        }

        /// Whether it works in `state` (a field can always be reached).
        func applies(in state: AppState) -> Bool {
            if case .action(let binding) = self { return binding.applies(in: state) }
            return true
        }
    }

    /// Commands that need their key or a place to act on are not actions by name; each action once.
    static let actions: [Item] = {
        var seen: [Command] = []
        var result: [Item] = []
        for binding in KeyTable.bindings
        where binding.command.runnableByName && !binding.scopes.contains(where: { if case .dialog = $0 { return true } else { return false } }) {
            if seen.contains(binding.command) { continue }
            seen.append(binding.command)
            result.append(.action(binding))
        }
        return result
    }()

    /// The actions, then every field of the form in `state` (so `descr` finds the description).
    static func items(in state: AppState) -> [Item] {
        actions + state.form.focusOrder.filter { $0.descriptor.label != nil }.map(Item.field)
    }

    /// The items whose name or keys hold every word of `filter`: those that work
    /// where the focus is first, and among them names that start with what was typed.
    static func matching(_ filter: String, in state: AppState) -> [Item] {
        var here = state
        here.dialog = nil
        let found = matching(filter, among: items(in: state), language: state.language)
        // What was typed the start of (a field's label, an action's name) first; then what works here first.
        let first = filter.lowercased().split(separator: " ").first.map(String.init) ?? ""
        func rank(_ item: Item) -> Int { (item.starts(with: first, language: state.language) ? 0 : 2) + (item.applies(in: here) ? 0 : 1) }
        return found.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// The items of `items` whose name or keys (in `language`, or in English) hold every word of `filter`;
    /// an empty filter lists the actions alone (the fields are there to be typed for).
    static func matching(_ filter: String, among items: [Item] = actions, language: UILanguage = .en) -> [Item] {
        let words = filter.lowercased().split(separator: " ")
        guard !words.isEmpty else { return items.filter { if case .action = $0 { return true } else { return false } } }
        let found = items.filter { item in
            if case .field = item {
                // A field by its words, each typed word the start of a different one: "line 2 number 2" is not line 1's "2. Number".
                return [language, .en].contains { WordMatch.eachStartsAWord(words.map(String.init), of: item.name($0)) }
            }
            let text = [item.name(language), item.label(language), item.name(.en), item.label(.en)]
                .joined(separator: " ").lowercased()
            return words.allSatisfy { text.contains($0) }
        }
        // Names that start with what was typed first ("send: …" before "… send the default …").
        let first = String(words[0])
        return found.filter { $0.name(language).lowercased().hasPrefix(first) } + found.filter { !$0.name(language).lowercased().hasPrefix(first) }
    }

    /// Ctrl-P: the palette, empty filter.
    static func open() -> Reply { .show(.palette(.list(filter: "", selected: 0))) }

    /// A command while the palette is open. `main` is the state under it: what the palette judges
    /// a command by (whether it applies there), never what it changes. Enter runs the command there.
    static func reduce(_ dialog: PaletteDialog, _ command: Command, main: AppState) -> Reply {
        guard case .list(var filter, var selected) = dialog else { return .none }
        let shown = matching(filter, in: main)
        switch command {
        case .close: return .close
        case .filterType, .filterErase, .filterClear:
            PickerFilter.apply(command, to: &filter, selected: &selected)
        case .move(let move): selected = ListNavigation.select(selected, move, count: shown.count)
        case .accept:
            guard let item = shown[safe: selected] else { return .none }
            var here = main
            here.dialog = nil
            switch item {
            case .field(let field):
                return Reply(dialog: .close, pane: .form, focus: field)
            case .action(let binding):
                guard binding.applies(in: here) else {
                    return Reply(dialog: .close, status: StatusMessage(main.language(.paletteWorksElsewhere, [
                        "key": binding.label(in: main.language), "place": main.language(where_(binding)),
                    ]), .warning))
                }
                return Reply(dialog: .close, then: binding.command)
            }
        default: return .none
        }
        return .show(.palette(.list(filter: filter, selected: selected)))
    }

    static func where_(_ binding: KeyBinding) -> Phrase {
        binding.place ?? (binding.scopes.contains(.form) ? .placeForm : .placeElsewhere)
    }
}

/// The palette: a filter line, then the actions with their keys.
enum PaletteView {
    static func draw(_ dialog: PaletteDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        guard case .list(let filter, let selected) = dialog else { return nil }
        let items = PaletteCommands.matching(filter, in: state)
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 90), height: min(size.height - 2, max(6, items.count + 4)), in: size)
        DialogView.frame(rect, title: state.language(.paletteTitle), on: &canvas)
        let inner = rect.inset(1)
        canvas.put("› ", x: inner.x + 1, y: inner.y, style: Style(.accent, on: .surface, bold: true))
        canvas.put(filter, x: inner.x + 3, y: inner.y, style: Style(.text, on: .selection), maxWidth: inner.width - 4)
        if items.isEmpty {
            canvas.put(state.language(.paletteNoMatch), x: inner.x + 1, y: inner.y + 2, style: Style(.warning, on: .surface))
        }
        let keyWidth = 22
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        var probe = state
        probe.dialog = nil
        ListView.draw(count: items.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            let item = items[index]
            let available = item.applies(in: probe)
            var elsewhere = ""
            if !available, case .action(let binding) = item { elsewhere = " (\(state.language(PaletteCommands.where_(binding))))" }
            canvas.put(item.label(state.language), x: inner.x + 1, y: y, style: Style(.accent, on: background, bold: true), maxWidth: keyWidth - 1)
            canvas.put(item.name(state.language) + elsewhere, x: inner.x + 1 + keyWidth, y: y,
                       style: Style(available ? .text : .muted, on: background, bold: chosen), maxWidth: inner.width - keyWidth - 2)
        }
        return (inner.x + 3 + DisplayWidth.of(filter), inner.y)
    }
}
