/// What the preview pane's keys do.
enum PreviewCommands {
    /// Scrolls the preview within its `lines`; returns the new first line shown.
    static func scroll(_ scroll: Int, _ key: Key, lines: Int, context: ScreenContext) -> Int {
        guard let move = ListMove(key) else { return scroll }
        let height = Layout(context.size).innerHeight(of: .preview, shown: context.pane)
        return ListNavigation.scroll(scroll, move, total: lines, visible: height, page: max(1, height - 1))
    }
}

/// The preview's commands.
public enum PreviewCommand: Equatable, Sendable {
    /// Scroll by the key's move.
    case scroll
}
