import Synchronization

/// The focus order and the rows of the last form shape asked about. They depend only
/// on the shape (how many legs, each leg's destination count and audio kind), which a
/// keystroke never changes, yet a frame asks for them several times (issue #32: a tenth
/// of a keystroke's work). A memo of a pure function: the answer is the same with it or
/// without it.
enum FormLayoutMemo {
    /// What the order and the rows depend on.
    struct Shape {
        var destinations: [Int]
        var audio: [AudioKind]

        init(_ form: FormState) {
            // Closures, not `map(\.destinations.count)`: that key path is built at run time, each
            // with a class of its own, before the first frame (issue #32).
            destinations = form.lines.map { $0.destinations.count }
            audio = form.lines.map { $0.audio.kind }
        }

        /// Whether `form` has this shape (without building its own: a frame asks often).
        func matches(_ form: FormState) -> Bool {
            guard form.lines.count == destinations.count else { return false }
            for (index, line) in form.lines.enumerated() where line.destinations.count != destinations[index] || line.audio.kind != audio[index] {
                return false
            }
            return true
        }
    }

    /// A shape's focus order and rows.
    struct Layout: Sendable {
        let order: [FieldID]
        let rows: [FormRow]
    }

    private static let last = Mutex<(shape: Shape, layout: Layout)?>(nil)

    /// `form`'s focus order and rows, worked out once per shape in a row.
    static func layout(of form: FormState) -> Layout {
        if let known = last.withLock({ last in last.flatMap { $0.shape.matches(form) ? $0.layout : nil } }) { return known }
        let shape = Shape(form)
        let order = form.computedFocusOrder()
        let layout = Layout(order: order, rows: form.computedRows(order))
        last.withLock { $0 = (shape, layout) }
        return layout
    }
}

extension FormLayoutMemo.Shape: Sendable {}
