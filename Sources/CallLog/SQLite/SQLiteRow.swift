/// One result row: its columns by name, as SQLite returned them.
public struct SQLiteRow: Sendable {
    /// The names of a result's columns and where each is, shared by all its rows.
    final class Columns: Sendable {
        let names: [String]
        let positions: [String: Int]

        init(_ names: [String]) {
            self.names = names
            // The first of two columns with one name wins, as a lookup by name found it.
            positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let layout: Columns
    /// The values, in the statement's column order.
    public let values: [SQLiteValue]

    /// The column names, in the statement's order.
    public var columns: [String] { layout.names }

    /// The value of the column `name`; NULL when the row has no such column
    /// (a log not yet upgraded reads its new columns as absent).
    public subscript(_ name: String) -> SQLiteValue {
        guard let index = layout.positions[name] else { return .null }
        return values[index]
    }

    /// The value at `index`.
    public subscript(_ index: Int) -> SQLiteValue { values[index] }
}
