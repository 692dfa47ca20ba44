import Synchronization

/// The focus order and the rows of the last form shape asked about. They depend only
/// on the shape (how many legs, each leg's destination count and audio kind), which a
/// keystroke never changes, yet a frame asks for them several times (issue #32: a tenth
/// of a keystroke's work). A memo of a pure function: the answer is the same with it or
/// without it.
enum FormLayoutMemo {
    /// What the order and the rows depend on.
    struct Shape: Equatable {
        var destinations: [Int]
        var audio: [AudioKind]

        init(_ form: FormState) {
            destinations = form.lines.map(\.destinations.count)
            audio = form.lines.map(\.audio.kind)
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
        let shape = Shape(form)
        if let known = last.withLock({ $0?.shape == shape ? $0?.layout : nil }) { return known }
        let order = form.computedFocusOrder()
        let layout = Layout(order: order, rows: form.computedRows(order))
        last.withLock { $0 = (shape, layout) }
        return layout
    }
}

extension FormLayoutMemo.Shape: Sendable {}
