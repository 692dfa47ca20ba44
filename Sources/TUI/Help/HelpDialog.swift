import Localization

/// The help's dialog: every key, by place.
public enum HelpDialog: Equatable, Sendable {
    /// The overlay, scrolled to `scroll`; with a `search`, only the entries holding it
    /// (`typing` while the search line has the keys).
    case overlay(scroll: Int, search: LineEditor? = nil, typing: Bool = false)

    /// What is searched for, when anything.
    var query: String? {
        guard case .overlay(_, let search?, _) = self, !search.text.isEmpty else { return nil }
        return search.text
    }

    /// Its kind.
    public var kind: DialogKind { .help }
}

extension DialogKind {
    /// The help overlay.
    public static let help = DialogKind("help", .dialogHelp)
}

/// The help's keys and reducer.
enum HelpFeature {
    /// The help overlay's keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.help, .of(.up, .down, .pageUp, .pageDown), meaning: .moving(Command.move), "↑↓", .keyScroll),
        KeyTable.on(.help, .of(.character("/")), when: .helpBrowsing, .search, "/", .keySearch),
        KeyTable.on(.help, .of(.enter), when: .helpTyping, .accept, "Enter", .keyKeepSearch),
        KeyTable.on(.help, .of(.escape), when: .helpSearching, .filterClear, "Esc", .keyClearSearch),
        KeyTable.on(.help, .of(.escape, .enter, .function(1), .character("q"), .character("?")), when: .helpBrowsing, .close, "Esc", .keyClose),
    ]

    /// The search line's editing keys.
    static let editingKeys = KeyTable.editing(in: [.dialog(.help)], when: .helpTyping)

    /// A command while the help is open; `total` is how many lines it shows (for its search).
    static func reduce(_ dialog: HelpDialog, _ command: Command, total: Int, context: ScreenContext) -> Reply {
        guard case .overlay(let scroll, let search, let typing) = dialog else { return .none }
        switch command {
        case .move(let move):
            return .show(.help(.overlay(scroll: ListNavigation.scroll(scroll, move, total: total,
                                                                      visible: HelpContent.visibleRows(for: context.size, total: total)),
                                        search: search, typing: typing)))
        case .search: return .show(.help(.overlay(scroll: 0, search: search ?? LineEditor(""), typing: true)))
        case .promptEdit(let edit):
            var editor = search ?? LineEditor("")
            var status: StatusMessage? = nil
            let handled = TextEditing.apply(edit, to: &editor, rule: .free, limit: 200, status: &status, language: context.language)
            return Reply(dialog: handled ? .show(.help(.overlay(scroll: 0, search: editor, typing: true))) : .keep, status: status)
        case .accept: return .show(.help(.overlay(scroll: scroll, search: search?.text.isEmpty == false ? search : nil, typing: false)))
        case .filterClear: return .show(.help(.overlay(scroll: 0)))
        case .close: return .close
        default: return .none
        }
    }

    /// Draws the dialog.
    static func draw(_ dialog: HelpDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .overlay(let scroll, let search, let typing):
            return HelpView.draw(state, scroll: scroll, search: search, typing: typing, on: &canvas)
        }
    }
}
