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
}
