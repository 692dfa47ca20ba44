import CallbackCore
import Foundation
import XCTest

/// Every row of the spec's "Errors and warnings: what blocks a send" ruling.
final class ErrorsAndWarningsTests: XCTestCase {
    // MARK: Errors

    func testMissingRequiredFieldsAndZeroIDsAreErrors() {
        assertRejected("number_code", nil, mentions: "required")
        assertRejected("line_1.destinations[0].number", nil, mentions: "required")
        assertRejected("line_1.audio.tts.text", nil, mentions: "required")
        assertRejected("number_code", "0", mentions: "0 means \"not set\"")
        assertRejected("callback_resource_id", "0", mentions: "0 means")
        assertRejected("line_2.audio.media_resource_id", "0", mentions: "0 means")
    }

    func testOutOfRangeEnumsEmotionsLangAndTextAreErrors() {
        assertRejected("duration", "299", mentions: "from 300 to 3600")
        assertRejected("line_1.ring_logic", "3", mentions: "1 (sequential) or 2 (parallel)")
        assertRejected("line_1.audio.tts.emotion", "6", mentions: "does not support emotion 6")
        assertRejected("line_1.audio.tts.lang", "2", mentions: "no language 2")
        assertRejected("line_1.audio.tts.text", #""""#, mentions: "has 0")
        assertRejected("line_1.destinations", "[]", mentions: "has 0")
        assertRejected("line_2.audio", #"{"media_resource_id": 1, "tts": {"text": "hi"}}"#, mentions: "not both")
    }

    /// What the voice, language and emotion messages list (every voice, language or emotion
    /// there is) is built only when a message is written: each message still lists it whole.
    func testVoiceLanguageAndEmotionMessagesListWhatThereIs() {
        let voices = VoiceCatalog.voices.map { String($0.id) }.joined(separator: ", ")
        assertRejected("line_1.audio.tts.voice", "99", mentions: voices)
        assertRejected("line_1.audio.tts.voice", #""x""#, mentions: voices)
        let languages = VoiceCatalog.languages.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        assertRejected("line_1.audio.tts.lang", "2", mentions: languages)
        assertRejected("line_1.audio.tts.lang", "1.5", mentions: languages)
        let emotions = VoiceCatalog.emotionIDs.map { "\($0) \(VoiceCatalog.emotionNames[$0]!)" }.joined(separator: ", ")
        assertRejected("line_1.audio.tts.emotion", "9", mentions: emotions)
        assertRejected("line_1.audio.tts.emotion", "[]", mentions: emotions)
        assertRejected("line_1.ring_logic", #""x""#, mentions: "1 (sequential) or 2 (parallel)")
        assertRejected("line_1.audio.tts.speed", "9", mentions: "from 0.1 to 3")
    }

    func testTypesTheAPICannotReadAreErrors() {
        assertRejected("duration", #""long""#, mentions: #"got string "long""#)
        assertRejected("duration", "1800.5", mentions: "a fraction in a whole-number field, got 1800.5")
        assertRejected("line_1.destinations[0].timeout", "-30", mentions: "a negative number in an unsigned field")
        assertRejected("duration", "4294967296", mentions: "past the largest uint32, 4294967295")
        assertRejected("number_code", "18446744073709551616", mentions: "past the largest uint64, 18446744073709551615")
        assertRejected("number_code", "1e400", mentions: "past the largest uint64")
        assertRejected("line_1.audio.tts.volume", "{}", mentions: "got object {}")
        assertRejected("line_1.ring_logic", "[1]", mentions: "got array")
        assertRejected("line_1.destinations[0].number", "79991234567", mentions: "in quotes")
    }

    func testADestinationThatIsNeitherAPhoneNumberNorASIPURIIsAnError() {
        assertRejected("line_1.destinations[0].number", #""""#, mentions: "must not be empty")
        assertRejected("line_1.destinations[0].number", #""call me""#, mentions: "or a SIP URI")
        assertRejected("line_1.destinations[0].number", #""7999.123""#, mentions: "or a SIP URI")
        assertRejected("line_1.destinations[0].number", #""sip:""#, mentions: "sip:user@host")
    }

    func testAnUnknownFieldIsAnErrorWithDidYouMean() {
        assertRejected("line_1.ringlogic", "2", mentions: #"did you mean "ring_logic""#)
        assertRejected("line_1.audio.tts.pitch", "2", mentions: "unknown field")
    }

    // MARK: Warnings

    func testPhoneNumbersNotInTheInternationalFormAreWarnedAndSentAsWritten() {
        let plus = assertWarned("line_1.destinations[0].number", #""+7 999 123-45-67""#, mentions: "digits-only")
        XCTAssertEqual(plus.problems.first?.suggestion, "79991234567")
        XCTAssertEqual(plus.request?.line1.destinations[0].number, "+7 999 123-45-67")
        _ = assertWarned("line_1.destinations[0].number", #""8(999)123-45-67""#, mentions: "79991234567")
    }

    func testUnusualLengthsSIPWithoutUserAndBareMobilesAreWarned() {
        _ = assertWarned("line_1.destinations[0].number", #""100""#, mentions: "unusually short")
        _ = assertWarned("line_1.destinations[0].number", #""1234567890123456""#, mentions: "unusually long")
        _ = assertWarned("line_1.destinations[0].number", #""sip:pbx.example.ru""#, mentions: "without a user part")
        let mobile = assertWarned("line_1.destinations[0].number", #""9031234567""#, mentions: "country code")
        XCTAssertEqual(mobile.problems.first?.suggestion, "79031234567")
    }

    func testADisplayNumberThatIsNotDigitsIsWarned() {
        _ = assertWarned("line_1.display_number", #""Exolve""#, mentions: "not digits")
        _ = assertWarned("line_1.display_number", #""+74990000001""#, mentions: "not digits")
        assertAccepted("line_1.display_number", #""74990000001""#)
    }

    func testNullOnAnOptionalFieldIsWarnedAndLeftOut() {
        let result = assertWarned("duration", "null", mentions: "treated as absent")
        XCTAssertNil(result.request?.duration)
        XCTAssertFalse(result.request!.canonicalJSON().contains("duration"))
        _ = assertWarned("line_1.audio.tts.voice", "null", mentions: "treated as absent")
    }

    func testWholeNumbersWrittenWithAFractionExponentOrQuotesAreWarnedAndSentPlain() {
        let fraction = assertWarned("duration", "1800.0", mentions: "read as 1800")
        XCTAssertTrue(fraction.request!.canonicalJSON().contains(#""duration":1800,"#))
        let exponent = assertWarned("duration", "1.8e3", mentions: "read as 1800")
        XCTAssertEqual(exponent.request?.duration, 1800)
        let quoted = assertWarned("callback_resource_id", #""1221""#, mentions: "a number in quotes")
        XCTAssertTrue(quoted.request!.canonicalJSON().contains(#""callback_resource_id":1221,"#))
        let speed = assertWarned("line_1.audio.tts.speed", #""1.5""#, mentions: "a number in quotes")
        XCTAssertEqual(speed.request?.line1.audio, .tts(TTS(text: "МТС Exolve — конструктор омниканальных диалогов для бизнеса",
                                                          voice: 1, lang: 1, volume: -19, speed: 1.5, emotion: 2)))
    }

    func testAnEmptyAudioObjectIsWarnedAndSentWithoutAudio() {
        let result = assertWarned("line_2.audio", "{}", mentions: "sent without audio")
        XCTAssertNil(result.request?.line2.audio)
        XCTAssertFalse(result.request!.canonicalJSON().contains(#""media_resource_id""#))
    }

    func testSpeechLongerThanTheLegRingsIsWarned() {
        let long = CanonicalJSON.quote(String(repeating: "слово ", count: 100))
        _ = assertWarned("line_1.audio.tts.text", long, mentions: "longer than this leg rings (at most 30 s)")
        assertAccepted("line_1.audio.tts.text", #""Короткий текст""#)
    }

    func testStrictTurnsWarningsIntoErrors() {
        let result = RequestValidator.validate(example(setting: "duration", to: .number("1800.0")))
        XCTAssertNotNil(result.request)
        let strict = result.strict()
        XCTAssertNil(strict.request)
        XCTAssertEqual(strict.problems.map(\.severity), [.error])
    }
}

/// A hostile document cannot make validation slow.
final class ValidationCostTests: XCTestCase {
    func testAHugeUnknownFieldNameGetsNoGuessAndIsQuick() {
        let name = String(repeating: "durat", count: 200_000) // 1 MB of near-misses
        let start = Date()
        let problems = RequestValidator.validate(example(setting: name, to: .number("1"))).problems
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        let problem = problems.first { $0.path == name }
        XCTAssertNotNil(problem)
        XCTAssertFalse(problem?.message.contains("did you mean") ?? true)
        XCTAssertTrue(RequestValidator.validate(example(setting: "duratoin", to: .number("1"))).problems.contains { $0.message.contains(#"did you mean "duration""#) })
    }
}
