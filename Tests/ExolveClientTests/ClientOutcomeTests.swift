import CallbackCore
import ExolveClient
import ExolveStub
import HostileHTTP
import XCTest
import Localization

final class ClientOutcomeTests: XCTestCase {
    func testPlacedSendsExactlyTheCanonicalBytesAndHeaders() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(exampleRequest)
        guard case .placed(let callID, let requestID) = result.outcome else { return XCTFail("\(result)") }
        XCTAssertEqual(callID.count, 19)
        XCTAssertTrue(callID.allSatisfy(\.isNumber))
        XCTAssertEqual(requestID, "internal_id_148")
        XCTAssertEqual(result.httpStatus, 200)

        let received = await server.received
        XCTAssertEqual(received.count, 1)
        let request = received[0]
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/call/v1/MakeCallback")
        XCTAssertEqual(request.body, Array(exampleRequest.canonicalJSON(.compact).utf8))
        XCTAssertEqual(request.headers["authorization"], "Bearer \(testKey)")
        XCTAssertEqual(request.headers["content-type"], "application/json")
        XCTAssertEqual(request.headers["user-agent"], "exocall/\(ExocallVersion.current)")
    }

    func testWrongKeyIsRejectedAsMalformedToken() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint, key: "wrong").makeCallback(exampleRequest)
        XCTAssertEqual(result.outcome, .rejected(status: 401, message: "malformed token"))
    }

    func testForbiddenScenarioIsRejected() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:403"))
        XCTAssertEqual(result.outcome, .rejected(status: 403, message: "customer not active"))
        XCTAssertEqual(result.rawBody, #"{"code":7,"message":"customer not active","details":[]}"#)
    }

    func testGatewayTimeoutIsUnknownAndNotRetried() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:504"))
        XCTAssertEqual(result.outcome.name, "unknown")
        XCTAssertEqual(result.httpStatus, 504)
        XCTAssertTrue(result.outcome.message.contains("MAY have been placed"))
        let count = await server.received.count
        XCTAssertEqual(count, 1, "MakeCallback must never be retried")
    }

    func testInternalErrorIsUnknown() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:500"))
        XCTAssertEqual(result.outcome, .unknown(reason: .phrase(.answerServerError, ["status": "500 Internal Server Error", "detail": "internal error"])))
        XCTAssertEqual(result.outcome.message, "outcome unknown: Exolve answered 500 Internal Server Error: internal error. The call MAY have been placed; check before sending again.")
    }

    func testDroppedConnectionIsUnknownAndNotRetried() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:drop"))
        XCTAssertEqual(result.outcome.name, "unknown", "\(result)")
        XCTAssertNil(result.httpStatus)
        let count = await server.received.count
        XCTAssertEqual(count, 1, "MakeCallback must never be retried")
    }

    func testGarbageBodyIsUnknown() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:garbage"))
        XCTAssertEqual(result.outcome, .unknown(reason: .phrase(.answerNoCallID, ["status": "200"])))
        XCTAssertEqual(result.rawBody, "<html>502 upstream glitch")
    }

    func testSlowAnswerWithinTimeoutIsPlaced() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint, timeout: .seconds(5)).makeCallback(example(description: "stub:slow=0.3"))
        XCTAssertEqual(result.outcome.name, "placed")
        XCTAssertGreaterThanOrEqual(result.latencyMs, 300)
    }

    func testTimeoutIsUnknown() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint, timeout: .seconds(1)).makeCallback(example(description: "stub:slow=3"))
        XCTAssertEqual(result.outcome, .unknown(reason: .phrase(.transportNoAnswerInTime)))
        XCTAssertGreaterThanOrEqual(result.latencyMs, 900, "the client must wait out its timeout")
        XCTAssertLessThan(result.latencyMs, 2900, "the client must not wait for the slow answer")
        let count = await server.received.count
        XCTAssertEqual(count, 1)
    }

    func testRefusedConnectionIsNotSent() async throws {
        let endpoint = try Endpoint("http://127.0.0.1:\(closedPort())")
        let result = await client(endpoint).makeCallback(exampleRequest)
        XCTAssertEqual(result.outcome, .notSent(reason: .phrase(.transportRefused)))
        XCTAssertTrue(result.outcome.message(in: .ru).hasPrefix("не отправлено: сервер отказал в соединении."), result.outcome.message(in: .ru))
        XCTAssertTrue(result.outcome.message.contains("safe to send again"))
    }

    func testStubRefusesAnInvalidBodyNamingTheFieldInTheVendorStyle() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        var body = exampleRequest.jsonValue
        try body.set(.number("5"), at: JSONPath(parsing: "line_1.destinations[0].timeout")!)
        let result = await NIOTransport().perform(TransportRequest(
            url: endpoint.makeCallbackURL.absoluteString,
            headers: [("Authorization", "Bearer \(testKey)")],
            body: Array(CanonicalJSON.string(body, style: .compact).utf8), timeout: .seconds(5)))
        guard case .response(400, let bytes, _) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(ErrorBody.message(from: bytes, status: 400),
                       "invalid MakeCallbackRequest.Line_1: embedded message failed validation | caused by: "
                       + "line_1.destinations[0].timeout: must be a whole number from 10 to 600 seconds, got 5")
    }

    func testUnknownStubScenarioIsRejectedWithTheList() async throws {
        let (server, endpoint) = try await startStub()
        defer { Task { await server.stop() } }
        let result = await client(endpoint).makeCallback(example(description: "stub:teapot"))
        guard case .rejected(400, let message) = result.outcome else { return XCTFail("\(result)") }
        XCTAssertTrue(message.contains("stub:drop"))
    }
}

/// After the request has left, anything but a proper answer is unknown, never "not sent".
final class AfterTheRequestTests: XCTestCase {
    func outcome(_ pieces: [HostileServer.Piece], timeout: Duration = .seconds(3)) async throws -> SendOutcome {
        let server = try HostileServer { AnySequence(pieces) }
        defer { server.stop() }
        let client = ExolveClient(endpoint: try Endpoint(server.url), apiKey: APIKey("k")!, timeout: timeout)
        let result = await client.makeCallback(exampleRequest)
        XCTAssertEqual(server.requestCount, 1, "sent once, never retried")
        return result.outcome
    }

    func testGarbageAfterTheRequestIsUnknown() async throws {
        guard case .unknown(let found) = try await outcome([.text("GARBAGE\r\n\r\n")]) else { return XCTFail("must be unknown") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.contains("not valid HTTP"), reason)
    }

    func testABadStatusLineIsUnknown() async throws {
        guard case .unknown = try await outcome([.text("HTTP/1.1 abc\r\n\r\n")]) else { return XCTFail("must be unknown") }
    }

    func testAConnectionClosedWithoutAnswerIsUnknownAndSaysSo() async throws {
        guard case .unknown(let found) = try await outcome([]) else { return XCTFail("must be unknown") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.contains("closed the connection without answering"), reason)
    }

    func testAnUnfinishedTLSHandshakeIsNotSentAndSaysWhy() async throws {
        // A plain-HTTP server asked for TLS never answers the handshake: no request byte is written.
        let server = try HostileServer { AnySequence([HostileServer.Piece.text("HTTP/1.1 200 OK\r\n\r\n")]) }
        defer { server.stop() }
        let url = server.url.replacingOccurrences(of: "http://", with: "https://")
        let client = ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey("a-long-test-key")!, timeout: .seconds(3))
        guard case .notSent(let found) = await client.makeCallback(exampleRequest).outcome else { return XCTFail("nothing left: not sent") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.hasPrefix("TLS handshake not finished"), reason)
    }

    func testARefusedConnectionIsNotSent() async throws {
        let client = ExolveClient(endpoint: try Endpoint("http://127.0.0.1:9"), apiKey: APIKey("k")!, timeout: .seconds(2))
        guard case .notSent = await client.makeCallback(exampleRequest).outcome else { return XCTFail("nothing left: not sent") }
    }
}
