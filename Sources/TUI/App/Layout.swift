/// Where each part of the screen goes at a given size. Pure geometry: the
/// reducer uses it to keep focus visible, views to draw.
public struct Layout: Equatable, Sendable {
    /// The smallest usable terminal.
    public static let minimum = Size(width: 60, height: 20)
    /// From this size on, the panes sit side by side; below it they are tabs.
    public static let split = Size(width: 100, height: 30)
    /// The widest the form gets: beyond it the columns would stay empty.
    public static let formWidestUseful = 70
    /// From this many columns right of the form, preview and log sit side by side (below it
    /// the log gets the whole width under the preview: at 200 columns a third of the screen
    /// left it no room for the call_id).
    public static let sideBySide = 150

    /// How the screen is arranged.
    public enum Mode: Equatable, Sendable {
        /// Too small to use.
        case tooSmall
        /// Form left, preview above log on the right.
        case split(form: Rect, preview: Rect, log: Rect)
        /// One pane at a time under a tab bar.
        case tabs(bar: Rect, pane: Rect)
    }

    /// The arrangement.
    public let mode: Mode
    /// Row 0.
    public let header: Rect
    /// The row above the footer.
    public let status: Rect
    /// The last row.
    public let footer: Rect

    /// The layout for `size`, with a status line of `statusRows` rows (a long message wraps
    /// onto up to three, taken from the panes, rather than losing its end).
    public init(_ size: Size, statusRows: Int = 1) {
        let statusRows = max(1, min(3, statusRows))
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        status = Rect(x: 0, y: size.height - 1 - statusRows, width: size.width, height: statusRows)
        footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2 - statusRows)
        if size.width < Self.minimum.width || size.height < Self.minimum.height {
            mode = .tooSmall
        } else if size.width >= Self.split.width && size.height >= Self.split.height {
            // The form needs about 60-70 columns; the rest goes to the preview and the log.
            let formWidth = min(Self.formWidestUseful, max(58, size.width * 11 / 20))
            let right = Rect(x: formWidth, y: body.y, width: size.width - formWidth, height: body.height)
            let form = Rect(x: 0, y: body.y, width: formWidth, height: body.height)
            if right.width >= Self.sideBySide {
                // Wide: preview and log side by side, each the full height.
                let previewWidth = max(70, right.width / 2)
                mode = .split(form: form, preview: Rect(x: right.x, y: right.y, width: previewWidth, height: right.height),
                              log: Rect(x: right.x + previewWidth, y: right.y, width: right.width - previewWidth, height: right.height))
            } else {
                // Three fifths for the preview, and on a tall screen all but 14 rows (the example's
                // whole request at 200x60), the log keeping the rest.
                let previewHeight = max(right.height * 3 / 5, right.height - 14)
                mode = .split(form: form, preview: Rect(x: right.x, y: right.y, width: right.width, height: previewHeight),
                              log: Rect(x: right.x, y: right.y + previewHeight, width: right.width, height: right.height - previewHeight))
            }
        } else {
            mode = .tabs(bar: Rect(x: 0, y: body.y, width: size.width, height: 1),
                         pane: Rect(x: 0, y: body.y + 1, width: size.width, height: body.height - 1))
        }
    }

    /// The rectangle of a pane (its box included), or nil when it is not on screen.
    public func rect(of pane: Pane, shown: Pane) -> Rect? {
        switch mode {
        case .tooSmall: return nil
        case .split(let form, let preview, let log):
            switch pane {
            case .form: return form
            case .preview: return preview
            case .log: return log
            }
        case .tabs(_, let rect): return pane == shown ? rect : nil
        }
    }

    /// Rows available inside a pane's box.
    public func innerHeight(of pane: Pane, shown: Pane) -> Int {
        guard let rect = rect(of: pane, shown: shown) else { return 0 }
        return max(0, rect.height - 2)
    }

    /// The width of the form's labels.
    public static let formLabelWidth = 19

    /// How wide the TTS text editor is at `size`: the reducer moves between its
    /// wrapped lines, the form draws them.
    public static func ttsTextWidth(for size: Size) -> Int {
        let formWidth = Layout(size).rect(of: .form, shown: .form)?.width ?? size.width
        return max(4, formWidth - 4 - formLabelWidth - 2)
    }
}
