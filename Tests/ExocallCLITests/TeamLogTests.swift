import CallLog
import CallLogPostgres
import ExolveStub
import Foundation
import PostgresTestSupport
import TestPostgres
import TmuxKit
import XCTest

/// The team log through the real binary: operators, many senders at once, a
/// sender killed mid-flight on "another machine", copying a local log in, and
/// the database password kept out of every output.
final class TeamLogTests: XCTestCase {
    private let key = "team-log-key-5d1c"

    /// A request to `client` (leg 2) described `description`.
    private func requestText(client: String, description: String) -> String {
        """
        {"request_description":"\(description)","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"\(client)"}]}}
        """
    }

    /// A scratch home and the stand-in, started (the caller stops it).
    private func standIn() async throws -> (home: String, server: StubServer, base: String) {
        let server = StubServer(apiKey: key)
        return (scratchFolder(self), server, try await server.start())
    }

    /// A config file naming the operator, in its own folder.
    private func config(operator name: String, home: String) throws -> String {
        let path = home + "/\(name).toml"
        try "operator = \"\(name)\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every command's connection tells the server who it is (the server's own log of each
    /// connection, as a DBA reads it), and a send hands its connection back once it is done.
    func testEachCommandsConnectionIsNamedForItsOperator() async throws {
        _ = try requirePostgres()
        let cluster = try PostgresCluster.start()
        defer { cluster.destroy() }
        _ = try cluster.sql("ALTER SYSTEM SET log_connections = on")
        _ = try cluster.sql("ALTER SYSTEM SET log_disconnections = on")
        _ = try cluster.sql("SELECT pg_reload_conf()")
        let url = cluster.url(database: try cluster.createDatabase())
        let (home, server, base) = try await standIn()
        defer { Task { await server.stop() } }
        let zoe = try config(operator: "zoe", home: home)
        let send = try runExocall(["send", "--base-url", base, "--db", url, "-"], environment: ["EXOLVE_API_KEY": key, "EXOCALL_CONFIG": zoe],
                                  home: home, stdin: requestText(client: "79590000001", description: "named"))
        XCTAssertEqual(send.status, 0, send.stderr)
        let list = try runExocall(["log", "--db", url], environment: ["EXOCALL_OPERATOR": "yuri"], home: home)
        XCTAssertEqual(list.status, 0, list.stderr)
        let note = try runExocall(["log", "note", "1", "called back", "--db", url, "--operator", "xena"], home: home)
        XCTAssertEqual(note.status, 0, note.stderr)
        let serverLog = cluster.folder + "/server.log"
        func named(_ who: String) -> Int {
            ((try? String(contentsOfFile: serverLog, encoding: .utf8)) ?? "").components(separatedBy: "application_name=exocall \(who)@").count - 1
        }
        let seen = await eventuallyTrue { named("zoe") == 1 && named("yuri") == 1 && named("xena") == 1 }
        XCTAssertTrue(seen, "one connection each, named: zoe \(named("zoe")), yuri \(named("yuri")), xena \(named("xena"))")
        let closed = await eventuallyTrue { (try? cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'exocall %'")) == "0" }
        XCTAssertTrue(closed, "every command handed its connection back")
    }

    func testEightOperatorsSendingAtOnceLoseNothingAndEachEntryNamesItsOperator() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        let (home, server, base) = try await standIn()
        defer { Task { await server.stop() } }
        let configs = try (0..<8).map { try config(operator: "op\($0)", home: home) }
        let failures = Failures()
        let key = self.key
        let texts = (0..<8).map { process in (0..<25).map { n in
            requestText(client: "7959\(String(format: "%07d", process * 100 + n))", description: "batch \(process)-\(n)")
        } }
        simultaneously(8) { process in
            for n in 0..<25 {
                let run = try? runExocall(["send", "--base-url", base, "--db", url, "-"],
                                          environment: ["EXOLVE_API_KEY": key, "EXOCALL_CONFIG": configs[process]],
                                          home: home, stdin: texts[process][n])
                if run?.status != 0 { failures.add("op\(process) #\(n): \(run?.status ?? -1) \(run?.stderr ?? "")") }
            }
        }
        XCTAssertEqual(failures.all, [])
        let received = await server.received.count
        XCTAssertEqual(received, 200, "every send reached the stand-in once")
        let store = try await CallLogOpener.open(url)
        let placed = try await store.count(CallLogFilter(outcome: .placed)).value
        XCTAssertEqual(placed, 200, "no entry lost")
        for process in 0..<8 {
            let mine = try await store.count(CallLogFilter(operatorName: "op\(process)")).value
            XCTAssertEqual(mine, 25)
        }
        let listed = try runExocall(["log", "--operator", "op3", "--limit", "100", "--db", url], home: home)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout.split(separator: "\n").filter { $0.contains(" op3 ") }.count, 25, listed.stdout)
        XCTAssertTrue(listed.stderr.contains("25 of 25"), listed.stderr)
        for output in [listed.stdout, listed.stderr] { XCTAssertFalse(output.contains(cluster.password), "the database password is never printed") }
        await store.close()
    }

    func testASenderKilledOnAnotherMachineReadsAsInFlightUntilItsDeadlineThenInterrupted() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        let (home, server, base) = try await standIn()
        defer { Task { await server.stop() } }
        let process = Process()
        process.executableURL = exocallBinary
        process.arguments = ["send", "--timeout", "20", "--base-url", base, "--db", url, "-"]
        process.environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "EXOLVE_API_KEY": key, "EXOCALL_HOSTNAME": "machine-b"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(requestText(client: "79590000001", description: "stub:slow=60").utf8))
        try input.fileHandleForWriting.close()
        let store = try await CallLogOpener.open(url)
        let arrived = await eventuallyTrue { !(await server.received).isEmpty }
        XCTAssertTrue(arrived, "the request reached the server")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let entry = try await store.page(.all, limit: 1).first
        let sent = try XCTUnwrap(entry)
        XCTAssertEqual(sent.senderHost, "machine-b")
        XCTAssertEqual(sent.outcome, .sending, "nothing completed it")
        XCTAssertEqual(sent.deadlineAt, sent.createdAt + 20_000 + CallLogEntry.deadlineGraceMs)
        XCTAssertEqual(sent.effectiveOutcome(), .sending, "another machine's pid means nothing here: in flight until its deadline")
        let pastDeadline = Date(timeIntervalSince1970: Double(sent.deadlineAt! + 1) / 1000)
        XCTAssertEqual(sent.effectiveOutcome(now: pastDeadline), .unknown, "past its deadline it MAY have been placed")
        // A second send to that client meanwhile is held, naming the entry still in flight.
        let held = try runExocall(["send", "--base-url", base, "--db", url, "-"], environment: ["EXOLVE_API_KEY": key], home: home,
                                  stdin: requestText(client: "+7 959 000-00-01", description: "again"))
        XCTAssertEqual(held.status, 6, held.stderr)
        XCTAssertTrue(held.stderr.contains("still in flight"), held.stderr)
        await store.close()
    }

    func testMigrateCopiesALocalLogOnceAndKeepsThePasswordOutOfItsOutput() async throws {
        let cluster = try requirePostgres()
        let database = try cluster.createDatabase()
        let url = cluster.url(database: database)
        let (home, server, base) = try await standIn()
        defer { Task { await server.stop() } }
        let local = home + "/calls.sqlite"
        for n in 0..<3 {
            let sent = try runExocall(["send", "--base-url", base, "--db", local, "-"], environment: ["EXOLVE_API_KEY": key], home: home,
                                      stdin: requestText(client: "7959000010\(n)", description: "local \(n)"))
            XCTAssertEqual(sent.status, 0, sent.stderr)
        }
        let first = try runExocall(["log", "migrate", "--db", local, "--to", url], home: home)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("copied 3 of 3"), first.stdout)
        let second = try runExocall(["log", "migrate", "--db", local, "--to", url], home: home)
        XCTAssertTrue(second.stdout.contains("copied 0 of 3"), second.stdout)
        XCTAssertEqual(try cluster.sql("SELECT count(*) FROM call", database: database), "3", "running it twice copies nothing twice")
        let shown = try runExocall(["log", "--search", "local", "--db", url], home: home)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stderr.contains("3 of 3"), shown.stderr)
        for run in [first, second, shown] {
            XCTAssertFalse((run.stdout + run.stderr).contains(cluster.password), "the database password is never printed")
            XCTAssertTrue((run.stdout + run.stderr).contains("postgresql://postgres@127.0.0.1"), run.stdout + run.stderr)
        }
        let wrong = try runExocall(["log", "--db", cluster.url(database: database, password: "wrong-pw-7")], home: home)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("password authentication failed"), wrong.stderr)
        XCTAssertFalse(wrong.stderr.contains("wrong-pw-7"), wrong.stderr)
    }

    func testSendExitsFourWithNothingSentWhenTheTeamLogIsDown() async throws {
        _ = try requirePostgres()
        let (home, server, base) = try await standIn()
        defer { Task { await server.stop() } }
        let run = try runExocall(["send", "--base-url", base, "--db", "postgresql://anna:pw-down-9@127.0.0.1:1/calls?sslmode=disable", "-"],
                                 environment: ["EXOLVE_API_KEY": key], home: home, stdin: requestText(client: "79590000009", description: "d"))
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("nothing was sent"), run.stderr)
        XCTAssertFalse(run.stderr.contains("pw-down-9"), run.stderr)
        let received = await server.received.count
        XCTAssertEqual(received, 0)
    }

    private func eventuallyTrue(_ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }
}

/// Failures collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
