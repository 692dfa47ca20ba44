import CallbackCore
import XCTest

final class WireSchemaTests: XCTestCase {
    func testTheValidatorKnowsExactlyTheSchemasFields() {
        for object in WireObject.allCases {
            XCTAssertEqual(RequestValidator.knownFields[object.rawValue], WireSchema.names(of: object))
        }
        let problems = RequestValidator.validate(text: #"{"number_code":1,"callback_resource_id":1,"line_1":{"destinations":[{"number":"79990000001","timeot":30}]},"line_2":{"destinations":[{"number":"79990000002"}]}}"#).problems
        XCTAssertEqual(problems.map(\.path), ["line_1.destinations[0].timeot"])
        XCTAssertTrue(problems[0].message.contains("did you mean \"timeout\""), problems[0].message)
    }

    func testPathsResolveThroughObjectsAndArrays() {
        XCTAssertEqual(WireSchema.field(at: "line_2.destinations[3].timeout")?.type, .uint32)
        XCTAssertEqual(WireSchema.field(at: "line_1.audio.tts.speed")?.type, .float)
        XCTAssertEqual(WireSchema.field(at: "number_code")?.requirement, .required)
        XCTAssertEqual(WireSchema.field(at: "line_1.audio.media_resource_id")?.requirement, .oneOf)
        XCTAssertNil(WireSchema.field(at: "line_1.destinations.number"), "an array needs its index")
        XCTAssertNil(WireSchema.field(at: "line_3"))
        XCTAssertNil(WireSchema.field(at: "duration.x"))
    }

    func testTheTypedRequestWritesOnlySchemaNames() {
        let request = MakeCallbackRequest(requestDescription: "d", numberCode: 1, callbackResourceID: 2, duration: 600,
                                          line1: Line(destinations: [Destination(number: "1", timeout: 30)], ringLogic: .parallel, displayNumber: "7",
                                                      audio: .tts(TTS(text: "x", voice: 1, lang: 1, volume: -1, speed: 1, emotion: 1))),
                                          line2: Line(destinations: [Destination(number: "2")], audio: .media(5)))
        func check(_ value: JSONValue, _ object: WireObject) {
            guard case .object(let members) = value else { return XCTFail("not an object") }
            for member in members {
                guard let field = WireSchema.fields(of: object).first(where: { $0.name == member.key }) else { return XCTFail("\(member.key) is not in \(object)") }
                switch (field.type, member.value) {
                case (.object(let inner), _): check(member.value, inner)
                case (.array(let inner), .array(let items)): items.forEach { check($0, inner) }
                default: XCTAssertEqual(field.type.isNumber, { if case .number = member.value { return true }; return false }(), member.key)
                }
            }
        }
        check(request.jsonValue, .request)
    }
}
