/// A statement and its parameters, sent apart from its text: values interpolated into a
/// `WireQuery` become `$1`, `$2`... and never SQL, so no text of an operator's or a
/// server's can change a statement. `\(unescaped:)` is for SQL exocall writes itself.
public struct WireQuery: Sendable, ExpressibleByStringInterpolation {
    /// The statement, with `$n` for each parameter.
    public var sql: String
    /// The parameters, in order.
    public var binds: WireBindings

    /// A statement with parameters already numbered in it.
    public init(sql: String, binds: WireBindings = WireBindings()) {
        self.sql = sql
        self.binds = binds
    }

    /// A statement without parameters.
    public init(stringLiteral value: String) { self.init(sql: value) }

    /// A statement whose interpolated values became parameters.
    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// Builds the text and the parameters as the literal is read.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds = WireBindings()

        /// Room for the text and a placeholder per value.
        public init(literalCapacity: Int, interpolationCount: Int) { sql.reserveCapacity(literalCapacity + interpolationCount * 3) }

        /// SQL from the literal, as it is.
        public mutating func appendLiteral(_ literal: String) { sql += literal }

        /// A parameter: `$n` in the text.
        public mutating func appendInterpolation(_ value: some WireEncodable) { sql += binds.append(value) }

        /// SQL written by exocall itself, as it is.
        public mutating func appendInterpolation(unescaped text: String) { sql += text }
    }
}

/// The parameters of a statement: their types and their text.
public struct WireBindings: Sendable {
    /// Each parameter's type (its PostgreSQL OID).
    public private(set) var types: [UInt32] = []
    /// Each parameter's text (nil: NULL).
    public private(set) var values: [[UInt8]?] = []

    /// No parameters yet.
    public init() {}

    /// How many parameters there are.
    public var count: Int { values.count }

    /// Adds `value`; returns its placeholder (`$n`).
    @discardableResult
    public mutating func append(_ value: some WireEncodable) -> String {
        types.append(type(of: value).wireType)
        values.append(value.wireText.map { Array($0.utf8) })
        return "$\(values.count)"
    }
}

/// A value that can be sent as a parameter: its type and its text form.
public protocol WireEncodable: Sendable {
    /// The PostgreSQL type it is sent as.
    static var wireType: UInt32 { get }
    /// Its text, as PostgreSQL's input function reads it (nil: NULL).
    var wireText: String? { get }
}

/// Text, as `text` (OID 25). Each conformance below names the type PostgresNIO sent, so
/// the server resolves every statement's parameters as it did.
extension String: WireEncodable {
    public static var wireType: UInt32 { 25 }
    public var wireText: String? { self }
}

extension Int: WireEncodable {
    public static var wireType: UInt32 { 20 }
    public var wireText: String? { String(self) }
}

extension Int64: WireEncodable {
    public static var wireType: UInt32 { 20 }
    public var wireText: String? { String(self) }
}

extension Int32: WireEncodable {
    public static var wireType: UInt32 { 23 }
    public var wireText: String? { String(self) }
}

extension Bool: WireEncodable {
    public static var wireType: UInt32 { 16 }
    public var wireText: String? { self ? "t" : "f" }
}

extension Optional: WireEncodable where Wrapped: WireEncodable {
    public static var wireType: UInt32 { Wrapped.wireType }
    public var wireText: String? { self?.wireText }
}

extension Array: WireEncodable where Element: WireArrayElement {
    public static var wireType: UInt32 { Element.wireArrayType }
    /// An array literal: every element quoted, `"` and `\` escaped.
    public var wireText: String? {
        "{" + map { element in
            "\"" + element.wireText!.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
}

/// A value that can be an element of an array parameter.
public protocol WireArrayElement: WireEncodable {
    /// The array type's OID.
    static var wireArrayType: UInt32 { get }
}

extension String: WireArrayElement { public static var wireArrayType: UInt32 { 1009 } }
extension Int64: WireArrayElement { public static var wireArrayType: UInt32 { 1016 } }
extension Int: WireArrayElement { public static var wireArrayType: UInt32 { 1016 } }
