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
    let layout = Layout(state.size)
    var cursor: (x: Int, y: Int)? = nil
    switch layout.mode {
    case .tooSmall:
        TooSmallView.draw(state.size, on: &canvas)
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

/// Shown below the minimum size.
enum TooSmallView {
    static func draw(_ size: Size, on canvas: inout TextCanvas) {
        let lines = ["terminal too small", "(need \(Layout.minimum.width)x\(Layout.minimum.height), have \(size.width)x\(size.height))",
                     "enlarge the window; F10 quits"]
        let top = max(0, size.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + offset, style: offset == 0 ? Style(.warning, bold: true) : .muted)
        }
    }
}

/// The tab bar of the narrow layout.
enum TabBarView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        var x = rect.x + 1
        for pane in Pane.allCases {
            let label = " \(pane.rawValue + 1) \(pane.title) "
            let style = pane == state.pane ? Style(.focus, bold: true) : Style(.muted)
            x += canvas.put(label, x: x, y: rect.y, style: style) + 1
        }
        canvas.put("F8 next tab", x: max(x + 1, rect.maxX - 12), y: rect.y, style: .muted)
    }
}

/// Row 0: where requests go, and whether the request is valid.
enum HeaderView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        let verdict: (String, Style)
        if state.validation.isValid {
            verdict = ("✓ valid request ", Style(.success, on: .surface, bold: true))
        } else {
            let count = state.validation.problems.count
            verdict = ("✗ \(count) problem\(count == 1 ? "" : "s") (F4) ", Style(.error, on: .surface, bold: true))
        }
        let verdictX = rect.maxX - DisplayWidth.of(verdict.0)
        canvas.put(verdict.0, x: verdictX, y: rect.y, style: verdict.1)
        var x = rect.x + canvas.put(" exocall ", x: rect.x, y: rect.y, style: Style(.primary, on: .surface, bold: true))
        let room = { verdictX - 1 - x }
        switch state.target {
        case .demo(let host):
            x += canvas.put(" DEMO ", x: x, y: rect.y, style: Style(.demoBanner, bold: true), maxWidth: room())
            x += canvas.put(" → \(host)", x: x, y: rect.y, style: Style(.text, on: .surface), maxWidth: room())
            if state.profileName == nil {
                x += canvas.put(" (stand-in, no real calls)", x: x, y: rect.y, style: Style(.muted, on: .surface), maxWidth: room())
            }
        case .live(let host):
            x += canvas.put("→ \(host)", x: x, y: rect.y, style: Style(.text, on: .surface), maxWidth: room())
        }
        if let profile = state.profileName, room() > 12 {
            canvas.put("  profile \(profile)", x: x, y: rect.y, style: Style(.accent, on: .surface, bold: true), maxWidth: room())
        }
    }
}
