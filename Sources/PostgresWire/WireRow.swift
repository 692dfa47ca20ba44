/// A row of a result, its columns as PostgreSQL's text.
public struct WireRow: Sendable {
    /// Each column's text (nil: NULL).
    public let columns: [[UInt8]?]

    /// One column, to decode.
    public subscript(index: Int) -> WireCell {
        WireCell(index: index, bytes: index < columns.count ? columns[index] : nil, exists: index < columns.count)
    }
}

/// One column of a row.
public struct WireCell: Sendable {
    let index: Int
    let bytes: [UInt8]?
    let exists: Bool

    /// The column read as `type`; a NULL where the type is not optional, a column that is
    /// not there or a text the type cannot read throws.
    public func decode<T: WireDecodable>(_ type: T.Type = T.self) throws(WireError) -> T {
        guard exists else { throw .protocolViolation("no column \(index) in the row") }
        guard let value = T(wireText: bytes) else {
            let shown = bytes.map { "'" + String(decoding: $0.prefix(40), as: UTF8.self) + "'" } ?? "NULL"
            throw .protocolViolation("column \(index): \(shown) is not a \(T.self)")
        }
        return value
    }
}

/// A value that can be read from a column's text.
public protocol WireDecodable {
    /// The value of `text` (nil bytes: NULL), or nil when it cannot be read as this type.
    init?(wireText: [UInt8]?)
}

extension String: WireDecodable {
    public init?(wireText: [UInt8]?) {
        guard let wireText else { return nil }
        self = String(decoding: wireText, as: UTF8.self)
    }
}

extension Int64: WireDecodable {
    public init?(wireText: [UInt8]?) {
        guard let wireText, let value = Int64(String(decoding: wireText, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Int: WireDecodable {
    public init?(wireText: [UInt8]?) {
        guard let wireText, let value = Int(String(decoding: wireText, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Bool: WireDecodable {
    public init?(wireText: [UInt8]?) {
        switch wireText {
        case [UInt8(ascii: "t")]?: self = true
        case [UInt8(ascii: "f")]?: self = false
        default: return nil
        }
    }
}

extension Optional: WireDecodable where Wrapped: WireDecodable {
    public init?(wireText: [UInt8]?) {
        guard let wireText else { self = .none; return }
        guard let value = Wrapped(wireText: wireText) else { return nil }
        self = .some(value)
    }
}
