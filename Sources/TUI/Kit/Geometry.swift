/// A terminal size in cells.
public struct Size: Equatable, Sendable, Codable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int
    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The largest screen exocall draws: a terminal may claim any size (32,768 rows
    /// overflowed curses; 9,999 x 9,999 cost 8.4 GB), the rest of it stays blank.
    public static let largest = Size(width: 1000, height: 500)

    /// This size within 0...`largest` on both sides.
    public var bounded: Size {
        Size(width: min(max(0, width), Size.largest.width), height: min(max(0, height), Size.largest.height))
    }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }

    /// Whether the cell (x, y) is inside.
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The bottom row + 1.
    public var maxY: Int { y + height }
    /// The right column + 1.
    public var maxX: Int { x + width }
}
