import CallbackCore
import TUI
import XCTest

final class AudioEditorTests: XCTestCase {
    func ttsState(voice: Int? = nil, emotion: Int? = nil) -> AppState {
        var form = FormState()
        form.lines[0].audio.kind = .tts
        form.lines[0].audio.tts.text = "Здравствуйте"
        form.lines[0].audio.tts.voice = voice
        form.lines[0].audio.tts.emotion = emotion
        return freshState(form: form)
    }

    func testEveryVoiceOffersExactlyItsCatalogEmotionsWithTheDefaultPreselected() {
        for voice in VoiceCatalog.voices {
            var state = ttsState(voice: voice.id)
            state.focusOn(.ttsEmotion(line: 0))
            state.press(.enter)
            guard case .audio(.emotionPicker(0, let selected))? = state.dialog else { return XCTFail("voice \(voice.id)") }
            XCTAssertEqual(voice.emotions[selected].id, voice.defaultEmotion, "voice \(voice.id)")
            let shown = render(state).canvas.text
            for id in VoiceCatalog.emotionIDs {
                let label = voice.label(forEmotion: id) ?? VoiceCatalog.emotionNames[id]!
                XCTAssertEqual(shown.contains("\(id)  \(label)"), voice.supports(emotion: id), "voice \(voice.id) emotion \(id)")
            }
            // Cycling the emotion choice visits exactly the voice's emotions.
            state.press(.escape)
            var seen: [Int] = []
            for _ in voice.emotions {
                state.press(.right)
                seen.append(state.form.lines[0].audio.tts.emotion!)
            }
            XCTAssertEqual(Set(seen), Set(voice.emotions.map(\.id)), "voice \(voice.id)")
        }
    }

    func testVoice15StartsAtJoyful() {
        var state = ttsState()
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        state.type("masha")
        state.press(.enter)
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 15)
        XCTAssertNil(state.form.lines[0].audio.tts.emotion, "no emotion given: the voice's default applies")
        XCTAssertTrue(render(state).canvas.text.contains("‹ 2 joyful › · default"))
        XCTAssertTrue(state.validation.isValid || state.validation.problems.allSatisfy { !$0.path.contains("tts") })
    }

    func testChangingToAVoiceThatLacksTheEmotionSetsItsDefaultAndSaysSo() {
        var state = ttsState(voice: 11, emotion: 6)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        state.type("Маша")
        state.press(.enter)
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 15)
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 2)
        XCTAssertEqual(state.status?.text, "voice 15 Маша has no whisper emotion: set to its default, 2 joyful (whisper comes back with a voice that has it)")
    }

    func testASupportedEmotionIsKeptWhenTheVoiceChanges() {
        var state = ttsState(voice: 13, emotion: 5)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.right, .right) // 14 (lacks strict: becomes neutral) is passed; go via the picker instead
        state = ttsState(voice: 13, emotion: 5)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        state.type("15")
        state.press(.enter)
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 5)
    }

    func testVoicePickerFiltersByTextAndGender() {
        var state = ttsState()
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        state.type("whisper")
        XCTAssertTrue(render(state).canvas.text.contains("Марина (Marina)"))
        XCTAssertFalse(render(state).canvas.text.contains("Маша (Masha)"))
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        state.press(.tab, .tab) // all -> F -> M
        let shown = render(state).canvas.text
        XCTAssertTrue(shown.contains("gender: male"))
        XCTAssertTrue(shown.contains("Кирилл (Kirill)"))
        XCTAssertFalse(shown.contains("Алёна (Alyona)"))
    }

    func testExplorerSetsVoiceAndEmotionAndRefusesUnofferedPairs() {
        var state = ttsState()
        state.focusOn(.ttsText(line: 0))
        state.press(.function(9))
        guard case .audio(.explorer(0, 0, 0))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        state.press(.down, .down, .down, .down, .down, .down, .down, .down) // row 8: voice 11
        state.press(.right, .right, .right, .right, .right) // column 5: whisper
        state.press(.enter)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 11)
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 6)
        XCTAssertTrue(state.preview.text.contains(#""voice": 11,"#) && state.preview.text.contains(#""emotion": 6"#))
        state.press(.function(9), .up) // voice 10 whisper: not offered
        state.press(.enter)
        XCTAssertNotNil(state.dialog)
        XCTAssertTrue(state.status?.text.contains("does not offer whisper") ?? false)
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 11)
    }

    func testTheThousandCharacterLimitCountsCharactersAndRefusesOverflow() {
        var state = ttsState()
        state.focusOn(.ttsText(line: 0))
        state.press(.control("u"))
        state.press(.paste(String(repeating: "ж", count: 999)))
        state.type("😀")
        XCTAssertEqual(Rules.characterCount(state.form.lines[0].audio.tts.text), 1000)
        state.type("ё")
        XCTAssertEqual(Rules.characterCount(state.form.lines[0].audio.tts.text), 1000, "typing past 1000 is refused")
        XCTAssertTrue(state.status?.text.contains("limit of 1000") ?? false)
        state.press(.backspace, .backspace)
        state.press(.paste("ёжик"))
        XCTAssertEqual(Rules.characterCount(state.form.lines[0].audio.tts.text), 998, "a paste that would overflow is refused whole, not cut")
        XCTAssertTrue(state.status?.text.contains("nothing cut") ?? false)
        XCTAssertTrue(render(state).canvas.text.contains("998/1000"))
    }

    func testSwitchingAudioKindsKeepsValuesButSendsOnlyTheChosenKind() {
        var state = freshState()
        state.focusOn(.audioKind(line: 1))
        state.press(.right)
        state.focusOn(.mediaResourceID(line: 1))
        state.type("685")
        state.focusOn(.audioKind(line: 1))
        state.press(.right)
        state.focusOn(.ttsText(line: 1))
        state.type("Привет")
        XCTAssertTrue(state.preview.text.contains(#""text": "Привет""#))
        XCTAssertFalse(state.preview.text.contains("media_resource_id"))
        state.focusOn(.audioKind(line: 1))
        state.press(.left)
        XCTAssertTrue(state.preview.text.contains(#""media_resource_id": 685"#))
        XCTAssertFalse(state.preview.text.contains("Привет"))
        state.press(.right)
        XCTAssertTrue(state.preview.text.contains(#""text": "Привет""#), "the text came back")
        state.press(.right)
        XCTAssertFalse(state.preview.text.contains("audio"), "none sends no audio object")
    }

    func testVolumeAndSpeedStepWithinTheirRanges() {
        var state = ttsState()
        state.focusOn(.ttsVolume(line: 0))
        state.press(.right)
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-18", "steps from the default -19")
        for _ in 0..<30 { state.press(.right) }
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "0")
        state.press(.controlLeft)
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-10")
        state.focusOn(.ttsSpeed(line: 0))
        state.press(.right)
        XCTAssertEqual(state.form.lines[0].audio.tts.speed, "1.1")
        for _ in 0..<40 { state.press(.left) }
        XCTAssertEqual(state.form.lines[0].audio.tts.speed, "0.1")
        XCTAssertTrue(state.preview.text.contains(#""speed": 0.1"#))
    }

    func testALoadedUnsupportedPairIsKeptAndMarked() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "x.json", result: .text(#"{"line_1":{"destinations":[{"number":"79990000000"}],"audio":{"tts":{"text":"hi","voice":15,"emotion":1}}}}"#)))
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 1)
        XCTAssertTrue(state.problems(of: .ttsEmotion(line: 0)).first?.message.contains("does not support emotion 1") ?? false)
        XCTAssertTrue(render(state).canvas.text.contains("1 neutral, not offered by this voice"))
    }
}

/// Stepping the voice never forgets the emotion the operator chose.
final class VoiceNudgeTests: XCTestCase {
    func testPassingThroughAVoiceWithoutTheEmotionAndBackRestoresIt() {
        var form = exampleForm()
        form.lines[0].audio.tts.voice = 11
        form.lines[0].audio.tts.emotion = 6 // whisper
        var state = freshState(form: form)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.right) // voice 12: no whisper
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 12)
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 1)
        XCTAssertTrue(state.status?.text.contains("whisper comes back") ?? false, "\(String(describing: state.status))")
        state.press(.left) // back to 11
        XCTAssertEqual(state.form.lines[0].audio.tts.voice, 11)
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 6, "whisper is restored")
        XCTAssertTrue(state.status?.text.contains("is back") ?? false)
        XCTAssertFalse(state.preview.text.contains("preferred"), "the remembered emotion is not sent")
    }

    func testAnExplicitEmotionChoiceReplacesTheRememberedOne() {
        var form = exampleForm()
        form.lines[0].audio.tts.voice = 11
        form.lines[0].audio.tts.emotion = 6
        var state = freshState(form: form)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.right) // 12, neutral; whisper remembered
        state.focusOn(.ttsEmotion(line: 0))
        state.press(.right) // joyful, chosen by hand
        state.focusOn(.ttsVoice(line: 0))
        state.press(.left) // 11 has no joyful: its default; whisper is not resurrected
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 1)
        state.press(.right) // 12 again: joyful comes back
        XCTAssertEqual(state.form.lines[0].audio.tts.emotion, 2)
    }
}
