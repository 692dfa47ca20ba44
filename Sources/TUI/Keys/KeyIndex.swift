/// The key table's positions by the keys they take: a key's lookup reads its own
/// candidates, in table order, instead of every binding's patterns (the lookup runs
/// before a keystroke's echo is drawn, and the table has some two hundred bindings).
struct KeyIndex: Sendable {
    /// Positions of the bindings that name a key exactly, by key.
    private var exact: [Key: [Int]] = [:]
    /// Positions of the bindings that take any typed character, any paste, any click.
    private var anyCharacter: [Int] = [], anyPaste: [Int] = [], anyMouse: [Int] = []

    /// The index of `bindings`.
    init(_ bindings: [KeyBinding]) {
        for (position, binding) in bindings.enumerated() {
            for pattern in binding.keys {
                switch pattern {
                case .key(let key): exact[key, default: []].append(position)
                case .anyCharacter: anyCharacter.append(position)
                case .anyPaste: anyPaste.append(position)
                case .anyMouse: anyMouse.append(position)
                }
            }
        }
    }

    /// The positions of the bindings with a pattern that matches `key`, in table order.
    func candidates(for key: Key) -> [Int] {
        let general: [Int]
        switch key {
        case .character: general = anyCharacter
        case .paste, .pasteTooLarge: general = anyPaste
        case .mouse: general = anyMouse
        default: general = []
        }
        guard let named = exact[key] else { return general }
        return general.isEmpty ? named : (named + general).sorted()
    }
}
