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
    /// What each key means here.
    public var meaning: KeyMeaning
    /// What the help says it does.
    public var help: Localized
    /// Where the help lists it.
    public var section: HelpSection
    /// Its footer hint, if it has one.
    public var footer: FooterHint?

    /// Creates a binding whose keys all mean `command`.
    public init(_ keys: [KeyPattern], _ scopes: [KeyScope], when: KeyCondition = .always, _ command: Command,
                help: Localized, section: HelpSection, footer: FooterHint? = nil) {
        self.init(keys, scopes, when: when, meaning: .always(command), help: help, section: section, footer: footer)
    }

    /// Creates a binding whose keys mean what `meaning` says.
    public init(_ keys: [KeyPattern], _ scopes: [KeyScope], when: KeyCondition = .always, meaning: KeyMeaning,
                help: Localized, section: HelpSection, footer: FooterHint? = nil) {
        self.keys = keys
        self.scopes = scopes
        self.when = when
        self.meaning = meaning
        self.help = help
        self.section = section
        self.footer = footer
    }

    /// What `key` means here, if this binding takes it.
    public func command(for key: Key) -> Command? {
        keys.contains { $0.matches(key) } ? meaning.command(key) : nil
    }

    /// What its first key means (the palette runs a command by it; a typed
    /// character, a paste or a click stands in for "any").
    public var command: Command {
        let sample: Key
        switch keys.first {
        case .key(let key)?: sample = key
        case .anyCharacter?, nil: sample = .character("a")
        case .anyPaste?: sample = .paste("")
        case .anyMouse?: sample = .mouse(MouseEvent(kind: .press, x: 0, y: 0))
        }
        return meaning.command(sample)!
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
