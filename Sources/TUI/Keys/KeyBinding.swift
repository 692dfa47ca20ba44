import Localization

/// What a binding matches: one key, or any typed character, or any paste.
public enum KeyPattern: Equatable, Sendable {
    /// Exactly this key.
    case key(Key)
    /// Any printable character.
    case anyCharacter
    /// Any bracketed paste.
    case anyPaste
    /// Any mouse report.
    case anyMouse

    /// Whether `key` matches.
    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.key(let wanted), _): return wanted == key
        case (.anyCharacter, .character): return true
        case (.anyPaste, .paste), (.anyPaste, .pasteTooLarge): return true
        case (.anyMouse, .mouse): return true
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

/// A key's short form for the footer (`^N add row`).
public struct FooterHint: Equatable, Sendable {
    /// The keys as the footer shows them.
    public var keys: Localized
    /// What they do, in a word or two (in the operator's language when drawn).
    public var text: Phrase
    /// When the footer shows it (the binding may work more widely).
    public var when: KeyCondition

    /// Creates a hint.
    public init(_ keys: Localized, _ text: Phrase, when: KeyCondition = .always) {
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
    /// The keys as the help lists them (`F1 / ?`; words in it are translated).
    public var label: Localized
    /// What the help says it does.
    public var help: Localized
    /// Where the help lists it.
    public var section: HelpSection
    /// Its footer hint, if it has one.
    public var footer: FooterHint?

    /// Creates a binding.
    public init(_ keys: [KeyPattern], _ scopes: [KeyScope], when: KeyCondition = .always, _ command: Command,
                label: Localized, help: Localized, section: HelpSection, footer: FooterHint? = nil) {
        self.keys = keys
        self.scopes = scopes
        self.when = when
        self.command = command
        self.label = label
        self.help = help
        self.section = section
        self.footer = footer
    }

    /// Whether this binding is in force in `state` (its scope and condition).
    public func applies(in state: AppState) -> Bool {
        applies(in: state, scopes: KeyTable.activeScopes(state))
    }

    /// The same, with the state's active scopes already known (the key lookup and the footer ask for many bindings).
    func applies(in state: AppState, scopes active: [KeyScope]) -> Bool {
        scopes.contains(where: active.contains) && when.holds(in: state)
    }
}

extension Array where Element == KeyPattern {
    /// Patterns for exact keys.
    static func of(_ keys: Key...) -> [KeyPattern] { keys.map(KeyPattern.key) }
}
