import CallbackCore
import ExolveClient
import Foundation
import HostileHTTP
import XCTest

/// Issue #27, the client's part: an account list that never ends, an answer cut
/// at the cap, a call_id that is not one, keys that are not what they look like.
final class HardeningRound3ClientTests: XCTestCase {
    func client(_ server: HostileServer) throws -> ExolveClient {
        ExolveClient(endpoint: try Endpoint(server.url), apiKey: APIKey("k")!)
    }

    func testANumbersListWhoseTotalNeverEndsIsAnErrorNotACompleteList() async throws {
        for total in ["1000000000000", "\"1000000000000\""] {
            let body = #"{"numbers":[{"number_name":"74990000001","number_options":{"outgoing_calls":true}}],"total":\#(total)}"#
            let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) }
            defer { server.stop() }
            let result = await try client(server).listNumbers()
            guard case .failure(let failure) = result else { return XCTFail("\(total): listed as if whole: \(result)") }
            let text = failure.text.text(.en)
            XCTAssertTrue(text.contains("did not end") && text.contains("50 pages"), text)
            XCTAssertEqual(server.requestCount, ExolveClient.numbersPageLimit, "each page asked once, then no more")
        }
    }

    func testAnAnswerOverTheCapIsTooLargeNotWithoutACallID() async throws {
        let body = #"{"call_id":"#
        let padding = String(repeating: " ", count: (1 << 20) + 10)
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count + padding.utf8.count + 4)\r\n\r\n\(body)\(padding)\"1\"}")]) }
        defer { server.stop() }
        let request = try XCTUnwrap(RequestValidator.validate(try JSONParser.parse(#"{"number_code":74999999999,"callback_resource_id":1,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#)).request)
        let result = await try client(server).makeCallback(request)
        guard case .unknown(let reason) = result.outcome else { return XCTFail("\(result.outcome)") }
        XCTAssertTrue(reason.text(.en).contains("with a body over"), reason.text(.en))
    }

    func testAnInvalidCallIDIsCutWithAnEllipsis() async throws {
        let body = #"{"call_id":"\#(String(repeating: "x", count: 100))"}"#
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) }
        defer { server.stop() }
        let request = try XCTUnwrap(RequestValidator.validate(try JSONParser.parse(#"{"number_code":74999999999,"callback_resource_id":1,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#)).request)
        let result = await try client(server).makeCallback(request)
        guard case .unknown(let reason) = result.outcome else { return XCTFail("\(result.outcome)") }
        XCTAssertTrue(reason.text(.en).hasSuffix(String(repeating: "x", count: 40) + "…"), reason.text(.en))
    }

    func testKeysThatAreNotWhatTheyLookLikeAreRefused() {
        for (raw, words) in [("abc\u{0}def", "U+0000"), ("\u{FFFD}\u{FFFD}", "not UTF-8"), ("ab\u{202E}cd", "invisible character U+202E"),
                             ("ab\u{200B}cd", "invisible character U+200B"), ("ab\u{9B}cd", "control character U+009B"), ("ключ", "non-ASCII character U+043A")] {
            XCTAssertNil(APIKey(raw), words)
            XCTAssertTrue(APIKey.problem(in: raw)?.text(.en).contains(words) ?? false, "\(words): \(String(describing: APIKey.problem(in: raw)?.text(.en)))")
        }
        XCTAssertNotNil(APIKey("eyJhbGciOiJSUzI1NiJ9.abc-_~+/="))
    }
}
