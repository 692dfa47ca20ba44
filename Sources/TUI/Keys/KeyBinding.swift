/// What a binding matches: one key, or any typed character, or any paste.
public enum KeyPattern: Equatable, Sendable {
    /// Exactly this key.
    case key(Key)
    /// Any printable character.
    case anyCharacter
    /// Any bracketed paste.
    case anyPaste

    /// Whether `key` matches.
    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.key(let wanted), _): return wanted == key
        case (.anyCharacter, .character): return true
        case (.anyPaste, .paste): return true
        default: return false
        }
    }
}

/// Where a binding applies.
public enum KeyScope: Hashable, Sendable {
    /// The main screen, whichever pane has the keyboard (no dialog open).
    case screen
    /// The form pane.
    case form
    /// The preview pane.
    case preview
    /// The call log pane.
    case log
    /// Any dialog.
    case anyDialog
    /// One kind of dialog.
    case dialog(DialogKind)
}

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
    /// There is a call_id to copy.
    case hasCallID

    /// Whether the condition holds in `state`.
    public func holds(in state: AppState) -> Bool {
        let kind = state.focus.kind
        switch self {
        case .always: return true
        case .outsideText: return !KeyCondition.inText.holds(in: state)
        case .inText:
            if state.pane != .form { return false }
            if case .text = kind { return true }
            return false
        case .onChoice: return kind == .choice
        case .onPicker:
            switch state.focus {
            case .ttsVoice, .ttsEmotion: return true
            default: return false
            }
        case .onPlainChoice: return kind == .choice && !KeyCondition.onPicker.holds(in: state)
        case .onButton: return kind == .button
        case .onDestination:
            switch state.focus {
            case .destinationNumber, .destinationTimeout: return true
            default: return false
            }
        case .onStepper:
            switch state.focus {
            case .ttsVolume, .ttsSpeed: return true
            default: return false
            }
        case .onTTSText:
            if case .ttsText = state.focus { return true }
            return false
        case .onLine: return state.pane == .form && state.focus.line != nil
        case .inPreview: return state.pane == .preview
        case .logHasEntries: return !state.log.entries.isEmpty
        case .firstAsk:
            if case .confirmSend(_, false)? = state.dialog { return true }
            return false
        case .secondAsk:
            if case .confirmSend(_, true)? = state.dialog { return true }
            return false
        case .hasCallID:
            switch state.dialog {
            case .outcome(let call)?: return call.result.outcome.callID != nil
            case .logEntry(let entry, _)?: return entry.callID != nil
            default: return false
            }
        }
    }
}

/// The help overlay's sections, in the order it shows them.
public enum HelpSection: String, CaseIterable, Sendable {
    case everywhere = "Everywhere"
    case form = "In the form"
    case editing = "Editing text"
    case audio = "Audio (text-to-speech)"
    case sending = "Sending"
    case panes = "Preview and call log"
    case dialogs = "In dialogs and pickers"
}

/// A key's short form for the footer (`^N add row`).
public struct FooterHint: Equatable, Sendable {
    /// The keys as the footer shows them.
    public var keys: String
    /// What they do, in a word or two.
    public var text: String
    /// When the footer shows it (the binding may work more widely).
    public var when: KeyCondition

    /// Creates a hint.
    public init(_ keys: String, _ text: String, when: KeyCondition = .always) {
        self.keys = keys
        self.text = text
        self.when = when
    }
}

/// One binding: which keys, where, under what condition, what it does, and
/// how the help and the footer describe it. The key table is a list of these.
public struct KeyBinding: Sendable {
    /// The keys (any of them).
    public var keys: [KeyPattern]
    /// Where it applies (any of these).
    public var scopes: [KeyScope]
    /// What must also hold.
    public var when: KeyCondition
    /// What it does.
    public var command: Command
    /// The keys as the help lists them (`F1 / ?`).
    public var label: String
    /// What the help says it does.
    public var help: String
    /// Where the help lists it.
    public var section: HelpSection
    /// Its footer hint, if it has one.
    public var footer: FooterHint?

    /// Creates a binding.
    public init(_ keys: [KeyPattern], _ scopes: [KeyScope], when: KeyCondition = .always, _ command: Command,
                label: String, help: String, section: HelpSection, footer: FooterHint? = nil) {
        self.keys = keys
        self.scopes = scopes
        self.when = when
        self.command = command
        self.label = label
        self.help = help
        self.section = section
        self.footer = footer
    }

    /// Whether this binding takes `key` in `state`.
    public func takes(_ key: Key, in state: AppState) -> Bool {
        applies(in: state) && keys.contains { $0.matches(key) }
    }

    /// Whether this binding is in force in `state` (its scope and condition).
    public func applies(in state: AppState) -> Bool {
        let active = KeyTable.activeScopes(state)
        return scopes.contains(where: active.contains) && when.holds(in: state)
    }
}

extension Array where Element == KeyPattern {
    /// Patterns for exact keys.
    static func of(_ keys: Key...) -> [KeyPattern] { keys.map(KeyPattern.key) }
}
