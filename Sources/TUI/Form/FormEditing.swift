import CallbackCore

/// The form feature's state: the request being built and where the operator is in it.
public struct FormEditing: Equatable, Sendable {
    /// The request being built.
    public var form: FormState
    /// The focus, its text editor, scroll, undo history and the server's problems.
    public var fields = FieldsState()

    /// `form`, its first field focused.
    public init(form: FormState) {
        self.form = form
        fields.focus = form.focusOrder[0]
        fields.editor = LineEditor(form.text(of: fields.focus))
    }

    /// Moves the focus to `field`, loading its text into the editor.
    public mutating func setFocus(_ field: FieldID) {
        let order = form.focusOrder
        fields.focus = order.contains(field) ? field : order[0]
        fields.editor = LineEditor(form.text(of: fields.focus))
    }

    /// The form field that best shows a problem at `path`.
    public func field(forProblemAt path: String) -> FieldID {
        let order = form.focusOrder
        if let exact = order.first(where: { $0.path == path }) { return exact }
        if let inside = order.first(where: { $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }) {
            if path.hasSuffix("destinations"), let button = order.first(where: { $0.path == path && $0.kind == .button }) { return button }
            return inside
        }
        var parent = path
        while let cut = parent.lastIndex(where: { $0 == "." || $0 == "[" }) {
            parent = String(parent[..<cut])
            if let found = order.first(where: { $0.path == parent }) { return found }
        }
        return order[0]
    }
}
