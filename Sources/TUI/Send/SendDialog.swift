import CallbackCore
import CallLogModel
import ExolveModel
import Localization

/// The send feature's dialogs.
public enum SendDialog: Equatable, Sendable {
    /// What F5 would do; Enter or y sends. `secondAsk` asks a second time (a repeat).
    case confirm(MakeCallbackRequest, secondAsk: Bool)
    /// The outcome of a send, until dismissed.
    case outcome(SentCall)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .confirm: return .confirmSend
        case .outcome: return .outcome
        }
    }

    /// The call_id it shows.
    var callID: String? {
        if case .outcome(let call) = self { return call.result.outcome.callID }
        return nil
    }
}

extension DialogKind {
    /// The send confirmation.
    public static let confirmSend = DialogKind("confirmSend", .dialogConfirmSend)
    /// A send's outcome.
    public static let outcome = DialogKind("outcome", .dialogOutcome)
}

extension SendCommands {
    /// The send dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.confirmSend, .of(.character("y"), .character("Y")), when: .logUnchecked, .yes, "y", .keyCheckAgain, section: .sending),
        KeyTable.on(.confirmSend, .of(.enter, .character("y"), .character("Y")), when: .firstAsk, .yes, "Enter / y", .keySend, section: .sending),
        KeyTable.on(.confirmSend, .of(.character("y"), .character("Y")), when: .secondAsk, .yes, "y", .keySendAgain, section: .sending),
        KeyTable.on(.confirmSend, .of(.escape, .character("n"), .character("N")), .no, "Esc", .keyCancel, section: .sending),
        KeyTable.on(.confirmSend, .of(.character("h")), .log(.clientHistory), "h", .keyClientHistory, section: .sending),
        KeyTable.on(.outcome, .of(.character("c"), .character("C")), when: .hasCallID, .copyCallID, "c", .keyCopyCallID, section: .sending),
        KeyTable.on(.outcome, .of(.character("n"), .character("N")), when: .hasCallID, .send(.nextClient), "n", .keyNextClient, section: .sending),
        KeyTable.on(.outcome, .of(.enter, .escape, .character(" "), .character("q")), .close, "Enter / Esc", .keyClose, section: .sending),
    ]

    /// Draws a send dialog.
    static func draw(_ dialog: SendDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .confirm(let request, let secondAsk): SendViews.confirm(request, secondAsk: secondAsk, state: state, on: &canvas)
        case .outcome(let call): SendViews.outcome(call, state: state, on: &canvas)
        }
        return nil
    }
}

/// The send feature's commands.
public enum SendCommand: Equatable, Sendable {
    /// F5: check, confirm, send.
    case send
    /// After a placed call: leg 2's numbers and the description cleared, the rest kept, for the next client.
    case nextClient
}
