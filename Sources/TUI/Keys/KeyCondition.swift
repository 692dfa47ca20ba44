/// A condition on the state beyond the scope, such as "outside text fields".
public enum KeyCondition: Equatable, Sendable {
    case always
    /// Not typing in a text field (so the key is not text).
    case outsideText
    /// A text field of the form has the focus.
    case inText
    /// A choice field has the focus.
    case onChoice
    /// The voice or emotion field (Enter opens its picker).
    case onPicker
    /// A choice other than voice and emotion (Enter moves on).
    case onPlainChoice
    /// The add-destination button.
    case onButton
    /// A destination row (number or timeout).
    case onDestination
    /// Volume or speed (arrows step the value).
    case onStepper
    /// The TTS text.
    case onTTSText
    /// A field with a default the API applies when it is left out (`=` sends it explicitly).
    case hasDefault
    /// Number code, a display number or the callback resource (the account's lists pick them).
    case onAccountField
    /// A field of a leg (the voice explorer edits that leg).
    case onLine
    /// The preview pane is shown with the keyboard.
    case inPreview
    /// The call log has entries.
    case logHasEntries
    /// The first ask of the send confirmation.
    case firstAsk
    /// The second ask (a repeat of an unknown outcome).
    case secondAsk
    /// The confirmation could not check the log (y asks it again; nothing is sent).
    case logUnchecked
    /// There is a call_id to copy.
    case hasCallID
    /// The open text dialog is taller than the screen (↑↓ scroll it).
    case dialogOverflows
    /// The help's search line has the keys.
    case helpTyping
    /// The help is read (its search line, if any, does not have the keys).
    case helpBrowsing
    /// The help has a search line (Esc clears it first).
    case helpSearching

    /// Whether the condition holds in `state`.
    public func holds(in state: AppState) -> Bool {
        let kind = state.fields.focus.kind
        switch self {
        case .always: return true
        case .outsideText: return !KeyCondition.inText.holds(in: state)
        case .inText:
            if state.pane != .form { return false }
            if case .text = kind { return true }
            return false
        case .onChoice: return kind == .choice
        case .onPicker: return state.fields.focus.traits.contains(.picker)
        case .onPlainChoice: return kind == .choice && !KeyCondition.onPicker.holds(in: state)
        case .onButton: return kind == .button
        case .onDestination: return state.fields.focus.traits.contains(.destination)
        case .onStepper: return state.fields.focus.traits.contains(.stepper)
        case .onTTSText: return state.fields.focus.traits.contains(.ttsText)
        case .hasDefault:
            return state.pane == .form && (kind == .choice || state.fields.focus.descriptor.defaultText != nil)
        case .onLine: return state.pane == .form && state.fields.focus.line != nil
        case .onAccountField:
            return state.pane == .form && state.fields.focus.traits.contains(.accountList)
        case .inPreview: return state.pane == .preview
        case .logHasEntries: return !state.log.entries.isEmpty
        case .firstAsk:
            if case .send(.confirm(_, false))? = state.dialog { return state.sending.repeatCheckFailure == nil }
            return false
        case .logUnchecked:
            if case .send(.confirm(_, false))? = state.dialog { return state.sending.repeatCheckFailure != nil }
            return false
        case .secondAsk:
            if case .send(.confirm(_, true))? = state.dialog { return true }
            return false
        case .hasCallID: return state.dialog?.callID != nil
        case .dialogOverflows: return DialogView.scrollLimit(state) > 0
        case .helpTyping, .helpBrowsing, .helpSearching:
            guard case .help(.overlay(_, let search, let typing))? = state.dialog else { return false }
            switch self {
            case .helpTyping: return typing
            case .helpBrowsing: return !typing
            default: return search != nil
            }
        }
    }
}
