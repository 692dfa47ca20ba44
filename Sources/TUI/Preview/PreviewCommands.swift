/// What the preview pane's keys do.
enum PreviewCommands {
    /// Scrolls the preview within its lines.
    static func scroll(_ state: inout AppState, _ key: Key) {
        guard let move = ListMove(key) else { return }
        let height = Layout(state.size).innerHeight(of: .preview, shown: state.pane)
        state.previewScroll = ListNavigation.scroll(state.previewScroll, move, total: state.preview.lines.count,
                                                    visible: height, page: max(1, height - 1))
    }
}
