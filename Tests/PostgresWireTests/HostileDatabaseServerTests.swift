import Foundation
import NIOSSL
@testable import PostgresWire
import XCTest

/// What a server that is not PostgreSQL, or not honest, can make the client do: each
/// scripted answer fails the connection with a reason, at once, holding nothing large.
final class HostileDatabaseServerTests: XCTestCase {
    /// Listens on a loopback port; answers the first connection's first bytes with `reply`,
    /// then keeps it open until the test ends.
    private func serve(_ reply: [UInt8]) throws -> Int {
        let (listener, port) = listening()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let peer = accept(listener, nil, nil)
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = recv(peer, &buffer, buffer.count, 0)
            _ = reply.withUnsafeBytes { send(peer, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            done.wait()
            close(peer)
            close(listener)
        }
        addTeardownBlock { done.signal() }
        return port
    }

    /// A socket listening on a free loopback port, and the port.
    private func listening() -> (Int32, Int) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(listener, 1), 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func message(_ type: Character, _ body: [UInt8]) -> [UInt8] {
        let length = UInt32(body.count + 4)
        return [type.asciiValue!, UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)] + body
    }

    private func int32(_ value: Int32) -> [UInt8] {
        let bits = UInt32(bitPattern: value)
        return [UInt8(bits >> 24), UInt8(bits >> 16 & 0xff), UInt8(bits >> 8 & 0xff), UInt8(bits & 0xff)]
    }

    private func connect(_ port: Int, password: String? = "secret") async -> WireError? {
        do {
            let connection = try await WireConnection.connect(WireConfiguration(host: "127.0.0.1", serverName: nil, port: port, user: "anna", password: password,
                                                                                database: "calls", tls: .disable, applicationName: nil))
            await connection.close()
            return nil
        } catch {
            return error
        }
    }

    func testAMessageLongerThanTheLimitIsRefusedBeforeItIsRead() async throws {
        let port = try serve([UInt8(ascii: "R"), 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0])
        let started = ContinuousClock.now
        let error = await connect(port)
        guard case .connection(let underlying)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue("\(underlying)".contains("2147483647 bytes"), "\(underlying)")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    func testAServerThatIgnoresTheClientsNonceIsRefusedBeforeAnyWork() async throws {
        // SCRAM offered, then at once a first message with a nonce of its own and a billion
        // rounds: refused on the nonce, so the rounds are never run.
        let port = try serve(message("R", int32(10) + Array("SCRAM-SHA-256".utf8) + [0, 0])
                             + message("R", int32(11) + Array("r=replayed,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=999999999".utf8)))
        let started = ContinuousClock.now
        let error = await connect(port)
        guard case .sasl(let reason)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(reason.contains("nonce"), reason)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    /// A man in the middle answers the TLS request "yes" and slips plaintext messages in
    /// behind it ("signed in", "ready"): refused, never taken as the server's.
    func testBytesSlippedInBehindTheTLSAnswerAreRefused() async throws {
        let port = try serve([UInt8(ascii: "S")] + message("R", int32(0)) + message("Z", [UInt8(ascii: "I")]))
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let context = try NIOSSLContext(configuration: tls)
        // Bounded: taken in, the injected "ready" would leave a session waiting on a handshake that never comes.
        let attempt = Task { () -> (any Error)? in
            do {
                let connection = try await WireConnection.connect(WireConfiguration(host: "127.0.0.1", serverName: nil, port: port, user: "anna", password: "secret",
                                                                                    database: "calls", tls: .require(context), applicationName: nil))
                await connection.close()
                return nil
            } catch {
                return error
            }
        }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(5))
            attempt.cancel()
        }
        let error = await attempt.value as? WireError
        watchdog.cancel()
        guard case .connection(let underlying)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue("\(underlying)".contains("before the handshake"), "\(underlying)")
    }

    func testASignInThatSkipsTheServersProofIsRefused() async throws {
        // SASL offered, then "authentication ok" and "ready" without SASL's final message:
        // a server that does not know the password must not be taken for one that does.
        let port = try serve(message("R", int32(10) + Array("SCRAM-SHA-256".utf8) + [0, 0])
                             + message("R", int32(0)) + message("Z", [UInt8(ascii: "I")]))
        let error = await connect(port)
        guard case .sasl(let reason)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(reason.contains("did not finish"), reason)
    }

    func testAWayOfSigningInExocallDoesNotSpeakIsNamed() async throws {
        let port = try serve(message("R", int32(2)))   // Kerberos V5
        let error = await connect(port)
        guard case .unsupportedAuthentication(2)? = error else { return XCTFail("\(String(describing: error))") }
        let gss = try serve(message("R", int32(10) + Array("SCRAM-SHA-256-PLUS".utf8) + [0, 0]))
        let onlyPlus = await connect(gss)
        guard case .unsupportedAuthentication? = onlyPlus else { return XCTFail("\(String(describing: onlyPlus))") }
    }

    func testAServerAskingForAPasswordWhenNoneIsGivenIsTold() async throws {
        let port = try serve(message("R", int32(3)))
        let error = await connect(port, password: nil)
        guard case .needsPassword? = error else { return XCTFail("\(String(describing: error))") }
    }

    func testBytesThatAreNotPostgresAndAClosedConnectionFailTheSignIn() async throws {
        let port = try serve(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
        let error = await connect(port)
        XCTAssertNotNil(error)
        // A server that closes at once.
        let (listener, closing) = listening()
        defer { close(listener) }
        Thread.detachNewThread { close(accept(listener, nil, nil)) }
        let closed = await connect(closing)
        // Closed, or reset (the startup message was still unread when the peer closed).
        switch closed {
        case .closed?, .connection?: break
        default: XCTFail("\(String(describing: closed))")
        }
    }
}
