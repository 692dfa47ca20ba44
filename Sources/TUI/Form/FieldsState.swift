import CallbackCore

/// Where the operator is in the form and what editing keeps: the focused field,
/// its text editor, the first row shown, undo and redo, and the problems the
/// server reported for fields (until the form changes).
public struct FieldsState: Equatable, Sendable {
    /// The focused field of the form.
    public var focus: FieldID = .requestDescription
    /// The editor of the focused text field.
    public var editor = LineEditor("")
    /// The first form row shown.
    public var scroll = 0
    /// Undo and redo of every form change.
    public var history = FormHistory()
    /// Problems the server reported for fields (from a rejection), until the form changes.
    public var serverProblems: [ValidationProblem] = []

    /// The first field focused, its editor empty.
    public init() {}
}
