import Localization

/// Quitting never loses an outcome: with a send in flight, the operator is
/// asked whether to wait for it (the default) or quit now.
public enum QuitDialog: Equatable, Sendable {
    /// Quit was asked while a send is in flight: wait for its outcome, or quit now.
    case whileSending

    /// Its kind.
    public var kind: DialogKind { .quitWhileSending }
}

extension DialogKind {
    /// "A send is in flight: quit?"
    public static let quitWhileSending = DialogKind("quitWhileSending", .dialogQuitWhileSending)
}

enum QuitCommands {
    /// The question's keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.quitWhileSending, .of(.enter, .character("w"), .character("W")), .accept, "Enter / w", .keyWaitThenQuit),
        KeyTable.on(.quitWhileSending, .of(.character("q"), .character("Q")), .yes, "q", .keyQuitNow),
        KeyTable.on(.quitWhileSending, .of(.escape), .close, "Esc", .keyStay),
    ]

    /// F10 / Ctrl-Q / quit from anywhere; `asked` when the question is already open.
    static func quit(_ sending: SendingState, asked: Bool) -> Reply {
        guard sending.inFlight != nil else { return Reply(quit: true) }
        return asked ? Reply(quit: true) : .show(.quit(.whileSending)) // asked twice: quit now
    }

    /// The answer to "a send is in flight: quit?".
    static func answer(_ sending: inout SendingState, _ command: Command, context: ScreenContext) -> Reply {
        switch command {
        case .accept:
            sending.quitAfterSend = true
            return Reply(dialog: .close, status: StatusMessage(context.language(.quitAfterSend), .info))
        case .yes:
            return Reply(dialog: .close, quit: true)
        case .close:
            return Reply(dialog: .close, status: StatusMessage(context.language(.quitStay), .info))
        default: return .none
        }
    }

    /// Draws the question.
    static func draw(_ dialog: QuitDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        DialogView.text(title: state.language(.quitSendingTitle), lines: [
            (state.language(.quitSendingUnknown), Style(.warning, on: .surface, bold: true)),
            (state.language(.quitSendingWait), Style(.text, on: .surface)),
            (state.language(.quitSendingNow), Style(.text, on: .surface)),
            (state.language(.quitSendingStay), Style(.muted, on: .surface)),
        ], width: 76, state: state, on: &canvas, titleRole: .warning)
        return nil
    }
}
