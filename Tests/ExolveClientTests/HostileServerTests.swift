import CallbackCore
import ExolveClient
import Foundation
import HostileHTTP
import XCTest
import Localization

/// Hostile servers on loopback: the timeout bounds the whole exchange, the body
/// is capped, and what comes back can neither pass as placed nor act on a terminal.
final class HostileServerTests: XCTestCase {
    func send(to server: HostileServer, timeout: Duration = .seconds(2)) async throws -> (SendResult, TimeInterval) {
        let client = ExolveClient(endpoint: try Endpoint(server.url), apiKey: APIKey("k")!, timeout: timeout)
        let start = Date()
        let result = await client.makeCallback(exampleRequest)
        return (result, Date().timeIntervalSince(start))
    }

    func residentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    func testATrickledBodyIsCutAtTheTimeoutAndIsUnknown() async throws {
        let header = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        let server = try HostileServer {
            AnySequence([HostileServer.Piece.text(header)] + (0..<100).map { _ in .text("{", after: 0.5) })
        }
        defer { server.stop() }
        let (result, elapsed) = try await send(to: server)
        guard case .unknown(let found) = result.outcome else { return XCTFail("\(result.outcome)") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.contains("within the timeout"), reason)
        XCTAssertLessThan(elapsed, 5, "bounded by --timeout 2, not by the server")
    }

    func testAnEndlessChunkedBodyIsCutAtTheTimeout() async throws {
        let chunk = String(repeating: "x", count: 4096)
        let server = try HostileServer {
            AnySequence([HostileServer.Piece.text("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")]
                        + (0..<2000).lazy.map { _ in HostileServer.Piece.text("1000\r\n\(chunk)\r\n", after: 0.005) })
        }
        defer { server.stop() }
        let before = residentMegabytes()
        let (result, elapsed) = try await send(to: server)
        guard case .unknown = result.outcome else { return XCTFail("\(result.outcome)") }
        XCTAssertLessThan(elapsed, 5)
        XCTAssertLessThan(residentMegabytes() - before, 64, "memory stays bounded")
    }

    func testAGzipBombNeitherFloodsMemoryNorPassesAsPlaced() async throws {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 300000000 /dev/zero | gzip -c"]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let bomb = Array(pipe.fileHandleForReading.readDataToEndOfFile())
        gzip.waitUntilExit()
        XCTAssertLessThan(bomb.count, 1 << 20)
        let header = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: \(bomb.count)\r\n\r\n"
        let server = try HostileServer { AnySequence([.text(header), HostileServer.Piece(bytes: bomb)]) }
        defer { server.stop() }
        let before = residentMegabytes()
        let (result, elapsed) = try await send(to: server, timeout: .seconds(4))
        if case .placed = result.outcome { XCTFail("a bomb is not a placed call") }
        XCTAssertLessThan(elapsed, 8)
        XCTAssertLessThan(residentMegabytes() - before, 64, "memory stays bounded")
        XCTAssertLessThanOrEqual(result.rawBody?.utf8.count ?? 0, SendResult.rawBodyLimit + 100)
    }

    func testAHugeBodyIsKeptToTheCapAndTheRestCounted() async throws {
        let size = 3 << 20
        let header = "HTTP/1.1 400 Bad Request\r\nContent-Length: \(size)\r\n\r\n"
        let server = try HostileServer { AnySequence([.text(header), HostileServer.Piece(bytes: Array(repeating: 0x41, count: size))]) }
        defer { server.stop() }
        let (result, _) = try await send(to: server)
        XCTAssertEqual(result.httpStatus, 400)
        XCTAssertTrue(result.rawBody?.contains("more bytes of this answer were dropped") ?? false)
    }

    func testACallIDThatIsNotOneIsUnknownAndEscaped() async throws {
        let body = #"{"call_id":"\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u001b]0;TITLE\u0007123"}"#
        let server = try HostileServer {
            AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")])
        }
        defer { server.stop() }
        let (result, _) = try await send(to: server)
        guard case .unknown(let found) = result.outcome else { return XCTFail("\(result.outcome)") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.contains("not one"), reason)
        XCTAssertFalse(reason.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "shown, never obeyed: \(reason)")
        XCTAssertTrue(reason.contains("\\e]52"), reason)
    }
}
