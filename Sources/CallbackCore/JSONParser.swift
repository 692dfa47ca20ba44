import Localization

/// A JSON syntax error, with the 1-based line and column where it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column (in characters) of the offending character.
    public var column: Int
    /// What was wrong there, for the operator's language.
    public var text: Localized

    /// Creates an error; `text` is the reason from the catalog.
    public init(line: Int, column: Int, text: Localized) {
        self.line = line
        self.column = column
        self.text = text
    }

    /// What was wrong there, in English.
    public var reason: String { text.text(.en) }

    /// "malformed JSON at line L, column C: reason".
    public var description: String { message.text(.en) }

    /// The whole message, to be shown in the operator's language.
    public var message: Localized { .phrase(.jsonMalformed, ["line": "\(line)", "column": "\(column)", "reason": text]) }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes that yields `JSONValue`.
/// Strict means what a server would refuse is refused here too: trailing
/// commas, comments, single quotes, leading zeros, bare control characters.
public enum JSONParser {
    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses a whole document from UTF-8 bytes. `trailingCommas` accepts `{"a":1,}` and
    /// `[1,]` (Exolve's own event examples end objects so; a request file never may).
    public static func parse(_ bytes: [UInt8], trailingCommas: Bool = false) throws(JSONSyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes)
        reader.trailingCommas = trailingCommas
        reader.skipWhitespace()
        let value = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.index < bytes.count { throw reader.error(.phrase(.jsonAfterEnd, ["found": reader.describeCurrent()])) }
        return value
    }

    private static let maxDepth = 256

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var trailingCommas = false

        init(bytes: [UInt8]) {
            // A UTF-8 byte order mark is tolerated, as editors write one.
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        func error(_ reason: Localized, at position: Int? = nil) -> JSONSyntaxError {
            let end = min(position ?? index, bytes.count)
            var line = 1
            var column = 1
            var i = 0
            while i < end {
                let byte = bytes[i]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            return JSONSyntaxError(line: line, column: column, text: reason)
        }

        func describeCurrent() -> Localized {
            guard index < bytes.count else { return .phrase(.jsonEndOfInput) }
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F { return .verbatim("'\(Character(Unicode.Scalar(byte)))'") }
            return .phrase(.jsonByte, ["hex": .verbatim(hexDigits(UInt32(byte), width: 2))])
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth < JSONParser.maxDepth else { throw error(.phrase(.jsonTooDeep, ["max": "\(JSONParser.maxDepth)"])) }
            guard index < bytes.count else { throw error(.phrase(.jsonExpectedValueEnd)) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectWord("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error(.phrase(.jsonExpectedValue, ["found": describeCurrent()]))
            }
        }

        mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw error(.phrase(.jsonExpectedValue, ["found": describeCurrent()]))
            }
            index += expected.count
        }

        mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            index += 1
            var members: [JSONValue.Member] = []
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error(.phrase(.jsonExpectedKey, ["found": describeCurrent()]))
                }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error(.phrase(.jsonExpectedColon, ["key": .verbatim(key), "found": describeCurrent()]))
                }
                index += 1
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                members.append(.init(key, value))
                skipWhitespace()
                guard index < bytes.count else { throw error(.phrase(.jsonUnterminatedObject)) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    if trailingCommas, index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error(.phrase(.jsonObjectSeparator, ["found": describeCurrent()]))
            }
        }

        mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error(.phrase(.jsonUnterminatedArray)) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    if trailingCommas, index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw error(.phrase(.jsonArraySeparator, ["found": describeCurrent()]))
            }
        }

        mutating func parseNumber() throws(JSONSyntaxError) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error(.phrase(.jsonDigit)) }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw error(.phrase(.jsonLeadingZeros)) }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw error(.phrase(.jsonDigitAfterPoint)) }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw error(.phrase(.jsonDigitInExponent)) }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func parseString() throws(JSONSyntaxError) -> String {
            let open = index
            index += 1
            // Built as a String, a run of plain bytes at a time: appending a run's scalars to a
            // scalar view went through the standard library's generic append, a scalar at a time
            // (4,000 instructions a Cyrillic letter, a draft's text parsed before the first frame).
            var text = ""
            var runStart = index
            func flush(_ reader: Reader, _ end: Int, into text: inout String) -> Bool {
                guard end > runStart else { return true }
                guard let run = String(validating: reader.bytes[runStart..<end], as: UTF8.self) else { return false }
                text += run
                return true
            }
            while true {
                guard index < bytes.count else { throw error(.phrase(.jsonUnterminatedString), at: open) }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard flush(self, index, into: &text) else { throw error(.phrase(.jsonInvalidUTF8), at: runStart) }
                    index += 1
                    return text
                }
                if byte < 0x20 { throw error(.phrase(.jsonControlCharacter, ["hex": .verbatim(hexDigits(UInt32(byte), width: 4))])) }
                if byte != UInt8(ascii: "\\") { index += 1; continue }
                guard flush(self, index, into: &text) else { throw error(.phrase(.jsonInvalidUTF8), at: runStart) }
                index += 1
                guard index < bytes.count else { throw error(.phrase(.jsonUnterminatedString), at: open) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): text.unicodeScalars.append("\"")
                case UInt8(ascii: "\\"): text.unicodeScalars.append("\\")
                case UInt8(ascii: "/"): text.unicodeScalars.append("/")
                case UInt8(ascii: "b"): text.unicodeScalars.append("\u{08}")
                case UInt8(ascii: "f"): text.unicodeScalars.append("\u{0C}")
                case UInt8(ascii: "n"): text.unicodeScalars.append("\n")
                case UInt8(ascii: "r"): text.unicodeScalars.append("\r")
                case UInt8(ascii: "t"): text.unicodeScalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try parseHex4()
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error(.phrase(.jsonLoneHigh, ["unit": .verbatim(String(unit, radix: 16, uppercase: true))]))
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error(.phrase(.jsonInvalidLow)) }
                        let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        text.unicodeScalars.append(Unicode.Scalar(value)!)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw error(.phrase(.jsonLoneLow))
                    } else {
                        text.unicodeScalars.append(Unicode.Scalar(unit)!)
                    }
                default:
                    index -= 1
                    throw error(.phrase(.jsonInvalidEscape, ["found": describeCurrent()]))
                }
                runStart = index
            }
        }

        mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error(.phrase(.jsonHex4)) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw error(.phrase(.jsonHex4))
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}

/// `value` in upper-case hex, left-padded with zeros to `width` digits.
func hexDigits(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
