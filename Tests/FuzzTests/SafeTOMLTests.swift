import SafeTOML
import XCTest

/// Structure the TOML parser underneath must never see is refused, with its place.
final class SafeTOMLTests: XCTestCase {
    func testValidDocumentsPass() throws {
        let config = """
        # exocall
        default_profile = "shop"
        repeat_window = "10m"
        [profiles.shop]
        api_key_env = "EXOLVE_SHOP_KEY"   # the key's variable
        number_code = 74999999999
        when = 1979-05-27 07:32:00
        list = [1, 2,
          3, # a comment
        ]
        [profiles.shop.line_1]
        audio = { tts = { text = "Соединяю с клиентом", voice = 15 } }
        'quoted key' = '''multi
        line'''
        "basic \\"key\\"" = \"\"\"also
        multi\"\"\"
        [[arrays.of.tables]]
        x = -1.5e3
        """
        let table = try SafeTOML.parse(config)
        XCTAssertNotNil(table["profiles"])
    }

    func testMalformedStructureIsRefusedWithItsLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1\n[\nb]\n", 2, "expected a key"),
            ("[+\"1\"", 1, "expected a key"),
            ("[ é]\n", 1, "expected a key"),
            ("ключ = 1\n", 1, "expected a key"),
            ("a = \"open\nb = 1", 1, "not closed on its line"),
            ("a = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40), 1, "nested more than 32 deep"),
            ("a = { b = 1\n}", 1, "inline table"),
            ("a = 1 b = 2", 1, "unexpected text"),
            ("a = \"\u{0}\"", 1, "control character"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try SafeTOML.parse(text), text.debugDescription) { error in
                guard let failure = error as? SafeTOML.Failure else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.line, line, text.debugDescription)
                XCTAssertTrue(failure.message.contains(fragment), "\(text.debugDescription): \(failure.message)")
            }
        }
    }

    /// Issue #27: a table header 30,000 parts deep overflowed the parser's stack; a key
    /// with an escaped NUL came out cut at it; thousands of keys made checkers quadratic.
    func testKeysAreBoundedInDepthAndNumberAndNULNeverReachesTheParser() {
        let deep = "[" + Array(repeating: "a", count: 30_000).joined(separator: ".") + "]\nx = 1\n"
        XCTAssertTrue(SafeTOML.precheck(deep)?.message.contains("nested more than 32 deep") ?? false)
        XCTAssertTrue(SafeTOML.precheck("[a.b]\n" + Array(repeating: "k", count: 31).joined(separator: ".") + " = 1")?.message.contains("32 deep") ?? false,
                      "a header's parts and a key's add up")
        XCTAssertNil(SafeTOML.precheck("[a.b]\n" + Array(repeating: "k", count: 30).joined(separator: ".") + " = 1"))
        XCTAssertTrue(SafeTOML.precheck("a = { b = { c = { " + Array(repeating: "d", count: 30).joined(separator: ".") + " = 1 } } }")?.message.contains("32 deep") ?? false)
        let many = (0...SafeTOML.maximumKeys).map { "k\($0) = 1" }.joined(separator: "\n")
        XCTAssertTrue(SafeTOML.precheck(many)?.message.contains("more than 4096 keys") ?? false)
        XCTAssertNil(SafeTOML.precheck((0..<100).map { "k\($0) = 1" }.joined(separator: "\n")))
        for nul in [#"api_key = "abc\u0000def""#, #"api_key = "abc\U00000000def""#, #"a = { b = "x\u0000" }"#] {
            XCTAssertTrue(SafeTOML.precheck(nul)?.message.contains("NUL") ?? false, nul)
        }
        XCTAssertNil(SafeTOML.precheck(#"a = "\\u0000 is text here""#), "an escaped backslash before u0000 is text")
    }
}
