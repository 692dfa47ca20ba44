/// What a binding's keys mean where it applies: the key table says it, so a
/// handler receives a meaning (move down a page, step by -10, delete a word)
/// and never looks at which key was pressed.
public struct KeyMeaning: Sendable {
    /// The command a key means, nil for a key this binding does not take.
    public let command: @Sendable (Key) -> Command?

    /// A meaning from a function of the key.
    public init(_ command: @escaping @Sendable (Key) -> Command?) {
        self.command = command
    }

    /// Every key of the binding means `command`.
    public static func always(_ command: Command) -> KeyMeaning { KeyMeaning { _ in command } }

    /// Arrows, pages, Home and End move: `make` says what moves.
    public static func moving(_ make: @escaping @Sendable (ListMove) -> Command) -> KeyMeaning {
        KeyMeaning { ListMove($0).map(make) }
    }

    /// The editing keys of a line of text.
    public static func editing(_ make: @escaping @Sendable (TextEdit) -> Command) -> KeyMeaning {
        KeyMeaning { TextEdit($0).map(make) }
    }

    /// Typing and pasting into a picker's filter.
    public static let filtering = KeyMeaning { key in
        switch key {
        case .character(let character): return .filterType(String(character))
        case .paste(let text): return .filterType(text)
        case .pasteTooLarge: return .filterType("")
        default: return nil
        }
    }

    /// ← and → step a number by one step, Ctrl-← and Ctrl-→ by ten (PgUp and PgDn
    /// move between sections in every field, steppers included).
    public static let stepping = KeyMeaning { key in
        switch key {
        case .left: return .form(.step(-1))
        case .right: return .form(.step(1))
        case .controlLeft: return .form(.step(-10))
        case .controlRight: return .form(.step(10))
        default: return nil
        }
    }

    /// ← the previous value of a choice; → and Space the next.
    public static let cycling = KeyMeaning { key in
        switch key {
        case .left: return .form(.cycleChoice(by: -1))
        case .right, .character(" "): return .form(.cycleChoice(by: 1))
        default: return nil
        }
    }

    /// ↑ and ↓ in the form.
    public static let vertical = KeyMeaning { key in
        switch key {
        case .up: return .form(.verticalMove(up: true))
        case .down: return .form(.verticalMove(up: false))
        default: return nil
        }
    }

    /// A mouse report.
    public static let mouse = KeyMeaning { key in
        if case .mouse(let event) = key { return .screen(.mouse(event)) }
        return nil
    }
}

extension ListMove {
    /// The move a key means, if it is one.
    public init?(_ key: Key) {
        switch key {
        case .up: self = .up
        case .down: self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        case .left: self = .left
        case .right: self = .right
        default: return nil
        }
    }
}

extension TextEdit {
    /// The edit a key means in a line of text, if any (Emacs keys beside the named ones).
    public init?(_ key: Key) {
        switch key {
        case .character(let character): self = .type(character)
        case .paste(let text): self = .paste(text)
        case .pasteTooLarge(let count): self = .pasteTooLarge(characters: count)
        case .backspace: self = .backspace
        case .delete: self = .deleteForward
        case .left: self = .left
        case .right: self = .right
        case .home, .control("a"): self = .home
        case .end, .control("e"): self = .end
        case .control("u"): self = .killToStart
        case .control("k"): self = .killToEnd
        case .control("w"): self = .deleteWordBackward
        case .controlLeft, .alt("b"): self = .wordLeft
        case .controlRight, .alt("f"): self = .wordRight
        default: return nil
        }
    }
}
