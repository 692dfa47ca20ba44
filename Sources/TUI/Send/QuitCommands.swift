import Localization

/// Quitting never loses an outcome: with a send in flight, the operator is
/// asked whether to wait for it (the default) or quit now.
enum QuitCommands {
    /// F10 / Ctrl-Q / quit from anywhere.
    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.sending.inFlight != nil else {
            state.quitting = true
            return []
        }
        if state.dialog == .quitWhileSending {
            state.quitting = true // asked twice: quit now
        } else {
            state.dialog = .quitWhileSending
        }
        return []
    }

    /// The answer to "a send is in flight: quit?".
    static func answer(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .accept:
            state.dialog = nil
            state.sending.quitAfterSend = true
            state.status = StatusMessage(state.language(.quitAfterSend), .info)
        case .yes:
            state.dialog = nil
            state.quitting = true
        case .close:
            state.dialog = nil
            state.status = StatusMessage(state.language(.quitStay), .info)
        default: break
        }
        return []
    }
}
