/// One value as SQLite stores it: the five storage classes, nothing converted.
public enum SQLiteValue: Sendable, Equatable {
    /// NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// Text (UTF-8).
    case text(String)
    /// Bytes.
    case blob([UInt8])

    /// Whether the value is NULL.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The integer, when the value is one (a real only when it is a whole number that fits).
    public var int64: Int64? {
        switch self {
        case .integer(let number): return number
        case .real(let number): return Int64(exactly: number) // nil for 1e300, NaN, 1.5
        case .null, .text, .blob: return nil
        }
    }

    /// The value read as text whatever it holds; nil for NULL.
    public var text: String? {
        switch self {
        case .null: return nil
        case .text(let string): return string
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// What can be bound to a statement's `?`.
public protocol SQLiteBindable {
    /// The value bound.
    var sqliteValue: SQLiteValue { get }
}

extension SQLiteValue: SQLiteBindable {
    /// Itself.
    public var sqliteValue: SQLiteValue { self }
}

extension String: SQLiteBindable {
    /// As text.
    public var sqliteValue: SQLiteValue { .text(self) }
}

extension Int64: SQLiteBindable {
    /// As an integer.
    public var sqliteValue: SQLiteValue { .integer(self) }
}

extension Int: SQLiteBindable {
    /// As an integer.
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Int32: SQLiteBindable {
    /// As an integer.
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    /// The wrapped value, or NULL.
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}
