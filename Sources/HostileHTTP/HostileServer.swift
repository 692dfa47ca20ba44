import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP server on 127.0.0.1 that reads one HTTP request (headers and its
/// Content-Length body) and answers with whatever a test scripts, byte for byte,
/// optionally in timed pieces: garbage, a trickle, an endless chunked body...
/// Every loop is bounded by count and by `stop()`. For tests only.
public final class HostileServer: @unchecked Sendable {
    /// One piece of the answer, written after `delay`.
    public struct Piece: Sendable {
        /// The bytes.
        public var bytes: [UInt8]
        /// How long to wait before writing them.
        public var delay: TimeInterval = 0

        /// A piece of bytes.
        public init(bytes: [UInt8], delay: TimeInterval = 0) {
            self.bytes = bytes
            self.delay = delay
        }
    }

    /// The port it listens on.
    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var requests = 0

    /// Starts listening; `answer` is called once per connection for the pieces to write.
    public init(answer: @escaping @Sendable () -> AnySequence<Piece>) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        let fd = listener
        Thread.detachNewThread { [self] in
            while !isStopped {
                let client = accept(fd, nil, nil)
                if client < 0 { break }
                lock.withLock { requests += 1 }
                Thread.detachNewThread { [self] in
                    defer { close(client) }
                    readRequest(client)
                    for piece in answer() {
                        if isStopped { return }
                        if piece.delay > 0 { usleep(useconds_t(piece.delay * 1_000_000)) }
                        let written = piece.bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                        if written < 0 { return }
                    }
                }
            }
        }
    }

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// How many connections were accepted.
    public var requestCount: Int { lock.withLock { requests } }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Stops accepting and ends every answer at its next piece.
    public func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func readRequest(_ client: Int32) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while data.count < 1 << 20 {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            data += buffer[0..<count]
            guard let end = data.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
            if data.count - end.upperBound >= length { return }
        }
    }
}

extension HostileServer.Piece {
    /// Text as a piece.
    public static func text(_ text: String, after delay: TimeInterval = 0) -> Self { .init(bytes: Array(text.utf8), delay: delay) }
}
