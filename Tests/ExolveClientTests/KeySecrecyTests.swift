import CallbackCore
import ExolveClient
import FlyingFox
import Foundation
import XCTest

/// A hostile server that echoes the Authorization header everywhere it can.
final class KeySecrecyTests: XCTestCase {
    func startEchoServer(status: HTTPStatusCode) async throws -> (HTTPServer, Endpoint) {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        await server.appendRoute("*") { (request: HTTPRequest) -> HTTPResponse in
            let header = request.headers[.authorization] ?? ""
            let body = #"{"call_id":"\#(header)","message":"you sent \#(header)","request_id":"\#(header)"}"#
            return HTTPResponse(statusCode: status, body: Data(body.utf8))
        }
        Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw URLError(.badURL) }
        return (server, try Endpoint("http://127.0.0.1:\(port)"))
    }

    func testKeyIsMaskedInEveryOutcomeAndBody() async throws {
        for status in [HTTPStatusCode.ok, .unauthorized, .badGateway] {
            let (server, endpoint) = try await startEchoServer(status: status)
            let result = await client(endpoint).makeCallback(exampleRequest)
            await server.stop()
            let everything = "\(result) \(result.outcome.message) \(result.outcome.message(in: .ru)) \(result.rawBody ?? "")"
            XCTAssertFalse(everything.contains(testKey), "status \(status.code): \(everything)")
            XCTAssertTrue(everything.contains(APIKey.mask), "the echo should have been masked, not lost")
        }
    }

    func testKeyPrintsAsAMask() {
        let key = APIKey(testKey)!
        XCTAssertEqual("\(key)", APIKey.mask)
        XCTAssertEqual(String(reflecting: key), APIKey.mask)
        XCTAssertFalse("\(client(try! Endpoint("https://api.exolve.ru")))".contains(testKey))
    }
}
