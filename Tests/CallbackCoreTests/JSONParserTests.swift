import CallbackCore
import XCTest

final class JSONParserTests: XCTestCase {
    func testKeepsKeyOrderAndNumberLexemes() throws {
        let value = try JSONParser.parse(#"{"b": 1.10, "a": 18446744073709551615, "c": [true, null, "x"]}"#)
        XCTAssertEqual(value, .object([.init("b", .number("1.10")), .init("a", .number("18446744073709551615")),
                                       .init("c", .array([.bool(true), .null, .string("x")]))]))
    }

    func testUnescapesStringsAndSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#""\u0416\ud83d\ude00\n\"""#), .string("Ж😀\n\""))
    }

    /// A string is built from runs of plain bytes and the escapes between them: every scalar
    /// comes through as written (a combining mark after an escape too), and a cut UTF-8 sequence is refused.
    func testStringsKeepEveryScalarAcrossRunsAndEscapes() throws {
        let parsed = try JSONParser.parse(#""МТС — e\u0301\u0301x\tй\u0416""#)
        guard case .string(let text) = parsed else { return XCTFail("not a string: \(parsed)") }
        XCTAssertEqual(text.unicodeScalars.map(\.value), [0x41C, 0x422, 0x421, 0x20, 0x2014, 0x20, 0x65, 0x301, 0x301, 0x78, 0x9, 0x439, 0x416])
        XCTAssertThrowsError(try JSONParser.parse([UInt8(ascii: "\""), 0x61, 0xD0, UInt8(ascii: "\"")]), "a cut UTF-8 sequence")
    }

    func testRefusesWhatAStrictServerRefuses() {
        for bad in ["{\"a\":1,}", "[1,]", "01", "{'a':1}", "// x\n{}", "\"a\tb\"", "1.", "-", "{\"a\" 1}", "[1] 2", "", "\"\\ud800\""] {
            XCTAssertThrowsError(try JSONParser.parse(bad), "should refuse \(bad.debugDescription)")
        }
    }

    func testPositionCountsCharactersNotBytes() {
        do {
            _ = try JSONParser.parse("{\"ж\": \"ёж\" x}")
            XCTFail("should throw")
        } catch {
            XCTAssertEqual(error.line, 1)
            XCTAssertEqual(error.column, 12)
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep))
    }
}

final class JSONPathTests: XCTestCase {
    func testParsesAndPrintsPaths() {
        let path = JSONPath(parsing: "line_2.destinations[3].timeout")
        XCTAssertEqual(path?.components, [.key("line_2"), .key("destinations"), .index(3), .key("timeout")])
        XCTAssertEqual(path?.description, "line_2.destinations[3].timeout")
        for bad in ["", ".a", "a.", "a..b", "[0]", "a[x]", "a[-1]", "a[0]b", "a]"] {
            XCTAssertNil(JSONPath(parsing: bad), bad)
        }
    }

    func testSetReplacesAddsAppendsAndRemoves() throws {
        var json = exampleJSON()
        try json.set(.number("20"), at: JSONPath(parsing: "line_2.destinations[0].timeout")!)
        try json.set(.object([.init("number", .string("79990000000"))]), at: JSONPath(parsing: "line_2.destinations[2]")!)
        try json.set(nil, at: JSONPath(parsing: "request_description")!)
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.destinations[0].timeout")!), .number("20"))
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.destinations[2].number")!), .string("79990000000"))
        XCTAssertNil(json["request_description"])
    }

    func testSetThroughAMissingBranchIsAnError() {
        var json = exampleJSON()
        XCTAssertThrowsError(try json.set(.number("1"), at: JSONPath(parsing: "line_3.ring_logic")!)) { error in
            XCTAssertTrue("\(error)".contains("there is no \"line_3\""))
        }
        XCTAssertThrowsError(try json.set(.number("1"), at: JSONPath(parsing: "line_1.destinations[5].timeout")!))
        XCTAssertThrowsError(try json.set(.number("1"), at: JSONPath(parsing: "number_code.x")!))
    }
}
