import Localization

/// The help's dialog: every key, by place.
public enum HelpDialog: Equatable, Sendable {
    /// The overlay, scrolled to `scroll`.
    case overlay(scroll: Int)

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
        KeyTable.on(.help, .of(.escape, .enter, .function(1), .character("q"), .character("?")), .close, "Esc", .keyClose),
    ]

    /// A command while the help is open; `total` is how many lines it has.
    static func reduce(_ dialog: HelpDialog, _ command: Command, total: Int, context: ScreenContext) -> Reply {
        guard case .overlay(let scroll) = dialog else { return .none }
        switch command {
        case .move(let move):
            return .show(.help(.overlay(scroll: ListNavigation.scroll(scroll, move, total: total,
                                                                      visible: HelpContent.visibleRows(for: context.size, total: total)))))
        case .close: return .close
        default: return .none
        }
    }

    /// Draws the dialog.
    static func draw(_ dialog: HelpDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .overlay(let scroll): HelpView.draw(state, scroll: scroll, on: &canvas)
        }
        return nil
    }
}
