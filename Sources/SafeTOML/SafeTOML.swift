import TOMLKit

/// The one way exocall parses TOML (config, themes). Text is checked first
/// against TOML's own grammar, so malformed structure never reaches the C++
/// parser underneath (it asserts on some, which is an abort in a debug build
/// and undefined behaviour in a release one): statements, keys, table headers,
/// strings, arrays and inline tables are read here, nesting at most 32 deep,
/// keys at most 32 parts deep (a table header's and a dotted key's parts add up:
/// `[a.a.a…]` 30,000 deep overflowed the parser's stack), and at most
/// `maximumKeys` keys in a document, so no checker downstream meets an unbounded one.
public enum SafeTOML {
    /// Why a text is not usable TOML.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// 1-based line, when known.
        public var line: Int?
        /// 1-based column, when known.
        public var column: Int?
        /// What is wrong.
        public var message: String

        /// `line L, column C: message`.
        public var description: String {
            guard let line else { return message }
            return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
        }
    }

    /// How deep arrays and inline tables may nest.
    public static let maximumDepth = 32

    /// How many keys (each key of each statement and header) a document may hold:
    /// a config has about 20, the largest theme about 60.
    public static let maximumKeys = 4096

    /// Parses `text`, refusing what TOML forbids before the parser sees it.
    public static func parse(_ text: String) throws(Failure) -> TOMLTable {
        if let failure = precheck(text) { throw failure }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw Failure(line: nil, column: nil, message: "not valid TOML")
        }
    }

    /// The first thing TOML forbids in `text` that the parser must never see, if any:
    /// the document's structure (statements, keys, table headers, strings, arrays,
    /// inline tables) is checked here; the details of values are left to the parser.
    public static func precheck(_ text: String) -> Failure? {
        var reader = Structure(Array(text.unicodeScalars))
        do {
            try reader.document()
            return nil
        } catch {
            return error
        }
    }
}

/// A recursive-descent reader of TOML's structure (TOML 1.0), by the spec's grammar.
private struct Structure {
    let text: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// The parts of the table header in force plus those of the keys being read.
    var keyDepth = 0
    var keys = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    func fail(_ message: String) -> SafeTOML.Failure {
        SafeTOML.Failure(line: line, column: index - lineStart + 1, message: message)
    }

    func at(_ literal: String) -> Bool {
        let needle = Array(literal.unicodeScalars)
        return index + needle.count <= text.count && Array(text[index..<index + needle.count]) == needle
    }

    mutating func advance(_ count: Int = 1) throws(SafeTOML.Failure) {
        for _ in 0..<count {
            guard let scalar = current else { return }
            if scalar == "\0" { throw fail("a NUL character") }
            index += 1
            if scalar == "\n" { line += 1; lineStart = index }
        }
    }

    mutating func spaces() throws(SafeTOML.Failure) {
        while current == " " || current == "\t" { try advance() }
    }

    /// Spaces, newlines and comments (inside arrays).
    mutating func blank() throws(SafeTOML.Failure) {
        while let scalar = current {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { try advance() }
            else if scalar == "#" { try comment() }
            else { return }
        }
    }

    mutating func comment() throws(SafeTOML.Failure) {
        while let scalar = current, scalar != "\n" {
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" { throw fail("a control character in a comment") }
            try advance()
        }
    }

    /// The rest of a line: spaces, an optional comment, then the end of the line.
    mutating func endOfLine() throws(SafeTOML.Failure) {
        try spaces()
        if current == "#" { try comment() }
        if current == "\r" { try advance() }
        guard current == nil || current == "\n" else { throw fail("unexpected text after a value or header") }
        try advance()
    }

    mutating func document() throws(SafeTOML.Failure) {
        while current != nil {
            try spaces()
            switch current {
            case nil: return
            case "\n"?, "\r"?: try endOfLine()
            case "#"?: try comment()
            case "["?:
                let array = at("[[")
                try advance(array ? 2 : 1)
                try spaces()
                keyDepth = 0
                keyDepth = try key()
                try spaces()
                guard at(array ? "]]" : "]") else { throw fail("a table header must close with \(array ? "]]" : "]") on its line") }
                try advance(array ? 2 : 1)
                try endOfLine()
            default:
                try keyValue()
                try endOfLine()
            }
        }
    }

    mutating func keyValue() throws(SafeTOML.Failure) {
        let parts = try key()
        keyDepth += parts
        try spaces()
        guard current == "=" else { throw fail("expected = after a key") }
        try advance()
        try spaces()
        try value()
        keyDepth -= parts
    }

    /// A dotted key: bare (A-Z a-z 0-9 _ -) or quoted parts; returns how many parts.
    mutating func key() throws(SafeTOML.Failure) -> Int {
        keys += 1
        if keys > SafeTOML.maximumKeys { throw fail("more than \(SafeTOML.maximumKeys) keys") }
        var parts = 0
        while true {
            parts += 1
            if keyDepth + parts > SafeTOML.maximumDepth { throw fail("keys and tables nested more than \(SafeTOML.maximumDepth) deep") }
            switch current {
            case "\""?: try basicString(multiline: false)
            case "'"?: try literalString(multiline: false)
            case let scalar? where Self.isBare(scalar):
                while let next = current, Self.isBare(next) { try advance() }
            default: throw fail("expected a key (letters, digits, _ and -, or a quoted string)")
            }
            try spaces()
            guard current == "." else { return parts }
            try advance()
            try spaces()
        }
    }

    static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    mutating func value() throws(SafeTOML.Failure) {
        switch current {
        case "\""?: try basicString(multiline: at("\"\"\""))
        case "'"?: try literalString(multiline: at("\'\'\'"))
        case "["?: try array()
        case "{"?: try inlineTable()
        case let scalar? where Self.isScalarCharacter(scalar):
            // Numbers, booleans, dates: their details are the parser's; a date may hold one space before its time.
            while let next = current, Self.isScalarCharacter(next) || (next == " " && index + 1 < text.count && ("0"..."9").contains(text[index + 1])
                                                                        && index > 0 && ("0"..."9").contains(text[index - 1])) {
                try advance()
            }
        default: throw fail("expected a value")
        }
    }

    static func isScalarCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-_.:".unicodeScalars.contains(scalar))
    }

    mutating func nest() throws(SafeTOML.Failure) {
        depth += 1
        if depth > SafeTOML.maximumDepth { throw fail("arrays or tables nested more than \(SafeTOML.maximumDepth) deep") }
    }

    mutating func array() throws(SafeTOML.Failure) {
        try nest()
        try advance()
        while true {
            try blank()
            if current == "]" { try advance(); break }
            try value()
            try blank()
            if current == "," { try advance(); continue }
            guard current == "]" else { throw fail("expected , or ] in an array") }
            try advance()
            break
        }
        depth -= 1
    }

    mutating func inlineTable() throws(SafeTOML.Failure) {
        try nest()
        try advance()
        try spaces()
        if current == "}" { try advance(); depth -= 1; return }
        while true {
            try spaces()
            try keyValue()
            try spaces()
            if current == "," { try advance(); continue }
            guard current == "}" else { throw fail("expected , or } in an inline table (on one line)") }
            try advance()
            break
        }
        depth -= 1
    }

    mutating func basicString(multiline: Bool) throws(SafeTOML.Failure) {
        try advance(multiline ? 3 : 1)
        while true {
            guard let scalar = current else { throw fail("a string is not closed") }
            if multiline && at("\"\"\"") {
                try advance(3)
                while current == "\"" { try advance() } // up to two quotes may end the content
                return
            }
            if !multiline && scalar == "\"" { try advance(); return }
            if scalar == "\n" && !multiline { throw fail("a string is not closed on its line") }
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" || scalar.value == 0x7F {
                throw fail("a control character in a string (write it as an escape)")
            }
            if scalar == "\\" {
                // The parser hands strings over as C strings: "abc\u0000def" arrived as "abc".
                if at("\\u0000") || at("\\U00000000") { throw fail("a NUL character (\\u0000) in a string: what follows it would be lost") }
                try advance()
            }
            try advance()
        }
    }

    mutating func literalString(multiline: Bool) throws(SafeTOML.Failure) {
        try advance(multiline ? 3 : 1)
        while true {
            guard let scalar = current else { throw fail("a string is not closed") }
            if multiline && at("\'\'\'") {
                try advance(3)
                while current == "'" { try advance() }
                return
            }
            if !multiline && scalar == "'" { try advance(); return }
            if scalar == "\n" && !multiline { throw fail("a string is not closed on its line") }
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" || scalar.value == 0x7F {
                throw fail("a control character in a string")
            }
            try advance()
        }
    }
}
