import CallbackCore
import XCTest

final class ValidationBoundaryTests: XCTestCase {
    func testSpecExampleIsValid() {
        let result = RequestValidator.validate(text: specExample)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.request?.numberCode, 74_999_999_999)
        XCTAssertEqual(result.request?.line2.audio, .media(685))
    }

    func testDurationBoundsAreInclusive() {
        assertRejected("duration", "299", mentions: "from 300 to 3600 seconds, got 299")
        assertAccepted("duration", "300")
        assertAccepted("duration", "3600")
        assertRejected("duration", "3601", mentions: "got 3601")
    }

    func testTimeoutBoundsAreInclusive() {
        let path = "line_2.destinations[1].timeout"
        assertRejected(path, "9", mentions: "from 10 to 600 seconds, got 9")
        assertAccepted(path, "10")
        assertAccepted(path, "600")
        assertRejected(path, "601", mentions: "got 601")
    }

    func testVolumeBoundsAreInclusive() {
        let path = "line_1.audio.tts.volume"
        assertRejected(path, "-146", mentions: "from -145 to 0")
        assertAccepted(path, "-145")
        assertAccepted(path, "0")
        assertRejected(path, "1", mentions: "got 1")
    }

    func testSpeedBoundsAreInclusive() {
        let path = "line_1.audio.tts.speed"
        assertRejected(path, "0.09", mentions: "from 0.1 to 3.0, got 0.09")
        assertAccepted(path, "0.1")
        assertAccepted(path, "3.0")
        assertAccepted(path, "3")
        assertRejected(path, "3.01", mentions: "got 3.01")
    }

    func testRingLogicIsOneOrTwo() {
        assertRejected("line_1.ring_logic", "0", mentions: "1 (sequential) or 2 (parallel)")
        assertAccepted("line_1.ring_logic", "1")
        assertAccepted("line_1.ring_logic", "2")
        assertRejected("line_1.ring_logic", "3", mentions: "got 3")
    }

    func testDestinationsHoldOneToTen() {
        let one = #"[{"number": "79990000000"}]"#
        let ten = "[" + (0..<10).map { #"{"number": "7999000000\#($0)"}"# }.joined(separator: ",") + "]"
        let eleven = "[" + (0..<11).map { #"{"number": "799900000\#(10 + $0)"}"# }.joined(separator: ",") + "]"
        assertRejected("line_1.destinations", "[]", mentions: "1 to 10 destinations, has 0")
        assertAccepted("line_1.destinations", one)
        assertAccepted("line_1.destinations", ten)
        assertRejected("line_1.destinations", eleven, mentions: "has 11")
    }

    func testTTSTextCountsCharactersNotBytes() {
        let path = "line_1.audio.tts.text"
        assertRejected(path, #""""#, mentions: "1 to 1000 characters, has 0")
        assertAccepted(path, #""я""#)
        let cyrillic1000 = String(repeating: "ж", count: 1000)
        XCTAssertEqual(cyrillic1000.utf8.count, 2000)
        assertNoError(path, CanonicalJSON.quote(cyrillic1000))
        assertRejected(path, CanonicalJSON.quote(cyrillic1000 + "ж"), mentions: "has 1001")
        let emoji1000 = String(repeating: "😀", count: 1000)
        assertNoError(path, CanonicalJSON.quote(emoji1000))
        assertRejected(path, CanonicalJSON.quote(emoji1000 + "😀"), mentions: "has 1001")
    }

    func testIDsMustBePositiveUInt64() {
        assertRejected("number_code", "0", mentions: "positive whole number")
        assertAccepted("number_code", "1")
        assertAccepted("number_code", "18446744073709551615")
        assertRejected("number_code", "18446744073709551616", mentions: "uint64")
        assertRejected("callback_resource_id", "-1", mentions: "got -1")
        assertRejected("callback_resource_id", "12.5", mentions: "got 12.5")
        assertRejected("line_2.audio.media_resource_id", "0", mentions: "media resource id")
    }

    func testRequiredFieldsAreReported() {
        assertRejected("number_code", nil, mentions: "required")
        assertRejected("callback_resource_id", nil, mentions: "required")
        assertRejected("line_1", nil, mentions: "required")
        assertRejected("line_2", nil, mentions: "required")
        assertRejected("line_1.destinations", nil, mentions: "required")
        assertRejected("line_1.destinations[0].number", nil, mentions: "required")
        assertRejected("line_1.audio.tts.text", nil, mentions: "required")
    }

    func testOptionalFieldsMayBeLeftOut() {
        for path in ["request_description", "duration", "line_1.ring_logic", "line_1.audio", "line_1.audio.tts.voice",
                     "line_1.audio.tts.lang", "line_1.audio.tts.volume", "line_1.audio.tts.speed",
                     "line_1.audio.tts.emotion", "line_2.destinations[0].timeout"] {
            assertAccepted(path, nil)
        }
    }

    func testAudioTakesExactlyOneKind() {
        assertRejected("line_2.audio", #"{"media_resource_id": 1, "tts": {"text": "hi"}}"#, mentions: "not both")
        assertAccepted("line_2.audio", #"{"tts": {"text": "hi"}}"#)
    }

    func testLangMustBeRussian() {
        assertAccepted("line_1.audio.tts.lang", "1")
        assertRejected("line_1.audio.tts.lang", "2", mentions: "no language 2")
    }

    func testWrongTypesNameTheTypeGiven() {
        assertRejected("duration", #""long""#, mentions: #"got string "long""#)

        assertRejected("line_1.destinations[0].number", "79991234567", mentions: "in quotes")
        assertRejected("line_1", "[]", mentions: "must be a JSON object")
        assertRejected("request_description", "42", mentions: "must be a string")
        assertRejected("duration", "true", mentions: "got boolean true")
        assertRejected("number_code", "null", mentions: "required")
    }

    func testUnknownFieldIsAnErrorWithASuggestion() {
        assertRejected("line_1.ringlogic", "2", mentions: #"did you mean "ring_logic""#)
        assertRejected("line_1.audio.tts.pitch", "2", mentions: "unknown field")
        assertRejected("extra", "true", mentions: "unknown field")
    }

    func testDuplicateKeyIsAnError() {
        let text = specExample.replacingOccurrences(of: #""callback_resource_id": 1221,"#,
                                                    with: #""callback_resource_id": 1221, "callback_resource_id": 1222,"#)
        let result = RequestValidator.validate(text: text)
        XCTAssertEqual(result.problems.map(\.path), ["callback_resource_id"])
        XCTAssertTrue(result.problems[0].message.contains("more than once"))
    }

    func testAllProblemsAreReportedAtOnceInDocumentOrder() {
        var json = exampleJSON()
        try! json.set(.number("5"), at: JSONPath(parsing: "line_2.destinations[1].timeout")!)
        try! json.set(.number("9"), at: JSONPath(parsing: "duration")!)
        try! json.set(.string("+7 999 123-45-67"), at: JSONPath(parsing: "line_1.destinations[0].number")!)
        let result = RequestValidator.validate(json)
        XCTAssertNil(result.request)
        XCTAssertEqual(result.problems.map(\.path),
                       ["duration", "line_1.destinations[0].number", "line_2.destinations[1].timeout"])
    }

    func testMalformedJSONNamesLineAndColumn() {
        let result = RequestValidator.validate(text: "{\n  \"duration\": 300,\n  \"number_code\": 12,,\n}")
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertEqual(result.problems[0].path, "")
        XCTAssertTrue(result.problems[0].message.contains("line 3, column 21"), result.problems[0].message)
    }

    func testDomesticNumbersAreWarnedWithTheNormalizedFormAndSentAsWritten() {
        let result = assertWarned("line_1.destinations[0].number", #""89991234567""#, mentions: "79991234567")
        XCTAssertEqual(result.problems.first?.suggestion, "79991234567")
        XCTAssertEqual(result.request?.line1.destinations[0].number, "89991234567", "sent as written until the fix is applied")
        let plus = assertWarned("line_1.destinations[0].number", #""+79991234567""#, mentions: "international digits-only")
        XCTAssertEqual(plus.problems.first?.suggestion, "79991234567")
        assertAccepted("line_1.destinations[0].number", #""sip:operator@example.ru""#)
        let display = assertWarned("line_1.display_number", #""8 (999) 123-45-67""#, mentions: "not digits")
        XCTAssertEqual(display.problems.first?.suggestion, "79991234567")
    }
}

/// Asserts that setting `path` to `literal` raises no error (a 1000-character text also
/// gets the speech-length warning, which does not block).
func assertNoError(_ path: String, _ literal: String, file: StaticString = #filePath, line: UInt = #line) {
    let found = problems(setting: path, to: literal).filter(\.isError)
    XCTAssertEqual(found, [], "\(path) should raise no error", file: file, line: line)
}
