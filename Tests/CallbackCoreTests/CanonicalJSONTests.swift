import CallbackCore
import Foundation
import XCTest

final class CanonicalJSONTests: XCTestCase {
    func testSpecExampleCompactBytes() {
        let request = RequestValidator.validate(text: specExample).request!
        let expected = #"{"request_description":"internal_id_148","number_code":74999999999,"callback_resource_id":1221,"#
            + #""line_1":{"destinations":[{"number":"78129999999"},{"number":"74959999999"}],"ring_logic":1,"#
            + #""audio":{"tts":{"text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"lang":1,"#
            + #""volume":-19,"speed":1.1,"emotion":2}}},"#
            + #""line_2":{"destinations":[{"number":"79599999999"},{"number":"79999999999"}],"ring_logic":1,"#
            + #""audio":{"media_resource_id":685}}}"#
        XCTAssertEqual(request.canonicalJSON(.compact), expected)
    }

    func testPrettyUsesTwoSpacesAndSpecOrder() {
        let request = MakeCallbackRequest(numberCode: 7, callbackResourceID: 9, duration: 600,
                                          line1: Line(destinations: [Destination(number: "79990000001", timeout: 20)]),
                                          line2: Line(destinations: [Destination(number: "sip:a@b")], ringLogic: .parallel))
        let expected = """
        {
          "number_code": 7,
          "callback_resource_id": 9,
          "duration": 600,
          "line_1": {
            "destinations": [
              {
                "number": "79990000001",
                "timeout": 20
              }
            ]
          },
          "line_2": {
            "destinations": [
              {
                "number": "sip:a@b"
              }
            ],
            "ring_logic": 2
          }
        }
        """
        XCTAssertEqual(request.canonicalJSON(.pretty), expected)
    }

    func testKeysAreReorderedToSpecOrderWhateverTheInputOrder() {
        let shuffled = #"{"line_2":{"audio":{"media_resource_id":3},"destinations":[{"timeout":11,"number":"79990000002"}]},"#
            + #""line_1":{"destinations":[{"number":"79990000001"}]},"callback_resource_id":2,"number_code":1}"#
        let request = RequestValidator.validate(text: shuffled).request!
        XCTAssertEqual(request.canonicalJSON(),
                       #"{"number_code":1,"callback_resource_id":2,"line_1":{"destinations":[{"number":"79990000001"}]},"#
                       + #""line_2":{"destinations":[{"number":"79990000002","timeout":11}],"audio":{"media_resource_id":3}}}"#)
    }

    func testFloatsAreWrittenInShortestForm() {
        XCTAssertEqual(CanonicalJSON.number(1.1), "1.1")
        XCTAssertEqual(CanonicalJSON.number(0.1 + 0.2 - 0.2), "0.10000000000000003")
        XCTAssertEqual(CanonicalJSON.number(0.3), "0.3")
        XCTAssertEqual(CanonicalJSON.number(1.0), "1.0")
        let request = RequestValidator.validate(example(setting: "line_1.audio.tts.speed", to: .number("1.10"))).request!
        XCTAssertTrue(request.canonicalJSON().contains(#""speed":1.1,"#))
    }

    func testStringsEscapeOnlyWhatJSONRequires() {
        XCTAssertEqual(CanonicalJSON.quote("Ёж \"q\" \\ / \n\t\u{1}😀"), #""Ёж \"q\" \\ / \n\t\u0001😀""#)
    }

    /// Issue #27: `--json` carried U+009B (a CSI to a terminal) and bidi overrides raw.
    func testCharactersATerminalWouldObeyAreEscapedAndReadBackTheSame() throws {
        let hostile = "a\u{9B}2Jb\u{7F}\u{202E}c\u{061C}\u{E0041}d"
        let quoted = CanonicalJSON.quote(hostile)
        XCTAssertEqual(quoted, #""a\u009B2Jb\u007F\u202Ec\u061C\uDB40\uDC41d""#)
        XCTAssertEqual(try JSONParser.parse(quoted), .string(hostile), "the same text, read back")
        XCTAssertEqual(TerminalText.escaped("x\u{061C}\u{115F}\u{3164}\u{E0067}y"), "x\\u061c\\u115f\\u3164\\ue0067y")
    }

    func testCanonicalOutputParsesBackToTheSameRequest() throws {
        let request = RequestValidator.validate(text: specExample).request!
        for style in [CanonicalJSON.Style.compact, .pretty] {
            XCTAssertEqual(RequestValidator.validate(text: request.canonicalJSON(style)).request, request)
        }
    }

    func testLargeUInt64SurvivesExactly() {
        let json = example(setting: "number_code", to: .number("18446744073709551615"))
        XCTAssertTrue(RequestValidator.validate(json).request!.canonicalJSON().contains("18446744073709551615"))
    }

    func testResponseAcceptsRequestIDOrRequestDescription() throws {
        let vendor = try JSONDecoder().decode(MakeCallbackResponse.self,
                                              from: Data(#"{"call_id": "1890033117915127808", "request_description": "Идентификатор"}"#.utf8))
        XCTAssertEqual(vendor, MakeCallbackResponse(callID: "1890033117915127808", requestID: "Идентификатор"))
        let documented = MakeCallbackResponse.parse(Array(#"{"call_id":"5","request_id":"r","extra":[1,{}]}"#.utf8))
        XCTAssertEqual(documented, MakeCallbackResponse(callID: "5", requestID: "r"))
        XCTAssertEqual(MakeCallbackResponse.parse(Array(#"{"call_id":1890033117915127808}"#.utf8))?.callID, "1890033117915127808")
        XCTAssertNil(MakeCallbackResponse.parse(Array("not json".utf8)))
        XCTAssertNil(MakeCallbackResponse.parse(Array(#"{"request_id":"r"}"#.utf8)))
    }
}
