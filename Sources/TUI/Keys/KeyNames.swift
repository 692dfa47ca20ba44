import Localization

extension Key {
    /// The key's name as the help writes it (`Shift-Tab`, `Ctrl-N`, `PgDn`); `short` as the
    /// footer does (`S-Tab`, `^N`).
    public func name(short: Bool = false) -> String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return (short ? "^" : "Ctrl-") + letter.uppercased()
        case .alt(let character): return "Alt-" + (character.isLetter ? character.uppercased() : String(character))
        case .function(let number): return "F\(number)"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return short ? "S-Tab" : "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .controlLeft: return (short ? "^" : "Ctrl-") + "←"
        case .controlRight: return (short ? "^" : "Ctrl-") + "→"
        case .controlUp: return (short ? "^" : "Ctrl-") + "↑"
        case .controlDown: return (short ? "^" : "Ctrl-") + "↓"
        case .altUp: return "Alt-↑"
        case .altDown: return "Alt-↓"
        case .paste: return "paste"
        case .pasteTooLarge: return "paste"
        case .mouse: return "mouse"
        }
    }
}

extension KeyPattern {
    /// The pattern's name in the help, in `language` (`type`, `paste` and `mouse` are words).
    public func name(in language: UILanguage) -> String {
        switch self {
        case .key(let key): return key.name()
        case .anyCharacter: return language(.labelType)
        case .anyPaste: return language(.labelPaste)
        case .anyMouse: return language(.labelMouse)
        }
    }
}

extension KeyCondition {
    /// Where a binding with this condition works, when that is narrower than its scope.
    public var place: Phrase? {
        switch self {
        case .always, .firstAsk, .secondAsk, .logUnchecked, .hasCallID, .dialogOverflows, .helpTyping, .helpBrowsing, .helpSearching: return nil
        case .outsideText: return .placeOutsideText
        case .inText: return .placeText
        case .onChoice, .onPlainChoice: return .placeChoice
        case .onPicker: return .placePicker
        case .onButton: return .placeButton
        case .onDestination: return .placeDestination
        case .onStepper: return .placeStepper
        case .onTTSText: return .placeTTSText
        case .hasDefault: return .placeHasDefault
        case .onAccountField: return .placeAccountField
        case .onLine: return .placeLine
        case .inPreview: return .placePreview
        case .logHasEntries: return .placeLogEntry
        }
    }
}

extension KeyBinding {
    /// Where it works, when narrower than the whole screen or form: its condition's place, else its pane.
    public var place: Phrase? {
        if let place = when.place { return place }
        if scopes.contains(.log) { return .placeLog }
        if scopes.contains(.preview) { return .placePreview }
        return nil
    }

    /// The keys as the help and the palette list them, made from the patterns (each
    /// key named once, a letter in either case once), with the place they work in.
    public func label(in language: UILanguage) -> String {
        var names: [String] = []
        for pattern in keys {
            let name = pattern.name(in: language)
            if !names.contains(where: { $0.lowercased() == name.lowercased() }) { names.append(name) }
        }
        let keysText = names.joined(separator: " / ")
        guard let place else { return keysText }
        return language(.labelKeysAt, ["keys": keysText, "place": language(place)])
    }

    /// The label in English.
    public var label: String { label(in: .en) }
}
