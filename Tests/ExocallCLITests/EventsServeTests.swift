import CallEvents
import CallLog
import CallLogModel
import PostgresTestSupport
import TestPostgres
import Foundation
import XCTest

/// `exocall events serve` over loopback, the real binary: the URL it prints, the vendor's
/// example verbatim, duplicates, the secret path, limits, a slow body, SIGTERM, kill -9.
final class EventsServeTests: XCTestCase {
    /// A running receiver and the URL it printed.
    struct Receiver {
        let process: Process
        let url: String
        let errors: Pipe
        var port: UInt16 { UInt16(url.split(separator: ":")[2].split(separator: "/")[0])! }
        var path: String { "/events/" + url.split(separator: "/").last! }
    }

    /// The receiver printed no URL: what it printed first, and how it ended if it did.
    struct ReceiverDidNotStart: Error {
        let firstLine: String
        let status: Int32?
    }

    /// Starts `exocall events serve` on a free loopback port (or `command`) with `arguments`,
    /// and waits for the URL it prints first. With `parentBlocksSignals`, it is started from
    /// a thread that blocks SIGTERM, SIGINT and SIGHUP, which the child inherits (as from a
    /// pool thread's `Process`).
    func start(_ arguments: [String], home: String, command: [String] = ["events", "serve", "--listen", "127.0.0.1:0"],
               parentBlocksSignals: Bool = false, logToNowhere: Bool = false) throws -> Receiver {
        let process = Process()
        process.executableURL = exocallBinary
        process.arguments = command + arguments
        process.environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config", "PATH": "/usr/bin:/bin"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        // Its log can go nowhere: a pipe nobody reads fills, and then logging holds the receiver.
        if logToNowhere { process.standardError = FileHandle.nullDevice } else { process.standardError = errors }
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        if parentBlocksSignals { for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, signal) } }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
        addTeardownBlock { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        // The first line is the URL; wait for it with a deadline.
        var line = Data()
        let deadline = Date().addingTimeInterval(20)
        while !line.contains(0x0A) && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let url = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        // No URL (the receiver died at start): fail here, not on reading a port out of nothing.
        guard url.hasPrefix("http://127.0.0.1:") || url.hasPrefix("https://127.0.0.1:") else {
            throw ReceiverDidNotStart(firstLine: url, status: process.isRunning ? nil : process.terminationStatus)
        }
        return Receiver(process: process, url: url, errors: errors)
    }

    /// A TCP connection to 127.0.0.1:`port` with a 20 s read timeout, or nil when refused;
    /// `from` another loopback address (127.0.0.2…) when given.
    func connectToLoopback(_ port: UInt16, from: String? = nil) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if let from {
            var source = sockaddr_in()
            source.sin_family = sa_family_t(AF_INET)
            source.sin_addr.s_addr = inet_addr(from)
            let bound = withUnsafePointer(to: &source) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            guard bound == 0 else {
                close(fd)
                return nil
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// One raw exchange: `head` then `body` in pieces with `pause` between them; the status line's code.
    func exchange(_ port: UInt16, _ request: String, pieces: [String] = [], pause: TimeInterval = 0) -> Int? {
        guard let fd = connectToLoopback(port) else { return nil }
        defer { close(fd) }
        for piece in [request] + pieces {
            _ = Array(piece.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
        return answerStatus(fd)
    }

    /// Sends `request` on the open connection `fd`: its answer's status (nil when closed unanswered).
    func statusOf(_ fd: Int32, _ request: String) -> Int? {
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return answerStatus(fd)
    }

    /// The status of the next answer read on `fd` (nil when the connection closed without one).
    func answerStatus(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 12 else { return nil }
        return Int(String(decoding: buffer[9..<12], as: UTF8.self))
    }

    /// A request for /healthz that keeps its connection alive.
    static let keptAliveHealth = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"

    func post(_ receiver: Receiver, _ body: String, path: String? = nil) -> Int? {
        exchange(receiver.port, "POST \(path ?? receiver.path) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
    }

    static let vendorD = #"""
    {"service":"callback","date_time":"2024-01-07T10:54:57.009979Z","call_sid":"cala188947f-3ba8-4fe6-b291-12fda2f90079",
     "number":"79991112233","type":"d","uid":7149714791827935000,"application_uuid":"178ec145-6898-4b06-a92a-75f63cb57046",
     "customer_id":25513,"started":"2024-01-07T10:54:11.385017Z","ended":"2024-01-07T10:54:56.965018Z",
     "hangup_cause":"NORMAL_CLEARING","cause":"16","calling_number":"78000009988","called_number":"79991112233",
     "setup_time":10385,"wait_time":10385,"duration":45580,"full_duration":55965,"event_side":"A","record_call":true,}
    """#

    func testTheReceiverTakesTheVendorsEventOnceAndRefusesTheRest() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let receiver = try start(["--db", db, "--deadline", "1"], home: home)
        XCTAssertEqual(post(receiver, Self.vendorD), 200)
        XCTAssertEqual(post(receiver, Self.vendorD), 200, "a duplicate is acknowledged")
        XCTAssertEqual(post(receiver, Self.vendorD, path: "/events/" + String(repeating: "0", count: 64)), 404)
        XCTAssertEqual(post(receiver, "junk"), 400)
        XCTAssertEqual(exchange(receiver.port, "POST \(receiver.path) HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n"), 413,
                       "a 1 MiB body is refused from its declared length")
        // A body that stops coming is cut off at the deadline.
        let started = Date()
        let slow = exchange(receiver.port, "POST \(receiver.path) HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"uid\"")
        XCTAssertEqual(slow, 408)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200)
        let stored = try SQLiteCallLog.open(path: db).events(callIDs: ["7149714791827935000"])
        XCTAssertEqual(stored.count, 1, "stored once")
        // SIGTERM stops it cleanly, and its log never named the token.
        receiver.process.terminate()
        receiver.process.waitUntilExit()
        XCTAssertEqual(receiver.process.terminationStatus, 0)
        let log = String(decoding: receiver.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let token = String(receiver.path.split(separator: "/").last!)
        XCTAssertFalse(log.contains(token), log)
        XCTAssertTrue(log.contains("POST /events/<token> 200 accepted"), log)
    }

    /// What an attacker can send over plain TCP: oversized or too many headers, a chunked body
    /// past the limit, bytes that are not HTTP, headers that never end, two requests in one
    /// write. Each is refused or answered in order, and the receiver goes on serving.
    func testHostileRequestsAreRefusedAndTheReceiverGoesOn() throws {
        let home = scratchFolder(self)
        let receiver = try start(["--db", home + "/calls.sqlite", "--deadline", "1"], home: home)
        let health = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        XCTAssertEqual(exchange(receiver.port, "POST \(receiver.path) HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n"), 400,
                       "a header over 8 KiB")
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n" + (0..<150).map { "X-\($0): y\r\n" }.joined() + "\r\n"), 400,
                       "over 100 header fields")
        let chunk = "1000\r\n" + String(repeating: "a", count: 4096) + "\r\n"
        XCTAssertEqual(exchange(receiver.port, "POST \(receiver.path) HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                                pieces: Array(repeating: chunk, count: 17)), 413, "a chunked body past 64 KiB, with no length declared")
        XCTAssertEqual(exchange(receiver.port, "\u{16}\u{3}\u{1}garbage\r\n\r\n"), 400, "not HTTP")
        // Headers that never end: closed, unanswered, at the head's deadline (1 s), before the idle timeout (3 s).
        let started = Date()
        XCTAssertNil(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.9)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.9)
        // Two requests in one write: two answers, in order, on one connection.
        let two = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        XCTAssertEqual(statusLines(receiver.port, two), ["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found"])
        XCTAssertEqual(exchange(receiver.port, health), 200, "still serving")
        XCTAssertTrue(receiver.process.isRunning)
        // Nothing refused or cut off is left counted: no event in flight, only the scrape's own connection open.
        let settled = eventuallyBlocking(seconds: 10) {
            let metrics = self.fetched(receiver.port, "/metrics")
            return metrics.contains("exocall_events_in_flight 0\n") && metrics.contains("exocall_connections_open 1\n")
        }
        XCTAssertTrue(settled, fetched(receiver.port, "/metrics"))
        // The three NIO's parser answered 400 (header over 8 KiB, over 100 fields, not HTTP) are counted.
        assertMetrics(receiver, have: #"exocall_connections_cut_total{reason="bad_request"} 3"#)
        // Each pipelined request's line names its own path and answer.
        let log = stopped(receiver)
        XCTAssertTrue(log.contains("GET /nothing 404 not_found"), log)
        XCTAssertFalse(log.contains("GET /nothing 200"), log)
        XCTAssertTrue(log.contains("POST /events/<token> 413 refused_too_large"), log)
    }

    /// Sends `bytes` on `fd` one at a time, `gap` seconds apart (each byte resets an idle
    /// timeout), until the server closes the connection: the seconds that took, or nil when
    /// every byte went and the connection stayed open, or the server answered instead.
    func trickle(_ fd: Int32, _ bytes: String, gap: TimeInterval) -> TimeInterval? {
        let started = Date()
        for byte in Array(bytes.utf8) {
            guard withUnsafeBytes(of: byte, { send(fd, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) }) == 1 else {
                return Date().timeIntervalSince(started)
            }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, Int32(gap * 1000)) == 1 {
                var buffer = [UInt8](repeating: 0, count: 512)
                return recv(fd, &buffer, buffer.count, 0) <= 0 ? Date().timeIntervalSince(started) : nil
            }
        }
        return nil
    }

    /// A slow client (slowloris): a request head trickled a byte every 0.3 s, so the idle
    /// timeout never fires, is cut off at the deadline, on a new connection and on one kept
    /// alive after an answer; a client that takes its time between requests, within the
    /// deadline, is served; each cut is counted.
    func testAHeadTrickledByteByByteIsCutAtTheDeadline() throws {
        let home = scratchFolder(self)
        let receiver = try start(["--db", home + "/calls.sqlite", "--deadline", "1"], home: home)
        // 240 bytes at 0.3 s would take 72 s; the idle timeout alone (3 s) never fires.
        let head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: " + String(repeating: "a", count: 200) + "\r\n\r\n"
        let fresh = try XCTUnwrap(connectToLoopback(receiver.port))
        defer { close(fresh) }
        let cut = try XCTUnwrap(trickle(fresh, head, gap: 0.3), "a trickled head kept its connection")
        XCTAssertGreaterThanOrEqual(cut, 0.9)
        XCTAssertLessThan(cut, 5)
        // Kept alive: one request answered, a second within the deadline answered, then a trickled one cut.
        let kept = try XCTUnwrap(connectToLoopback(receiver.port))
        defer { close(kept) }
        XCTAssertEqual(statusOf(kept, Self.keptAliveHealth), 200)
        // The connection must still be open half a deadline later (waited for on the socket, which must stay quiet).
        var quiet = pollfd(fd: kept, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&quiet, 1, 500), 0, "closed or written to between requests, within the deadline")
        XCTAssertEqual(statusOf(kept, Self.keptAliveHealth), 200, "the second request, within the deadline of the first answer")
        let cutKept = try XCTUnwrap(trickle(kept, head, gap: 0.3), "a trickled second head kept its connection")
        XCTAssertLessThan(cutKept, 5)
        // A body the receiver does not keep (a GET's) is bounded and timed all the same.
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"), 413)
        let chunk = "1000\r\n" + String(repeating: "a", count: 4096) + "\r\n"
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                                pieces: Array(repeating: chunk, count: 17)), 413, "a GET's chunked body past 64 KiB, sent at once")
        let get = try XCTUnwrap(connectToLoopback(receiver.port))
        defer { close(get) }
        _ = Array("GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n".utf8).withUnsafeBytes {
            send(get, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        let started = Date()
        XCTAssertNil(trickle(get, String(repeating: "a", count: 100), gap: 0.3), "answered, not cut unanswered")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a GET's trickled body is cut at the deadline")
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200, "still serving")
        assertMetrics(receiver, have: #"exocall_connections_cut_total{reason="slow_head"} 2"#)
        let log = stopped(receiver)
        XCTAssertTrue(log.contains("GET /healthz 408 refused_slow_body"), log)
    }

    /// A peer that pipelines requests and never reads the answers: once the answers cannot be
    /// written, the receiver stops reading its requests and waits (no CPU time), rather than
    /// answering into memory (in a release build, 8 MB sent took it from 19 to 70 MB); other
    /// peers are still served.
    func testAPeerThatDoesNotReadItsAnswersIsNotReadEither() throws {
        let home = scratchFolder(self)
        // Deadlines far off: a slow build answering its backlog must not be cut by the idle timeout.
        let receiver = try start(["--db", home + "/calls.sqlite", "--deadline", "60"], home: home, logToNowhere: true)
        let fd = try XCTUnwrap(connectToLoopback(receiver.port))
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let requests = Array(String(repeating: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", count: 2000).utf8)
        /// Sends until the sockets take nothing more for `patience` seconds (or 20 s pass): the bytes taken.
        func fill(patience: TimeInterval) -> Int {
            var taken = 0
            let deadline = Date().addingTimeInterval(20)
            var blockedSince: Date? = nil
            while Date() < deadline {
                let sent = requests.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent > 0 { taken += sent; blockedSince = nil; continue }
                guard errno == EAGAIN else { XCTFail("the receiver closed the connection: errno \(errno)"); return taken }
                if let since = blockedSince, Date().timeIntervalSince(since) >= patience { return taken }
                blockedSince = blockedSince ?? Date()
                var writable = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&writable, 1, 50)
            }
            XCTFail("the sockets still took requests after 20 s")
            return taken
        }
        let pid = receiver.process.processIdentifier
        /// The receiver's CPU ticks over half a second.
        func ticksOverHalfASecond() -> Int {
            let before = Self.cpuTicks(pid)
            var wait = pollfd(fd: fd, events: 0, revents: 0)
            _ = poll(&wait, 1, 500) // the time over which the receiver's CPU is measured
            return Self.cpuTicks(pid) - before
        }
        _ = fill(patience: 0.5)
        // It answers what it had read (parsed and queued), then goes idle.
        let settle = Date().addingTimeInterval(30)
        var idle = false
        while !idle, Date() < settle { idle = ticksOverHalfASecond() <= 2 }
        XCTAssertTrue(idle, "still working on a peer that reads nothing after 30 s")
        // Topped up, the requests stay unread: no CPU time for them, and no more room.
        _ = fill(patience: 0)
        XCTAssertLessThanOrEqual(ticksOverHalfASecond() + ticksOverHalfASecond(), 4, "the receiver read on")
        let more = requests.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        XCTAssertTrue(more < 0 && errno == EAGAIN, "the receiver read on: a send took \(more) bytes")
        XCTAssertEqual(exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200, "others are served")
    }

    /// The CPU time process `pid` has used, in clock ticks (utime + stime, /proc).
    static func cpuTicks(_ pid: Int32) -> Int {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // After the command's name in parentheses: fields 14 and 15 are utime and stime.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 12 ? (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) : 0
    }

    /// A log that holds the write past the idle timeout (another connection's exclusive
    /// lock): the peer, waiting for its answer, is not cut off as idle; the event is spooled
    /// and acknowledged at the intake's deadline, and is in the log once the lock goes.
    func testAnAnswerTheLogHoldsIsStillGiven() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        _ = try SQLiteCallLog.open(path: db)
        let receiver = try start(["--db", db, "--deadline", "1"], home: home)
        let locker = try SQLiteConnection(path: db, readOnly: false, busyTimeout: 0)
        try locker.execute("BEGIN EXCLUSIVE")
        let started = Date()
        // Idle timeout 3 s (deadline + 2), the intake's deadline 5 s.
        XCTAssertEqual(post(receiver, Self.vendorD), 200)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 3, "held past the idle timeout")
        try locker.execute("ROLLBACK")
        XCTAssertTrue(eventuallyBlocking(seconds: 15) { ((try? SQLiteCallLog.open(path: db).events(callIDs: ["7149714791827935000"]).count) ?? 0) == 1 })
        assertMetrics(receiver, have: "exocall_store_timed_out_total 1")
    }

    /// `--max-connections` and `--max-per-peer`: past either limit a connection is closed as
    /// soon as it is accepted, counted by reason, and warned of once per run of refusals; one
    /// address at its limit leaves room for another; when they close, the next is served.
    /// Zero is refused for either.
    func testConnectionsPastTheLimitsAreClosedAtOnce() throws {
        let home = scratchFolder(self)
        let receiver = try start(["--db", home + "/calls.sqlite", "--max-connections", "3", "--max-per-peer", "2"], home: home)
        // Each held connection is answered once (kept alive): admitted before the next is made,
        // since the receiver admits accepted connections on several event loops, in any order.
        var held: [Int32] = []
        defer { held.forEach { _ = close($0) } }
        func hold(from address: String) {
            guard let fd = connectToLoopback(receiver.port, from: address) else { return XCTFail("no connection from \(address)") }
            held.append(fd)
            XCTAssertEqual(statusOf(fd, Self.keptAliveHealth), 200, "admitted from \(address)")
        }
        func refused(from address: String) -> Bool {
            guard let fd = connectToLoopback(receiver.port, from: address) else { return false }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 64)
            return recv(fd, &buffer, buffer.count, 0) == 0
        }
        hold(from: "127.0.0.1")
        hold(from: "127.0.0.1")
        XCTAssertTrue(refused(from: "127.0.0.1"), "a third from one address, past --max-per-peer 2")
        hold(from: "127.0.0.2")
        XCTAssertTrue(refused(from: "127.0.0.3"), "a fourth in all, past --max-connections 3")
        XCTAssertTrue(refused(from: "127.0.0.3"))
        held.forEach { _ = close($0) }
        held = []
        // Once the receiver has seen them close, a scrape gets in; each scrape before that was refused, and counted.
        var metrics = "", refusedScrapes = 0
        XCTAssertTrue(eventuallyBlocking(seconds: 10) {
            metrics = self.fetched(receiver.port, "/metrics")
            if metrics.isEmpty { refusedScrapes += 1 }
            return !metrics.isEmpty
        })
        XCTAssertTrue(metrics.contains(#"exocall_connections_cut_total{reason="peer_limit"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"exocall_connections_cut_total{reason="limit"} \#(2 + refusedScrapes)"#), metrics)
        let log = stopped(receiver)
        XCTAssertEqual(log.components(separatedBy: "refusing connections from 127.0.0.1: 2 open from it").count - 1, 1, log)
        XCTAssertEqual(log.components(separatedBy: "refusing connections: 3 open").count - 1, 1, "one warning for a run of refusals: \(log)")
        for option in ["--max-connections", "--max-per-peer"] {
            let zero = try runExocall(["events", "serve", "--db", home + "/calls.sqlite", "--listen", "127.0.0.1:0", option, "0"], home: home)
            XCTAssertEqual(zero.status, 2)
            XCTAssertTrue(zero.stderr.contains(option + " takes") && zero.stderr.contains("got 0"), zero.stderr)
        }
    }

    /// Every status line a connection gets for `request`, read until the server closes it.
    func statusLines(_ port: UInt16, _ request: String) -> [String] {
        // Bodies end in a bare newline, so lines are cut at "\n" as well as "\r\n" (one Character in Swift).
        readToClose(port, request).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            .filter { $0.hasPrefix("HTTP/1.1 ") }
    }

    /// Everything the server sends for `request` until it closes the connection ("" when refused).
    func readToClose(_ port: UInt16, _ request: String) -> String {
        guard let fd = connectToLoopback(port) else { return "" }
        defer { close(fd) }
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            all += buffer[0..<n]
        }
        return String(decoding: all, as: UTF8.self)
    }

    /// SIGTERM: the port stops accepting and idle connections close at once, but a request
    /// in flight is still answered (its event stored), then the receiver exits 0.
    func testSIGTERMAnswersTheRequestInFlightThenExits() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let receiver = try start(["--db", db, "--deadline", "10"], home: home)
        let body = #"{"uid":4242,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:57Z"}"#
        let fd = try XCTUnwrap(connectToLoopback(receiver.port))
        defer { close(fd) }
        func write(_ text: String) { _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        write("POST \(receiver.path) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body.prefix(10))
        // The request is in flight once the receiver has read its head (its gauge says so); then the stop begins.
        let inFlight = eventuallyBlocking(seconds: 10) { self.fetched(receiver.port, "/metrics").contains("exocall_events_in_flight 1\n") }
        XCTAssertTrue(inFlight, fetched(receiver.port, "/metrics"))
        receiver.process.terminate()
        let refusing = eventuallyBlocking(seconds: 10) { self.exchange(receiver.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") == nil }
        XCTAssertTrue(refusing, "no new connection is served once the stop began")
        XCTAssertTrue(receiver.process.isRunning, "it waits for the request in flight")
        write(String(body.dropFirst(10)))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        XCTAssertTrue(n > 12 && String(decoding: buffer[0..<n], as: UTF8.self).hasPrefix("HTTP/1.1 200"), "the request in flight is answered")
        receiver.process.waitUntilExit()
        XCTAssertEqual(receiver.process.terminationStatus, 0)
        XCTAssertEqual(try SQLiteCallLog.open(path: db).events(callIDs: ["4242"]).count, 1)
    }

    /// SIGTERM the moment the URL is printed (a quick restart) still stops it gracefully:
    /// the signal is trapped before the port is bound, not once the stop's machinery has
    /// started after it (a request could be in flight in between, and the default action
    /// killed it unanswered: exit by signal 15, as a loaded run of the test above once read).
    func testSIGTERMAsSoonAsTheURLIsPrintedStillStopsGracefully() throws {
        for attempt in 1...10 {
            let home = scratchFolder(self) + "/\(attempt)"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let receiver = try start(["--db", home + "/calls.sqlite"], home: home)
            kill(receiver.process.processIdentifier, SIGTERM)
            receiver.process.waitUntilExit()
            XCTAssertEqual(receiver.process.terminationReason, .exit, "attempt \(attempt): ended by the signal itself")
            XCTAssertEqual(receiver.process.terminationStatus, 0, "attempt \(attempt)")
        }
    }

    /// A parent whose thread blocks signals passes its mask on (Foundation's `Process`
    /// from a pool thread does): the receiver still drains and exits on SIGTERM, and the
    /// stand-in still ends by it, where they waited for a SIGTERM they would never take.
    func testSIGTERMStopsThemThoughTheParentBlockedIt() throws {
        let home = scratchFolder(self)
        let receiver = try start(["--db", home + "/calls.sqlite"], home: home, parentBlocksSignals: true)
        kill(receiver.process.processIdentifier, SIGTERM)
        XCTAssertTrue(eventuallyBlocking(seconds: 10) { !receiver.process.isRunning }, "the receiver did not take SIGTERM")
        if !receiver.process.isRunning {
            XCTAssertEqual(receiver.process.terminationReason, .exit)
            XCTAssertEqual(receiver.process.terminationStatus, 0)
        }
        let stub = try start(["--port", "0", "--api-key", "k"], home: home, command: ["stub-server"], parentBlocksSignals: true)
        kill(stub.process.processIdentifier, SIGTERM)
        XCTAssertTrue(eventuallyBlocking(seconds: 10) { !stub.process.isRunning }, "the stand-in did not take SIGTERM")
        if !stub.process.isRunning {
            XCTAssertEqual(stub.process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(stub.process.terminationStatus, SIGTERM)
        }
    }

    /// Stops `receiver` with SIGTERM and returns what it logged.
    func stopped(_ receiver: Receiver) -> String {
        receiver.process.terminate()
        receiver.process.waitUntilExit()
        return String(decoding: receiver.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Asserts that `receiver`'s /metrics has `line`.
    func assertMetrics(_ receiver: Receiver, have line: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        let metrics = fetched(receiver.port, "/metrics")
        XCTAssertTrue(metrics.split(separator: "\n").contains(Substring(line)), metrics, file: file, line: lineNumber)
    }

    /// The body of a GET to `path` (empty when there is no answer).
    func fetched(_ port: UInt16, _ path: String) -> String {
        let text = readToClose(port, "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    }

    /// Polls `condition` until it holds or `seconds` pass.
    func eventuallyBlocking(seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// `--allow-from`: a peer outside every network given is answered as an unknown path, one
    /// inside is served (IPv4 networks, an IPv6 address beside them, bad networks refused).
    func testAllowFromServesOnlyThePeersInItsNetworks() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let outside = try start(["--db", db, "--allow-from", "10.0.0.0/8", "--allow-from", "2001:db8::/32"], home: home)
        XCTAssertEqual(post(outside, Self.vendorD), 404, "loopback is not in 10.0.0.0/8 nor 2001:db8::/32")
        XCTAssertEqual(exchange(outside.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404,
                       "every path, so an outsider learns nothing; and the receiver answered, it did not fall over")
        let inside = try start(["--db", db, "--allow-from", "::1", "--allow-from", "127.0.0.0/8"], home: home)
        XCTAssertEqual(post(inside, Self.vendorD), 200)
        let exact = try start(["--db", db, "--allow-from", "127.0.0.1/32"], home: home)
        XCTAssertEqual(post(exact, Self.vendorD), 200)
        for bad in ["10.0.0.0/33", "not-a-network", "::1/129"] {
            let refused = try runExocall(["events", "serve", "--db", db, "--listen", "127.0.0.1:0", "--allow-from", bad], home: home)
            XCTAssertNotEqual(refused.status, 0, bad)
            XCTAssertTrue(refused.stderr.contains(bad), "the value is named: \(refused.stderr)")
        }
    }

    /// `/metrics` is this machine's: refused (404, as an unknown path) to a request that came
    /// through a proxy (a forwarding header: the public's, forwarded from loopback) and to
    /// another address, unless `--metrics-from` names its network. `/healthz` stays open.
    func testOnlyThisMachineReadsTheMetrics() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let local = try start(["--db", db], home: home)
        func scrape(_ port: UInt16, from: String? = nil, header: String = "") -> Int? {
            guard let fd = connectToLoopback(port, from: from) else { return nil }
            defer { close(fd) }
            return statusOf(fd, "GET /metrics HTTP/1.1\r\nHost: x\r\n\(header)Connection: close\r\n\r\n")
        }
        XCTAssertEqual(scrape(local.port), 200)
        XCTAssertEqual(scrape(local.port, from: "127.0.0.2"), 200, "all of 127.0.0.0/8 is this machine")
        for header in ["X-Forwarded-For: 203.0.113.9\r\n", "Forwarded: for=203.0.113.9\r\n", "X-Real-IP: 203.0.113.9\r\n"] {
            XCTAssertEqual(scrape(local.port, header: header), 404, header)
        }
        XCTAssertEqual(exchange(local.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n"), 200)
        let refused = try runExocall(["events", "serve", "--db", db, "--listen", "127.0.0.1:0", "--metrics-from", "10.0.0.0/33"], home: home)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--metrics-from") && refused.stderr.contains("10.0.0.0/33"), refused.stderr)
        // From another address of this machine (its network interface), on a receiver listening on all of them.
        guard let address = Self.nonLoopbackIPv4() else { return }
        let open = try start(["--db", db], home: home, command: ["events", "serve", "--listen", "0.0.0.0:0", "--public-url", "http://127.0.0.1:1"])
        let port = try XCTUnwrap(Self.listeningPort(of: open.process.processIdentifier))
        XCTAssertEqual(scrape(port, from: address), 404, "\(address) is not this machine's loopback")
        let allowed = try start(["--db", db, "--metrics-from", address + "/32"], home: home,
                                command: ["events", "serve", "--listen", "0.0.0.0:0", "--public-url", "http://127.0.0.1:1"])
        let allowedPort = try XCTUnwrap(Self.listeningPort(of: allowed.process.processIdentifier))
        XCTAssertEqual(scrape(allowedPort, from: address), 200)
        XCTAssertEqual(scrape(allowedPort, from: address, header: "X-Forwarded-For: 203.0.113.9\r\n"), 200, "a network named is trusted as named")
    }

    /// An IPv4 address of this machine other than loopback, when it has one.
    static func nonLoopbackIPv4() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { var raw = $0.pointee.sin_addr; _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) }
            let dotted = String(cString: text)
            if !dotted.hasPrefix("127.") { return dotted }
        }
        return nil
    }

    /// The TCP port process `pid` listens on (its printed URL is the --public-url), from /proc.
    static func listeningPort(of pid: Int32) -> UInt16? {
        let inodes = Set(((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).compactMap { fd -> String? in
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)")) ?? ""
            return target.hasPrefix("socket:[") ? String(target.dropFirst(8).dropLast()) : nil
        })
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            // local address, state 0A (listening), inode
            guard fields.count > 9, fields[3] == "0A", inodes.contains(String(fields[9])) else { continue }
            return UInt16(fields[1].split(separator: ":")[1], radix: 16)
        }
        return nil
    }

    /// The team database goes down: events are still acknowledged (into the spool) and reach
    /// the database by themselves once it is back.
    func testWhileTheDatabaseIsDownEventsAreSpooledAndAppliedWhenItIsBack() async throws {
        _ = try requirePostgres()
        let cluster = try PostgresCluster.start()
        defer { cluster.destroy() }
        let home = scratchFolder(self)
        let url = cluster.url(database: "postgres")
        let receiver = try start(["--db", url], home: home)
        func event(_ uid: Int) -> String { #"{"uid":\#(uid),"type":"o","event_side":"A","date_time":"2024-01-07T10:54:57Z"}"# }
        XCTAssertEqual(post(receiver, event(1)), 200)
        try cluster.stopServer()
        for uid in 2...4 { XCTAssertEqual(post(receiver, event(uid)), 200, "acknowledged once in the spool") }
        let spooled = try FileManager.default.contentsOfDirectory(atPath: home + "/data/exocall/event-spool").filter { $0.hasSuffix(".event") }
        XCTAssertEqual(spooled.count, 3)
        try cluster.startServer()
        let reader = try await CallLogOpener.open(url)
        let drained = await eventually(.seconds(30)) { ((try? await reader.events(callIDs: ["1", "2", "3", "4"]))?.count ?? 0) == 4 }
        XCTAssertTrue(drained, "the spool drains into the database once it is back")
        // Each spooled event's file goes once its event is in the database (after, never before).
        let spool = home + "/data/exocall/event-spool"
        let emptied = await eventually(.seconds(10)) { ((try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []).allSatisfy { !$0.hasSuffix(".event") } }
        XCTAssertTrue(emptied, "the spool is emptied: \((try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? [])")
        await reader.close()
    }

    func testEveryAcknowledgedEventSurvivesKillDashNine() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let receiver = try start(["--db", db], home: home)
        var acknowledged: [String] = []
        for second in 0..<40 {
            let body = #"{"uid":\#(1000 + second),"type":"o","event_side":"A","date_time":"2024-01-07T10:54:\#(second < 10 ? "0" : "")\#(second)Z"}"#
            if post(receiver, body) == 200 { acknowledged.append(String(1000 + second)) }
        }
        kill(receiver.process.processIdentifier, SIGKILL)
        receiver.process.waitUntilExit()
        XCTAssertEqual(acknowledged.count, 40)
        let stored = try SQLiteCallLog.open(path: db).events(callIDs: acknowledged)
        XCTAssertEqual(Set(stored.map(\.callID)), Set(acknowledged), "no acknowledged event is lost")
    }

    /// The same events in any order, duplicates among them, give the same result; a uid at
    /// the top of 64 bits is kept exact and listed as a string of digits.
    func testEventsOutOfOrderGiveTheSameResultAsInOrder() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let receiver = try start(["--db", db], home: home)
        func call(_ uid: String) -> [String] {
            [#"{"uid":\#(uid),"type":"o","event_side":"A","date_time":"2024-01-07T10:54:01Z",}"#,
             #"{"uid":\#(uid),"type":"s","event_side":"A","date_time":"2024-01-07T10:54:05Z"}"#,
             #"{"uid":\#(uid),"type":"o","event_side":"B","date_time":"2024-01-07T10:54:06Z"}"#,
             #"{"uid":\#(uid),"type":"s","event_side":"B","date_time":"2024-01-07T10:54:10Z"}"#,
             #"{"uid":\#(uid),"type":"h","event_side":"B","date_time":"2024-01-07T10:54:55Z"}"#,
             #"{"uid":\#(uid),"type":"d","event_side":"B","date_time":"2024-01-07T10:54:56Z","cause":"16","duration":45000,}"#,
             #"{"uid":\#(uid),"type":"d","event_side":"A","date_time":"2024-01-07T10:54:57Z","cause":"16","duration":45580}"#]
        }
        let inOrder = "7149714791827935000", reversed = "18446744073709551615", shuffled = "42"
        for body in call(inOrder) { XCTAssertEqual(post(receiver, body), 200) }
        for body in call(reversed).reversed() { XCTAssertEqual(post(receiver, body), 200) }
        let mixed = call(shuffled)
        for index in [5, 2, 6, 0, 5, 4, 1, 3, 2] { XCTAssertEqual(post(receiver, mixed[index]), 200) }
        let log = try SQLiteCallLog.open(path: db)
        let results = CallResult.byCall(try log.events(callIDs: [inOrder, reversed, shuffled]))
        XCTAssertEqual(results[inOrder]?.label(now: nil, in: .en), "connected 0:45")
        XCTAssertEqual(results[reversed], results[inOrder], "reversed: the same result")
        XCTAssertEqual(results[shuffled], results[inOrder], "shuffled with duplicates: the same result")
        XCTAssertEqual(try log.events(callIDs: [shuffled]).count, 7, "each event once")
        let listed = try runExocall(["events", "list", "--db", db, "--json"], home: home)
        XCTAssertTrue(listed.stdout.contains(#""uid":"18446744073709551615""#), listed.stdout)
    }

    /// `--tls-cert`/`--tls-key`: the receiver serves HTTPS itself (curl checks the certificate);
    /// a missing file, a file of the wrong kind or a key of another certificate is named before
    /// any port is bound.
    func testTheReceiverServesHTTPSWithItsOwnCertificate() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        for (name, subject) in [("server", "/CN=localhost"), ("other", "/CN=other")] {
            XCTAssertEqual(try run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", subject,
                                                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "\(home)/\(name)-key.pem",
                                                        "-out", "\(home)/\(name)-cert.pem"]), 0)
        }
        let receiver = try start(["--db", db, "--tls-cert", home + "/server-cert.pem", "--tls-key", home + "/server-key.pem"], home: home)
        XCTAssertTrue(receiver.url.hasPrefix("https://127.0.0.1:"), receiver.url)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sS", "--max-time", "20", "--cacert", home + "/server-cert.pem", "-o", "/dev/null", "-w", "%{http_code}",
                          "--data", Self.vendorD, receiver.url]
        let answer = Pipe()
        curl.standardOutput = answer
        try curl.run()
        curl.waitUntilExit()
        XCTAssertEqual(String(decoding: answer.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "200", "posted over HTTPS")
        XCTAssertEqual(try SQLiteCallLog.open(path: db).events(callIDs: ["7149714791827935000"]).count, 1)
        XCTAssertNil(post(receiver, Self.vendorD), "plain HTTP to the HTTPS port gets no answer")

        for (arguments, expected) in [
            (["--tls-cert", home + "/server-cert.pem"], "--tls-cert and --tls-key go together"),
            (["--tls-cert", home + "/missing.pem", "--tls-key", home + "/server-key.pem"], "--tls-cert \(home)/missing.pem: cannot be used as a PEM certificate chain (No such file or directory)"),
            (["--tls-cert", home + "/server-key.pem", "--tls-key", home + "/server-key.pem"], "--tls-cert \(home)/server-key.pem: cannot be used as a PEM certificate chain"),
            (["--tls-cert", home + "/server-cert.pem", "--tls-key", home + "/server-cert.pem"], "--tls-key \(home)/server-cert.pem: cannot be used as a PEM private key"),
            (["--tls-cert", home + "/server-cert.pem", "--tls-key", home + "/other-key.pem"], "--tls-key \(home)/other-key.pem is not the private key of --tls-cert \(home)/server-cert.pem"),
        ] {
            let refused = try runExocall(["events", "serve", "--db", db, "--listen", "127.0.0.1:0"] + arguments, home: home)
            XCTAssertEqual(refused.status, 2, refused.stderr)
            XCTAssertTrue(refused.stderr.contains(expected), refused.stderr)
            XCTAssertEqual(refused.stdout, "", "no URL is printed")
            XCTAssertFalse(refused.stderr.contains("PRIVATE KEY"), "never the key's contents")
        }
    }
}

/// Waits for `condition` with a deadline (no fixed sleep).
private func eventually(_ timeout: Duration, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(200))
    }
    return await condition()
}
