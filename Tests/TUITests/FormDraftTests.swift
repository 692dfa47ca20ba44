import CallbackCore
import Foundation
@testable import TUI
import XCTest

/// The draft's one schema (issue #32 took it off Codable): it round-trips every field,
/// reads the drafts earlier versions wrote with the synthesised Codable form, and writes
/// what those versions read back.
final class FormDraftTests: XCTestCase {
    /// The form as exocall wrote it before: the same properties, Codable synthesised.
    struct OldForm: Codable, Equatable {
        var requestDescription, numberCode, callbackResourceID, duration: String
        var lines: [OldLine]
        var raw: [String: String]?
    }
    struct OldLine: Codable, Equatable {
        var destinations: [OldDestination]
        var ringLogic: Int?
        var displayNumber: String
        var audio: OldAudio
    }
    struct OldDestination: Codable, Equatable { var number, timeout: String }
    struct OldAudio: Codable, Equatable {
        var kind: String
        var mediaResourceID: String
        var tts: OldTTS
    }
    struct OldTTS: Codable, Equatable {
        var text: String
        var voice, emotion, preferredEmotion, lang: Int?
        var volume, speed: String
    }

    func richForm() -> FormState {
        var form = FormState()
        form.requestDescription = "черновик \"42\" 🙂 \\ / tab\there"
        form.numberCode = "74999999999"
        form.callbackResourceID = "12x"
        form.duration = ""
        form.lines[0].destinations = [DestinationForm(number: "+7 (912) 000", timeout: "30"), DestinationForm(number: "79990000000", timeout: "")]
        form.lines[0].ringLogic = 2
        form.lines[0].displayNumber = "74951112233"
        form.lines[0].audio.kind = .tts
        form.lines[0].audio.tts.text = "Здравствуйте"
        form.lines[0].audio.tts.voice = 15
        form.lines[0].audio.tts.emotion = 0
        form.lines[0].audio.tts.preferredEmotion = 3
        form.lines[0].audio.tts.lang = 1
        form.lines[0].audio.tts.volume = "-19"
        form.lines[0].audio.tts.speed = "1,1"
        form.lines[1].audio.kind = .recorded
        form.lines[1].audio.mediaResourceID = "685"
        form.raw = ["line_2.ring_logic": "\"2\"", "duration": "1e3"]
        return form
    }

    func old(_ form: FormState) -> OldForm {
        OldForm(requestDescription: form.requestDescription, numberCode: form.numberCode, callbackResourceID: form.callbackResourceID,
                duration: form.duration, lines: form.lines.map { line in
                    OldLine(destinations: line.destinations.map { OldDestination(number: $0.number, timeout: $0.timeout) }, ringLogic: line.ringLogic,
                            displayNumber: line.displayNumber,
                            audio: OldAudio(kind: line.audio.kind.rawValue, mediaResourceID: line.audio.mediaResourceID,
                                            tts: OldTTS(text: line.audio.tts.text, voice: line.audio.tts.voice, emotion: line.audio.tts.emotion,
                                                        preferredEmotion: line.audio.tts.preferredEmotion, lang: line.audio.tts.lang,
                                                        volume: line.audio.tts.volume, speed: line.audio.tts.speed)))
                }, raw: form.raw)
    }

    func testEveryFieldRoundTrips() throws {
        for form in [richForm(), FormState()] {
            let text = CanonicalJSON.string(form.draftJSON, style: .compact)
            XCTAssertEqual(FormState(draft: try JSONParser.parse(text)), form, text)
        }
    }

    func testADraftTheCodableVersionsWroteReadsTheSame() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for form in [richForm(), FormState()] {
            let written = try XCTUnwrap(String(data: try encoder.encode(old(form)), encoding: .utf8))
            XCTAssertEqual(FormState(draft: try JSONParser.parse(written)), form, written)
        }
    }

    func testTheCodableVersionsReadWhatThisOneWrites() throws {
        for form in [richForm(), FormState()] {
            let text = CanonicalJSON.string(form.draftJSON, style: .compact)
            XCTAssertEqual(try JSONDecoder().decode(OldForm.self, from: Data(text.utf8)), old(form))
            // Same keys, same order (sorted), as the synthesised encoder wrote them.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            XCTAssertEqual(text, String(data: try encoder.encode(old(form)), encoding: .utf8))
        }
    }

    func testWhatIsNotADraftIsRefused() throws {
        let good = CanonicalJSON.string(richForm().draftJSON, style: .compact)
        XCTAssertNotNil(FormState(draft: try JSONParser.parse(good)))
        let broken = [
            "{}", "[]", "null", "\"draft\"",
            good.replacingOccurrences(of: #""numberCode":"74999999999""#, with: #""numberCode":74999999999"#),
            good.replacingOccurrences(of: #""ringLogic":2"#, with: #""ringLogic":"2""#),
            good.replacingOccurrences(of: #""ringLogic":2"#, with: #""ringLogic":2.5"#),
            good.replacingOccurrences(of: #""kind":"tts""#, with: #""kind":"video""#),
            good.replacingOccurrences(of: #""displayNumber":"74951112233","#, with: ""),
            good.replacingOccurrences(of: #""raw":{"#, with: #""raw":{"x":1,"#),
            #"{"callbackResourceID":"","duration":"","lines":[],"numberCode":"","requestDescription":""}"#,
        ]
        for text in broken {
            XCTAssertNil(FormState(draft: try JSONParser.parse(text)), text)
        }
        // Keys a later version may add are left alone; a null optional is unset.
        let extra = good.replacingOccurrences(of: #""numberCode""#, with: #""future":{"a":[1]},"numberCode""#)
            .replacingOccurrences(of: #""ringLogic":2"#, with: #""ringLogic":null"#)
        var expected = richForm()
        expected.lines[0].ringLogic = nil
        XCTAssertEqual(FormState(draft: try JSONParser.parse(extra)), expected)
    }
}

/// A field's requiredness is read once from the wire schema by its descriptor (issue #32);
/// it must be what walking the field's own JSON path through the schema says.
final class FieldRequirementTests: XCTestCase {
    func testEachFieldIsRequiredExactlyWhenItsPathSaysSo() {
        var form = FormState()
        form.lines[0].destinations.append(DestinationForm())
        form.lines[0].audio.kind = .tts
        form.lines[1].audio.kind = .recorded
        var checked = 0
        for field in form.focusOrder {
            guard case .text = field.kind else { continue }
            XCTAssertEqual(form.isRequired(field), WireSchema.field(at: field.path)?.mustBeFilled ?? false, field.path)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 15)
        XCTAssertTrue(form.isRequired(.numberCode))
        XCTAssertTrue(form.isRequired(.destinationNumber(line: 0, index: 1)))
        XCTAssertFalse(form.isRequired(.requestDescription))
        XCTAssertFalse(form.isRequired(.destinationTimeout(line: 1, index: 0)))
    }
}
