import CallbackCore
import XCTest

final class VoiceCatalogTests: XCTestCase {
    /// The spec's table, written out independently of the catalog's code.
    let specTable: [Int: [Int]] = [
        1: [1, 2], 2: [1, 2], 3: [1, 2, 3], 4: [1, 3], 5: [1, 2], 8: [1, 2, 4], 9: [1, 5], 10: [1, 4],
        11: [1, 4, 6], 12: [1, 2], 13: [1, 2, 5], 14: [1, 2], 15: [2, 4, 5],
    ]

    func testCatalogHoldsExactlyTheSpecVoices() {
        XCTAssertEqual(VoiceCatalog.voices.map(\.id), [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15])
        XCTAssertNil(VoiceCatalog.voice(id: 6))
        XCTAssertNil(VoiceCatalog.voice(id: 7))
    }

    func testEveryVoiceOffersTheSpecEmotionsAndDefault() {
        for voice in VoiceCatalog.voices {
            XCTAssertEqual(voice.emotions.map(\.id), specTable[voice.id], "voice \(voice.id)")
            XCTAssertEqual(voice.defaultEmotion, specTable[voice.id]?.first, "voice \(voice.id)")
            XCTAssertEqual(voice.languages, [1])
        }
    }

    func testVoice15DefaultsToJoyful() {
        let masha = VoiceCatalog.voice(id: 15)!
        XCTAssertEqual(masha.defaultEmotion, 2)
        XCTAssertFalse(masha.supports(emotion: 1))
        XCTAssertEqual(masha.name, "Маша")
        XCTAssertEqual(masha.gender, .female)
    }

    func testVoice1CallsEmotion2Kind() {
        XCTAssertEqual(VoiceCatalog.voice(id: 1)?.label(forEmotion: 2), "kind")
        XCTAssertEqual(VoiceCatalog.voice(id: 2)?.label(forEmotion: 2), "joyful")
    }

    func testValidatorAcceptsEverySupportedPairAndRefusesEveryOther() {
        for voice in VoiceCatalog.voices {
            for emotion in 1...6 {
                var json = exampleJSON()
                try! json.set(.number(String(voice.id)), at: JSONPath(parsing: "line_1.audio.tts.voice")!)
                try! json.set(.number(String(emotion)), at: JSONPath(parsing: "line_1.audio.tts.emotion")!)
                let problems = RequestValidator.validate(json).problems
                if specTable[voice.id]!.contains(emotion) {
                    XCTAssertEqual(problems, [], "voice \(voice.id) emotion \(emotion)")
                } else {
                    XCTAssertEqual(problems.map(\.path), ["line_1.audio.tts.emotion"], "voice \(voice.id) emotion \(emotion)")
                    XCTAssertTrue(problems.first?.message.contains("does not support emotion \(emotion)") ?? false)
                }
            }
        }
    }

    func testEmotionWithoutVoiceIsCheckedAgainstTheDefaultVoice() {
        var json = example(setting: "line_1.audio.tts.voice", to: nil)
        try! json.set(.number("5"), at: JSONPath(parsing: "line_1.audio.tts.emotion")!)
        let problems = RequestValidator.validate(json).problems
        XCTAssertEqual(problems.map(\.path), ["line_1.audio.tts.emotion"])
        XCTAssertTrue(problems[0].message.contains("voice 1 (Алёна, Alyona) does not support emotion 5"), problems[0].message)
    }

    func testEffectiveEmotionFallsBackToTheVoiceDefault() {
        XCTAssertEqual(TTS(text: "x", voice: 15).effectiveEmotion, 2)
        XCTAssertEqual(TTS(text: "x").effectiveEmotion, 1)
        XCTAssertEqual(TTS(text: "x", voice: 11, emotion: 6).effectiveEmotion, 6)
    }
}
