/// Undo and redo for the form: every change (typing, loads, `r`, templates,
/// profile defaults, row moves and removals, choices) is a step; a run of
/// typing in one field is one step. Bounded, newest kept.
public struct FormHistory: Equatable, Sendable {
    /// Forms before each change, oldest first.
    public private(set) var undo: [FormState] = []
    /// Forms undone, most recent last.
    public private(set) var redo: [FormState] = []
    /// The field whose typing the last step holds, while the operator keeps typing there.
    var typingIn: FieldID? = nil

    /// How many steps are kept.
    public static let limit = 200

    /// An empty history.
    public init() {}

    /// Records that the form changed from `before`; `typing` names the field when
    /// the change was typing, so consecutive keys in one field make one step.
    mutating func record(_ before: FormState, typing: FieldID?) {
        defer { typingIn = typing }
        if let typing, typing == typingIn, !undo.isEmpty { return }
        undo.append(before)
        if undo.count > Self.limit { undo.removeFirst(undo.count - Self.limit) }
        redo.removeAll()
    }

    /// The form before the last change, with `current` kept for redo.
    mutating func stepBack(from current: FormState) -> FormState? {
        guard let previous = undo.popLast() else { return nil }
        redo.append(current)
        typingIn = nil
        return previous
    }

    /// The form undone last, with `current` kept for undo.
    mutating func stepForward(from current: FormState) -> FormState? {
        guard let next = redo.popLast() else { return nil }
        undo.append(current)
        typingIn = nil
        return next
    }
}
