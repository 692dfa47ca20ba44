/// Selection and scrolling for every list, picker and scrolled text: one set
/// of rules, so they all move, page and stop at their ends alike.
public enum ListNavigation {
    /// Rows a page moves when the list does not say.
    public static let defaultPage = 10

    /// The selection after `move` in a list of `count` items (0 when empty).
    public static func select(_ selected: Int, _ move: ListMove, count: Int, page: Int = defaultPage) -> Int {
        guard count > 0 else { return 0 }
        let next: Int
        switch move {
        case .up, .left: next = selected - 1
        case .down, .right: next = selected + 1
        case .pageUp: next = selected - max(1, page)
        case .pageDown: next = selected + max(1, page)
        case .home: next = 0
        case .end: next = count - 1
        }
        return min(max(0, next), count - 1)
    }

    /// The offset after `move` in a text of `total` lines shown `visible` at a
    /// time: never past the last full screen, so it cannot grow without bound.
    public static func scroll(_ offset: Int, _ move: ListMove, total: Int, visible: Int, page: Int = defaultPage) -> Int {
        let maximum = max(0, total - max(1, visible))
        return min(select(offset, move, count: maximum + 1, page: page), maximum)
    }

    /// The first row to show so that `selected` is on screen in `height` rows.
    public static func top(selected: Int, height: Int) -> Int { max(0, selected - max(1, height) + 1) }
}

/// Draws a list's visible rows with the selection highlighted; each row's
/// contents come from the caller.
public enum ListView {
    /// Draws rows `0..<count` into `rect`, scrolled to keep `selected` visible.
    /// `row` draws one row at `y` given whether it is selected and its background.
    public static func draw(count: Int, selected: Int, in rect: Rect, on canvas: inout TextCanvas,
                            highlightWidth: Int? = nil, background: Role = .surface,
                            row: (_ index: Int, _ y: Int, _ selected: Bool, _ background: Role, _ canvas: inout TextCanvas) -> Void) {
        guard rect.height > 0 else { return }
        let top = ListNavigation.top(selected: selected, height: rect.height)
        for index in top..<min(count, top + rect.height) {
            let y = rect.y + index - top
            let chosen = index == selected
            if chosen { canvas.fill(Rect(x: rect.x, y: y, width: highlightWidth ?? rect.width, height: 1), style: Style(.text, on: .selection)) }
            row(index, y, chosen, chosen ? .selection : background, &canvas)
        }
    }

    /// The same for items of several rows each (`heights`): the selected item is whole on
    /// screen, items before it shown as room allows; `item` draws one from its first row.
    public static func draw(heights: [Int], selected: Int, in rect: Rect, on canvas: inout TextCanvas, background: Role = .surface,
                            item: (_ index: Int, _ y: Int, _ rows: Int, _ selected: Bool, _ background: Role, _ canvas: inout TextCanvas) -> Void) {
        guard rect.height > 0, heights.indices.contains(selected) else { return }
        var top = selected
        var used = heights[selected]
        while top > 0, used + heights[top - 1] <= rect.height {
            top -= 1
            used += heights[top]
        }
        var y = rect.y
        for index in top..<heights.count where y < rect.maxY {
            let rows = min(heights[index], rect.maxY - y)
            let chosen = index == selected
            if chosen { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: rows), style: Style(.text, on: .selection)) }
            item(index, y, rows, chosen, chosen ? .selection : background, &canvas)
            y += heights[index]
        }
    }
}
