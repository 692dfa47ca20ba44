import CallEvents
import CallLog
import CallLogModel
import CallLogPostgres
import Foundation
import GRDB
import TmuxKit

/// Issue #30's rows: the receiver's throughput and acknowledgement latency on each backend
/// (the real `exocall events serve`, keep-alive connections over loopback), an event's way
/// to another operator's panel on the team log, and the log's queries with events beside
/// its entries.
struct EventsBench {
    let exocall: String
    let scratch: String

    /// A receiver process and where to post.
    struct Receiver {
        let process: Process
        let port: UInt16
        let path: String

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Starts `exocall events serve` on `db` and waits for its URL.
    func start(db: String) throws -> Receiver {
        let home = scratch + "/events-home-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exocall)
        process.arguments = ["events", "serve", "--db", db, "--listen", "127.0.0.1:0"]
        process.environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let url = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard let portText = url.split(separator: ":").dropFirst(2).first?.split(separator: "/").first, let port = UInt16(portText),
              let token = url.split(separator: "/").last else {
            process.terminate()
            throw BenchError("the receiver printed no URL: \(url)")
        }
        return Receiver(process: process, port: port, path: "/events/" + token)
    }

    /// An event's body: the five steps of call `call` (o A, s A, o B, s B, d B), step `step`.
    static func body(uid: UInt64, step: Int) -> String {
        let (type, side) = [("o", "A"), ("s", "A"), ("o", "B"), ("s", "B"), ("d", "B")][step % 5]
        let extra = type == "d" ? #","cause":"16","hangup_cause":"NORMAL_CLEARING","duration":45000"# : ""
        return #"{"service":"callback","uid":\#(uid),"type":"\#(type)","event_side":"\#(side)","number":"79991112233","date_time":"2024-01-07T10:54:\#(10 + step % 5)Z"\#(extra)}"#
    }

    /// Posts `count` distinct events over `connections` keep-alive connections; events per
    /// second over the whole run and each acknowledgement's latency (ms).
    func throughput(_ receiver: Receiver, count: Int, connections: Int, firstUID: UInt64) throws -> (perSecond: Double, acks: Stats) {
        let collected = Collected()
        let perConnection = count / connections
        let started = Date()
        simultaneously(connections) { worker in
            guard let connection = HTTPConnection(port: receiver.port) else { collected.add([], failures: perConnection); return }
            defer { connection.close() }
            var mine: [Double] = []
            var failed = 0
            mine.reserveCapacity(perConnection)
            for index in 0..<perConnection {
                let n = worker * perConnection + index
                let body = Self.body(uid: firstUID + UInt64(n / 5), step: n)
                let begin = DispatchTime.now().uptimeNanoseconds
                let status = connection.post(receiver.path, body)
                mine.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
                if status != 200 { failed += 1 }
            }
            collected.add(mine, failures: failed)
        }
        let seconds = Date().timeIntervalSince(started)
        let (latencies, failures) = collected.values
        if failures > 0 { throw BenchError("\(failures) of \(count) events were not acknowledged with 200") }
        return (Double(latencies.count) / seconds, Stats(latencies))
    }

    /// Fails unless the receiver wrote exactly `accepted` events into the log and spooled
    /// none: a spooled event is acknowledged too, and would make the row time the spool.
    func requireWritten(_ receiver: Receiver, accepted: Int) throws {
        guard let connection = HTTPConnection(port: receiver.port), let metrics = connection.get("/metrics") else {
            throw BenchError("the receiver's /metrics did not answer")
        }
        defer { connection.close() }
        let lines = metrics.split(separator: "\n")
        let wanted = [#"exocall_events_total{outcome="accepted"} \#(accepted)"#, #"exocall_events_total{outcome="spooled"} 0"#]
        for line in wanted where !lines.contains(Substring(line)) {
            let got = lines.filter { $0.hasPrefix("exocall_events_total") || $0.hasPrefix("exocall_store_timed_out_total") }
            throw BenchError("the receiver did not write every event into the log (wanted \(line)): \(got.joined(separator: "; "))")
        }
    }

    /// From posting an event to the receiver to another operator's panel (a second store on the
    /// team log, woken by its change stream) reading that call's result.
    func eventToPanel(_ receiver: Receiver, url: String, runs: Int) async throws -> Stats {
        let panel = try await PostgresCallLog.open(try PostgresLocation.parse(url))
        var wakes = panel.changes(interval: .milliseconds(500)).makeAsyncIterator()
        try await Task.sleep(for: .milliseconds(300)) // the listener in place
        guard let connection = HTTPConnection(port: receiver.port) else { throw BenchError("cannot connect to the receiver") }
        defer { connection.close() }
        var times: [Double] = []
        for run in 0..<runs {
            let uid = UInt64(9_000_000_000_000_000_000) + UInt64(run)
            times.append(try await milliseconds {
                guard connection.post(receiver.path, Self.body(uid: uid, step: 0)) == 200 else { throw BenchError("an event was refused") }
                var seen = false
                while !seen {
                    _ = await wakes.next()
                    seen = CallResult.byCall(try await panel.events(callIDs: [String(uid)]))[String(uid)] != nil
                }
            })
        }
        await panel.close()
        return Stats(times)
    }

    /// Adds `count` events to a generated SQLite log (five per entry, linked to the placed
    /// entries' call_ids as `LogBench` made them), in one statement; ms.
    static func fillSQLite(_ path: String, count: Int) throws -> Double {
        try milliseconds { try sqlite(path, fillSQL(count: count, series: "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < \(count - 1))", from: "s")) }
    }

    /// The same on PostgreSQL.
    static func fillPostgres(_ bench: PostgresBench, count: Int) throws -> Double {
        try milliseconds {
            try bench.cluster.sql(fillSQL(count: count, series: "", from: "generate_series(0, \(count - 1)) AS s(i)"), database: bench.database)
            try bench.cluster.sql("VACUUM ANALYZE call_event", database: bench.database)
        }
    }

    /// One INSERT ... SELECT of `count` events: call k = i / 5 (uid 1.8e18 + k, the entry with
    /// index k), steps o A, s A, o B, s B, d B.
    static func fillSQL(count: Int, series: String, from: String) -> String {
        """
        \(series)
        INSERT INTO call_event (identity, uid, received_at, raw, side, number, event_at)
        SELECT uid || '|' || side || '|' || type || '|' || at, uid, 1700000000000 + i,
          '{"service":"callback","uid":' || uid || ',"type":"' || type || '","event_side":"' || side ||
          '","number":"79991112233","date_time":"' || at || '"' ||
          CASE WHEN type = 'd' THEN ',"cause":"16","duration":45000' ELSE '' END || '}',
          side, '79991112233', 1704624850000 + (i % 5) * 1000
        FROM (SELECT i, CAST(1800000000000000000 + i / 5 AS TEXT) AS uid,
                CASE i % 5 WHEN 0 THEN 'o' WHEN 1 THEN 's' WHEN 2 THEN 'o' WHEN 3 THEN 's' ELSE 'd' END AS type,
                CASE WHEN i % 5 < 2 THEN 'A' ELSE 'B' END AS side,
                '2024-01-07T10:54:' || (10 + i % 5) || 'Z' AS at
              FROM \(from)) e
        """
    }

    /// Runs SQL on a SQLite file directly (GRDB, no exocall code in between), then ANALYZE.
    static func sqlite(_ path: String, _ sql: String) throws {
        let database = try DatabaseQueue(path: path)
        try database.write { try $0.execute(sql: sql) }
        try database.writeWithoutTransaction { try $0.execute(sql: "ANALYZE") }
    }

    /// p50 and max of what the panel and the command line do with events beside the entries:
    /// a page with its calls' results, a result filter, the evidence for unknown sends, events list.
    static func queries(_ store: any CallLogStore, runs: Int) async throws -> [(String, Stats)] {
        let unknownPage = try await store.page(CallLogFilter(outcome: .unknown), limit: 100)
        let cases: [(String, () async throws -> Void)] = [
            ("newest page + its calls' results", {
                let page = try await store.page(.all, limit: 100)
                _ = try await store.results(of: page)
            }),
            ("result filter (connected): a page", { _ = try await store.page(.all, result: .connected, limit: 100) }),
            ("evidence for a page of unknown sends", { _ = try await store.evidence(for: unknownPage, now: Int64(Date().timeIntervalSince1970 * 1000)) }),
            ("events list: the newest 100", { _ = try await store.recentEvents(limit: 100) }),
        ]
        var results: [(String, Stats)] = []
        for (name, query) in cases {
            try await query() // warm, as an open panel is
            var times: [Double] = []
            for _ in 0..<runs { times.append(try await milliseconds { try await query() }) }
            results.append((name, Stats(times)))
        }
        return results
    }
}

/// What the worker threads measured, gathered under a lock.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Double] = []
    private var failures = 0

    func add(_ more: [Double], failures more2: Int) {
        lock.withLock {
            latencies += more
            failures += more2
        }
    }

    var values: ([Double], Int) { lock.withLock { (latencies, failures) } }
}

/// A benchmark's own failure, said plainly.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One keep-alive HTTP/1.1 connection over loopback, blocking (a worker thread each).
final class HTTPConnection {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 8192)

    init?(port: UInt16) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { Glibc.close(fd); return nil }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Posts `body` to `path`; the status code, or nil when the connection failed.
    func post(_ path: String, _ body: String) -> Int? {
        exchange("POST \(path) HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")?.status
    }

    /// The body of a GET of `path`, when answered 200.
    func get(_ path: String) -> String? {
        exchange("GET \(path) HTTP/1.1\r\nHost: bench\r\n\r\n").flatMap { $0.status == 200 ? $0.body : nil }
    }

    /// Sends `text`, reads one answer: its status and body, or nil when the connection failed.
    private func exchange(_ text: String) -> (status: Int, body: String)? {
        let request = Array(text.utf8)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { return nil }
        // The head, then as many body bytes as Content-Length says.
        var received: [UInt8] = []
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            received += buffer[0..<n]
            guard let end = Self.headEnd(received) else { continue }
            let head = String(decoding: received[0..<end], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            while received.count < end + 4 + length {
                let more = recv(fd, &buffer, buffer.count, 0)
                guard more > 0 else { return nil }
                received += buffer[0..<more]
            }
            guard received.count > 12, let status = Int(String(decoding: received[9..<12], as: UTF8.self)) else { return nil }
            return (status, String(decoding: received[(end + 4)...], as: UTF8.self))
        }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    func close() { Glibc.close(fd) }
}
