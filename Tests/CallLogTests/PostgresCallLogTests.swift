import CallEvents
import CallbackCore
import CallLog
@testable import CallLogPostgres
import ExolveClient
import Foundation
import TestPostgres
import PostgresTestSupport
import XCTest

/// What only the team log does: its URL and password, its schema versions, the
/// race between operators, a server that is down or restarts, a least-privilege role.
final class PostgresCallLogTests: XCTestCase {
    func testLocationParsesTheURLAndNeverShowsThePassword() throws {
        let location = try PostgresLocation.parse("postgresql://anna:s3cr%40t@db.example:6543/calls?sslmode=verify-full", environment: [:])
        XCTAssertEqual(location.user, "anna")
        XCTAssertEqual(location.host, "db.example")
        XCTAssertEqual(location.port, 6543)
        XCTAssertEqual(location.database, "calls")
        XCTAssertEqual(location.sslMode, .verifyFull)
        XCTAssertEqual(location.display, "postgresql://anna@db.example:6543/calls?sslmode=verify-full")
        XCTAssertFalse(location.display.contains("s3cr"))
        let defaults = try PostgresLocation.parse("postgres://boris@10.0.0.5/", environment: [:])
        XCTAssertEqual(defaults.port, 5432)
        XCTAssertEqual(defaults.database, "boris", "no database: the user's, as libpq does")
        XCTAssertEqual(defaults.sslMode, .prefer)
        for (bad, words) in [("postgresql://anna:pw123@db/x?sslmode=maybe", "sslmode must be one of"),
                             ("postgresql://anna:pw123@db/x?application_name=y", "unknown parameter"),
                             ("postgresql://:pw123@/x", "no host")] {
            XCTAssertThrowsError(try PostgresLocation.parse(bad, environment: [:])) { error in
                XCTAssertTrue("\(error)".contains(words), "\(error)")
                XCTAssertFalse("\(error)".contains("pw123"), "a password in a bad URL is not repeated: \(error)")
            }
        }
        XCTAssertEqual(CallLogOpener.display("postgresql://anna:pw123@db:1/x"), "postgresql://anna@db:1/x?sslmode=prefer")
        XCTAssertTrue(PostgresLocation.isURL("POSTGRESQL://x@y/z"))
        XCTAssertFalse(PostgresLocation.isURL("/home/anna/postgresql.sqlite"))
    }

    func testPasswordComesFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
        let folder = NSTemporaryDirectory() + "exocall-pgpass-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/pgpass"
        try "# comment\nother:5432:calls:anna:wrong\ndb.example:*:calls:anna:from\\:file\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let url = "postgresql://anna@db.example:5432/calls"
        XCTAssertEqual(try PostgresLocation.parse(url, environment: ["PGPASSFILE": file]).password, "from:file")
        XCTAssertEqual(try PostgresLocation.parse(url, environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]).password, "env")
        XCTAssertEqual(try PostgresLocation.parse("postgresql://anna:url@db.example:5432/calls", environment: ["PGPASSWORD": "env"]).password, "url")
        chmod(file, 0o644)
        XCTAssertNil(try PostgresLocation.parse(url, environment: ["PGPASSFILE": file]).password, "a password file others can read is ignored, as libpq does")
    }

    func testAWrongPasswordOrNoServerIsUnavailableWithoutThePassword() async throws {
        let cluster = try requirePostgres()
        let started = ContinuousClock.now
        do {
            _ = try await CallLogOpener.open(cluster.url(database: "postgres", password: "not-the-password-42"))
            XCTFail("a wrong password must not open the log")
        } catch {
            guard case .unavailable = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("password authentication failed"), "\(error)")
            XCTAssertFalse("\(error)".contains("not-the-password-42"), "\(error)")
        }
        let closed = try Self.closedPort()
        do {
            _ = try await CallLogOpener.open("postgresql://anna:hunter2x@127.0.0.1:\(closed)/calls?sslmode=disable")
            XCTFail("no server, no log")
        } catch {
            guard case .unavailable = error else { return XCTFail("\(error)") }
            XCTAssertFalse("\(error)".contains("hunter2x"), "\(error)")
            XCTAssertTrue("\(error)".contains("Nothing is sent"), "\(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(15), "an unreachable log is reported promptly")
    }

    func testANewerSchemaOrAForeignCallTableIsRefusedAndLeftUntouched() async throws {
        let cluster = try requirePostgres()
        let newer = try cluster.createDatabase()
        let store = try await CallLogOpener.open(cluster.url(database: newer))
        await store.close()
        try cluster.sql("INSERT INTO exocall_schema (version) VALUES (99)", database: newer)
        do {
            _ = try await CallLogOpener.open(cluster.url(database: newer))
            XCTFail("a newer schema must be refused")
        } catch {
            XCTAssertEqual(error, .newerSchema(path: try PostgresLocation.parse(cluster.url(database: newer)).display))
        }
        XCTAssertEqual(try cluster.sql("SELECT max(version) FROM exocall_schema", database: newer), "99")

        let foreign = try cluster.createDatabase()
        try cluster.sql("CREATE TABLE call (id int, note text); INSERT INTO call VALUES (1, 'mine')", database: foreign)
        do {
            _ = try await CallLogOpener.open(cluster.url(database: foreign))
            XCTFail("somebody else's call table must not be adopted")
        } catch {
            guard case .corrupt = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try cluster.sql("SELECT note FROM call", database: foreign), "mine")
        XCTAssertEqual(try cluster.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'exocall_schema'", database: foreign), "0")
    }

    func testOperatorsPressingF5ForTheSameClientAtOnceGetOneSendAndHolds() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        var stores: [any CallLogStore] = []
        for _ in 0..<8 { stores.append(try await CallLogOpener.open(url)) }
        for round in 0..<5 {
            let client = "7959000000\(round)"
            let results = try await withThrowingTaskGroup(of: GuardedBegin.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        var call = request(number: "7999000000\(index)")
                        call.line2 = Line(destinations: [Destination(number: client)])
                        let entry = CallLogEntry(request: call, mode: .demo, endpointHost: "h", operatorName: "operator-\(index)")
                        // Each writes the client's number its own way.
                        let written = ["+\(client)", "8" + client.dropFirst(), client, "+7 " + client.dropFirst()][index % 4]
                        return try await store.begin(entry, guardedBy: .standard, leg2: [written], acknowledged: [], now: Date())
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let begun = results.filter { if case .begun = $0 { return true } else { return false } }
            XCTAssertEqual(begun.count, 1, "round \(round): exactly one send, the rest held")
            for case .held(let attempts) in results {
                XCTAssertEqual(attempts.count, 1)
                XCTAssertNotNil(attempts.first?.operatorName, "the hold names who rang")
            }
        }
        for store in stores { await store.close() }
    }

    /// A team log made before the events (version 1) is brought up to date in place, its calls kept.
    func testATeamLogFromBeforeTheEventsIsUpgradedInPlace() async throws {
        let cluster = try requirePostgres()
        let database = try cluster.createDatabase()
        let store = try await CallLogOpener.open(cluster.url(database: database))
        let id = try await store.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
        await store.close()
        // Back to version 1, as a log written by an exocall before #30 is.
        try cluster.sql("""
            DROP TABLE call_event; DROP FUNCTION exocall_event_notified(); DROP INDEX call_by_call_id; DROP TABLE call_annotation;
            ALTER TABLE call DROP COLUMN note, DROP COLUMN note_by, DROP COLUMN note_at, DROP COLUMN disposition,
              DROP COLUMN disposition_by, DROP COLUMN disposition_at, DROP COLUMN history_talk_seconds, DROP COLUMN history_at;
            DELETE FROM exocall_schema WHERE version >= 2
            """, database: database)
        let upgraded = try await CallLogOpener.open(cluster.url(database: database))
        let kept = try await upgraded.entry(id: id)
        XCTAssertNotNil(kept, "the old call is still there")
        XCTAssertEqual(try cluster.sql("SELECT max(version) FROM exocall_schema", database: database), "6")
        XCTAssertEqual(try cluster.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'call_event_ringing'", database: database), "1")
        let event = try XCTUnwrap(try? CallEventParser.parse(Array(#"{"uid":5,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:57Z"}"#.utf8)).get())
        let stored = try await upgraded.record(event, receivedAt: Date())
        XCTAssertTrue(stored)
        await upgraded.close()
    }

    func testALeastPrivilegeRoleCanSendAndReadButNotDelete() async throws {
        let cluster = try requirePostgres()
        let database = try cluster.createDatabase()
        let owner = try await CallLogOpener.open(cluster.url(database: database))
        await owner.close()
        let role = "op_\(UInt32.random(in: 0...UInt32.max))"
        try cluster.sql("""
            CREATE ROLE \(role) LOGIN PASSWORD 'op-pass-1';
            GRANT CONNECT ON DATABASE \(database) TO \(role);
            GRANT SELECT, INSERT, UPDATE ON call TO \(role);
            GRANT SELECT ON outcome_count, exocall_schema, call_event TO \(role);
            GRANT SELECT, INSERT ON call_annotation TO \(role);
            GRANT USAGE ON SEQUENCE call_id_seq, call_annotation_id_seq TO \(role);
            """, database: database)
        let store = try await CallLogOpener.open(cluster.url(database: database, user: role, password: "op-pass-1"))
        let id = try await store.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h", operatorName: "anna"))
        try await store.complete(id: id, with: SendResult(outcome: .placed(callID: "42", requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 3))
        try await store.annotate(Annotation(entryID: id, kind: .note, text: "a note", operatorName: "anna", at: 1))
        let noted = try await store.annotations(entryID: id)
        XCTAssertEqual(noted.count, 1, "the operator's role writes notes")
        let count = try await store.count(CallLogFilter(outcome: .placed)).value
        XCTAssertEqual(count, 1, "the counts are kept for a role that cannot write them itself")
        XCTAssertThrowsError(try cluster.sql("SET ROLE \(role); DELETE FROM call", database: database), "the role cannot erase history")

        // The event receiver's role, with the README's grants: it records events (and the
        // operator's panel reads them), and may not touch the sends.
        let receiver = "ev_\(UInt32.random(in: 0...UInt32.max))"
        try cluster.sql("""
            CREATE ROLE \(receiver) LOGIN PASSWORD 'ev-pass-1';
            GRANT CONNECT ON DATABASE \(database) TO \(receiver);
            GRANT SELECT, INSERT ON call_event TO \(receiver);
            GRANT USAGE ON SEQUENCE call_event_id_seq TO \(receiver);
            GRANT SELECT ON call, exocall_schema TO \(receiver);
            """, database: database)
        let events = try await CallLogOpener.open(cluster.url(database: database, user: receiver, password: "ev-pass-1"))
        let body = #"{"uid":42,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:57Z"}"#
        guard case .success(let event) = CallEventParser.parse(Array(body.utf8)) else { return XCTFail() }
        let stored = try await events.record(event, receivedAt: Date())
        XCTAssertTrue(stored)
        let read = try await store.events(callIDs: ["42"])
        XCTAssertEqual(read.count, 1, "the operator's role reads the events")
        XCTAssertThrowsError(try cluster.sql("SET ROLE \(receiver); UPDATE call SET outcome = 'placed'", database: database), "the receiver cannot change a send")
        await events.close()
        await store.close()
    }

    func testTheServerStoppedAndRestartedWhileTheLogIsOpen() async throws {
        _ = try requirePostgres() // skips with the reason when PostgreSQL is missing
        let cluster = try PostgresCluster.start()
        defer { cluster.destroy() }
        let url = cluster.url(database: "postgres")
        let store = try await CallLogOpener.open(url)
        let before = try await store.begin(CallLogEntry(request: request(number: "79990000001"), mode: .demo, endpointHost: "h"))

        try cluster.stopServer()
        do {
            _ = try await store.begin(CallLogEntry(request: request(number: "79990000002"), mode: .demo, endpointHost: "h"))
            XCTFail("no entry can be written while the server is down")
        } catch {
            guard case .unavailable = error else { return XCTFail("\(error)") }
        }
        try cluster.startServer()
        let reconnected = await eventually(.seconds(20)) {
            (try? await store.begin(CallLogEntry(request: request(number: "79990000003"), mode: .demo, endpointHost: "h"))) != nil
        }
        XCTAssertTrue(reconnected, "the log reconnects by itself")
        let kept = try await store.entry(id: before)
        XCTAssertNotNil(kept, "nothing written before the outage is lost")
        await store.close()
    }

    /// An operator's open log (the panel's LISTEN and every operation, several at once) holds
    /// one connection, named for the operator; it wakes on another's send, reconnects after
    /// the server restarts, and hands the connection back when closed. The receiver pools.
    func testAnOperatorHoldsOneNamedConnectionForQueriesAndNotifications() async throws {
        _ = try requirePostgres()
        let cluster = try PostgresCluster.start()
        defer { cluster.destroy() }
        let database = try cluster.createDatabase()
        let url = cluster.url(database: database)
        let connections = """
            SELECT count(*) || '|' || coalesce(string_agg(application_name, ','), '') FROM pg_stat_activity
            WHERE datname = '\(database)' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            """
        let store = try await CallLogOpener.open(url, session: LogSession(operatorName: "anna"))
        let woken = Counter()
        let listener = Task { for await _ in store.changes(interval: .milliseconds(100)) { await woken.add() } }
        defer { listener.cancel() }
        // Busy at once: a send, reads and the listener share the one connection, none waiting forever.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    if index % 4 == 0 {
                        _ = try await store.begin(CallLogEntry(request: request(number: "7999000\(1000 + index)"), mode: .demo, endpointHost: "h"))
                    } else {
                        _ = try await store.page(.all, after: nil, limit: 50)
                    }
                }
            }
            try await group.waitForAll()
        }
        let page = try await store.page(.all, after: nil, limit: 50)
        XCTAssertEqual(page.count, 5)
        XCTAssertEqual(try cluster.sql(connections, database: database), "1|exocall anna@\(Operator.host)", "one connection, named for the operator")
        // Another operator's send wakes this one's panel through the shared connection.
        let other = try await CallLogOpener.open(url, session: LogSession(operatorName: "boris@desk-2"))
        let seen = await woken.value
        _ = try await other.begin(CallLogEntry(request: request(number: "79990002000"), mode: .demo, endpointHost: "h"))
        let wakes = await eventually(.seconds(10)) { await woken.value > seen }
        XCTAssertTrue(wakes, "a notification arrives on the connection the queries use")
        let both = try cluster.sql(connections, database: database)
        XCTAssertTrue(both.hasPrefix("2|") && both.contains("exocall boris@desk-2"), "a name with its own host is kept: \(both)")
        await other.close()
        // The server restarts: the next operation connects again, and the panel listens again (it wakes once).
        try cluster.stopServer()
        try cluster.startServer()
        let back = await eventually(.seconds(20)) { (try? await store.page(.all, after: nil, limit: 1)) != nil }
        XCTAssertTrue(back, "the operator's connection is made again")
        let relistened = await eventually(.seconds(20)) {
            _ = try? cluster.sql("NOTIFY exocall_call", database: database)
            return await woken.value > seen + 1
        }
        XCTAssertTrue(relistened, "the panel listens again after the restart")
        XCTAssertEqual(try cluster.sql(connections, database: database), "1|exocall anna@\(Operator.host)", "still one")
        await store.close()
        let closed = await eventually(.seconds(5)) { (try? cluster.sql(connections, database: database)) == "0|" }
        XCTAssertTrue(closed, "closing the log hands its connection back")
        // The receiver takes events from many calls at once: a pool, named the same way.
        let receiver = try await CallLogOpener.open(url, session: .receiver(operatorName: "receiver@gw"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                group.addTask { _ = try await receiver.page(CallLogFilter(search: "7999000\(index)"), after: nil, limit: 50) }
            }
            try await group.waitForAll()
        }
        let pooled = try cluster.sql(connections, database: database)
        XCTAssertTrue(pooled.split(separator: "|").last?.split(separator: ",").allSatisfy { $0 == "exocall receiver@gw" } ?? false, pooled)
        await receiver.close()
    }

    /// A loopback port nothing listens on.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
