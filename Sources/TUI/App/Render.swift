import CallbackCore

/// A drawn frame: the cells, and where the terminal cursor goes (when a text field is edited).
public struct Frame: Equatable, Sendable {
    /// The cells.
    public var canvas: TextCanvas
    /// The cursor, when visible.
    public var cursor: (x: Int, y: Int)?

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.canvas == rhs.canvas && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }
}

/// Draws the whole screen for `state`: a pure function of the state.
public func render(_ state: AppState) -> Frame {
    var canvas = TextCanvas(size: state.size)
    canvas.fill(Rect(x: 0, y: 0, width: state.size.width, height: state.size.height), style: Style(.text, on: .background))
    let layout = state.layout
    var cursor: (x: Int, y: Int)? = nil
    switch layout.mode {
    case .tooSmall:
        TooSmallView.draw(state.size, language: state.language, on: &canvas)
        return Frame(canvas: canvas, cursor: nil)
    case .split(let form, let preview, let log):
        cursor = FormView.draw(state, in: form, on: &canvas)
        PreviewView.draw(state, in: preview, on: &canvas)
        LogPanelView.draw(state, in: log, on: &canvas)
    case .tabs(let bar, let pane):
        TabBarView.draw(state, in: bar, on: &canvas)
        switch state.pane {
        case .form: cursor = FormView.draw(state, in: pane, on: &canvas)
        case .preview: PreviewView.draw(state, in: pane, on: &canvas)
        case .log: LogPanelView.draw(state, in: pane, on: &canvas)
        }
    }
    HeaderView.draw(state, in: layout.header, on: &canvas)
    StatusView.draw(state, in: layout.status, on: &canvas)
    FooterView.draw(state, in: layout.footer, on: &canvas)
    if state.pane != .form { cursor = nil }
    if let dialog = state.dialog {
        cursor = DialogView.draw(dialog, state: state, on: &canvas)
    }
    return Frame(canvas: canvas, cursor: cursor)
}
