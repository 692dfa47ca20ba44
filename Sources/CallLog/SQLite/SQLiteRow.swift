/// One result row: its columns by name, as SQLite returned them.
public struct SQLiteRow: Sendable {
    /// The column names, in the statement's order.
    public let columns: [String]
    /// The values, in the same order.
    public let values: [SQLiteValue]

    /// The value of the column `name`; NULL when the row has no such column
    /// (a log not yet upgraded reads its new columns as absent).
    public subscript(_ name: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    /// The value at `index`.
    public subscript(_ index: Int) -> SQLiteValue { values[index] }
}
