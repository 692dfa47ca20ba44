/// What the preview pane's keys do.
enum PreviewCommands {
    /// Scrolls the preview within its `lines`; returns the new first line shown.
    static func scroll(_ scroll: Int, _ move: ListMove, lines: Int, context: ScreenContext) -> Int {
        let height = Layout(context.size).innerHeight(of: .preview, shown: context.pane)
        return ListNavigation.scroll(scroll, move, total: lines, visible: height, page: max(1, height - 1))
    }
}

/// The preview's commands.
public enum PreviewCommand: Equatable, Sendable {
    /// Scroll by a move.
    case scroll(ListMove)
}
