import CallbackCore
import CallLog
import CallLogPostgres
import ExolveStub
import Foundation
import HostileHTTP
import PostgresTestSupport
import XCTest

/// Issue #27 through the real binary: planted rows, configs that are not what
/// they seem, keys with hidden characters, output cut short by a full disk, and
/// an outcome that outlives the team log's outage.
final class HardeningRound3CLITests: XCTestCase {
    /// Runs `command` in sh (for redirections and limits) with exocall as "$X".
    func shell(_ command: String, environment: [String: String] = [:], home: String) throws -> CLIRun {
        try runExocallShell(command, environment: environment, home: home)
    }

    /// A SQLite log with a planted row (created_at and finished_at at Int64.min) and a good one.
    func plantedLog(_ home: String) async throws -> String {
        let path = home + "/calls.sqlite"
        let store = try SQLiteCallLog.open(path: path)
        var good = CallLogEntry(request: try sampleRequest(), mode: .demo, endpointHost: "127.0.0.1:1",
                                now: Date(timeIntervalSince1970: 1_764_000_000))
        good.outcome = .placed
        good.callID = "1592485880698592018"
        var bad = good
        bad.createdAt = .min
        bad.finishedAt = .min
        bad.deadlineAt = .max
        bad.callID = String(repeating: "9", count: 100_000)
        bad.line1Numbers = String(repeating: "7", count: 100_000)
        try store.bulkInsert([bad, good])
        await store.close()
        return path
    }

    func sampleRequest() throws -> MakeCallbackRequest { try XCTUnwrap(RequestValidator.validate(try JSONParser.parse(exampleText())).request) }

    func testOnePlantedRowStopsNoReaderAndNoExport() async throws {
        let home = scratchFolder(self)
        let db = try await plantedLog(home)
        let list = try runExocall(["log", "--db", db], home: home)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("invalid time"), list.stdout)
        XCTAssertTrue(list.stdout.split(separator: "\n").allSatisfy { $0.count < 400 }, "a 100,000-character call_id made every row 100 KB")
        XCTAssertTrue(list.stdout.contains("1592485880698592018"), "the good row is listed too")
        let json = try runExocall(["log", "--json", "--db", db], home: home)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"created_at\":\"invalid (-9223372036854775808)\""), String(json.stdout.prefix(300)))
        for id in ["1", "2"] {
            let show = try runExocall(["log", "show", id, "--db", db], home: home)
            XCTAssertEqual(show.status, 0, show.stderr)
        }
        let out = home + "/export.jsonl"
        let export = try runExocall(["log", "export", "--output", out, "--db", db], home: home)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count, 2)
        let ru = try runExocall(["log", "--db", db, "--lang", "ru"], home: home)
        XCTAssertTrue(ru.stdout.contains("неверное время"), ru.stdout)
    }

    func testADanglingOrLoopingConfigLinkIsAnErrorNotNoConfig() throws {
        let home = scratchFolder(self)
        let config = home + "/config.toml"
        try FileManager.default.createSymbolicLink(atPath: config, withDestinationPath: home + "/team.toml")
        let check = try runExocall(["config", "check"], environment: ["EXOCALL_CONFIG": config], home: home)
        XCTAssertEqual(check.status, 2, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("team.toml, which does not exist"), check.stdout)
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")]) }
        defer { server.stop() }
        let send = try runExocall(["send", "--base-url", server.url, "--no-log", "-"],
                                  environment: ["EXOCALL_CONFIG": config, "EXOLVE_API_KEY": "k"], home: home, stdin: exampleText())
        XCTAssertEqual(send.status, 1, "a config that is there but unreadable stops the send: " + send.stderr)
        XCTAssertTrue(send.stderr.contains("which does not exist"), send.stderr)
        XCTAssertEqual(server.requestCount, 0, "nothing went out without the team's settings")
        let loop = home + "/loop.toml"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let looping = try runExocall(["config", "check", "--file", loop], home: home)
        XCTAssertEqual(looping.status, 2)
        XCTAssertTrue(looping.stdout.contains("loop"), looping.stdout)
        let folder = try runExocall(["config", "check", "--file", home], home: home)
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stdout.contains("not a regular file"), folder.stdout)
        // A FIFO is never opened for reading (it would block for ever).
        let fifo = home + "/fifo.toml"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let piped = try runExocall(["config", "check", "--file", fifo], home: home)
        XCTAssertEqual(piped.status, 2, piped.stdout)
        let theme = try runExocall(["themes", "check", fifo], home: home)
        XCTAssertEqual(theme.status, 2, theme.stdout + theme.stderr)
    }

    func testTOMLNestedThirtyThousandDeepIsRefusedBeforeTheParser() throws {
        let home = scratchFolder(self)
        let path = home + "/deep.toml"
        try ("[" + Array(repeating: "a", count: 30_000).joined(separator: ".") + "]\nx = 1\n").write(toFile: path, atomically: true, encoding: .utf8)
        let check = try runExocall(["config", "check", "--file", path], home: home)
        XCTAssertEqual(check.status, 2, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("nested more than 32 deep"), check.stdout)
        let theme = try runExocall(["themes", "check", path], home: home)
        XCTAssertEqual(theme.status, 2, theme.stdout + theme.stderr)
        XCTAssertTrue(theme.stdout.contains("nested more than 32 deep"), theme.stdout)
        let send = try runExocall(["validate", "-"], environment: ["EXOCALL_CONFIG": path], home: home, stdin: exampleText())
        XCTAssertNotEqual(send.status, 139, "no segfault in a command that reads the config")
    }

    func testTenThousandUnknownKeysAreCheckedInLinearTime() throws {
        let home = scratchFolder(self)
        let path = home + "/many.toml"
        try (0..<4_000).map { "unknown_\($0) = \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        let check = try runExocall(["config", "check", "--file", path], home: home)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "2,000 keys took 20 s")
        XCTAssertEqual(check.status, 2)
        XCTAssertEqual(check.stdout.split(separator: "\n").count, 4_000, "each unknown key named, with its line")
        XCTAssertTrue(check.stdout.contains("many.toml: line 4000: unknown_3999"), String(check.stdout.suffix(300)))
        try (0..<10_000).map { "unknown_\($0) = \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let many = try runExocall(["config", "check", "--file", path], home: home)
        XCTAssertEqual(many.status, 2)
        XCTAssertTrue(many.stdout.contains("more than 4096 keys"), many.stdout)
        let themeStart = Date()
        let themePath = home + "/roles.toml"
        try ("[roles]\n" + (0..<4_000).map { "role_\($0) = { fg = \"red\" }" }.joined(separator: "\n")).write(toFile: themePath, atomically: true, encoding: .utf8)
        let theme = try runExocall(["themes", "check", themePath], home: home)
        XCTAssertEqual(theme.status, 2)
        XCTAssertLessThan(Date().timeIntervalSince(themeStart), 10, "10,000 roles took 331 s")
    }

    func testAKeyWithANULAnInvisibleOrAReplacementCharacterIsRefused() throws {
        let home = scratchFolder(self)
        let config = home + "/config.toml"
        try #"api_key = "abc\u0000def""#.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let check = try runExocall(["config", "check"], environment: ["EXOCALL_CONFIG": config], home: home)
        XCTAssertEqual(check.status, 2, check.stdout)
        XCTAssertTrue(check.stdout.contains("NUL"), check.stdout)
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")]) }
        defer { server.stop() }
        let nul = try runExocall(["send", "--base-url", server.url, "--no-log", "-"], environment: ["EXOCALL_CONFIG": config], home: home, stdin: exampleText())
        XCTAssertEqual(nul.status, 1, nul.stderr)
        for (key, words) in [("\u{FFFD}\u{FFFD}", "not UTF-8"), ("abc\u{202E}def", "invisible character U+202E"), ("ключ", "non-ASCII")] {
            let run = try runExocall(["send", "--base-url", server.url, "--no-log", "-"], environment: ["EXOLVE_API_KEY": key], home: home, stdin: exampleText())
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(words), run.stderr)
        }
        XCTAssertEqual(server.requestCount, 0, "no key that is not what it looks like was sent")
    }

    func testAFullDiskIsAnErrorWithItsNameNeverATruncatedSuccess() async throws {
        let home = scratchFolder(self)
        let db = try await plantedLog(home)
        for command in ["\"$X\" log --json --db \(db) > /dev/full", "\"$X\" log request 2 --db \(db) > /dev/full",
                        "\"$X\" log --db \(db) > /dev/full", "\"$X\" log export --db \(db) > /dev/full"] {
            let run = try shell(command, home: home)
            XCTAssertNotEqual(run.status, 0, command)
            XCTAssertTrue(run.stderr.contains("No space left on device"), command + ": " + run.stderr)
        }
        // A file that cannot grow (a full disk, a size limit) leaves no partial export behind.
        let out = home + "/partial.jsonl"
        let big = home + "/big.sqlite"
        let store = try SQLiteCallLog.open(path: big)
        var entry = CallLogEntry(request: try sampleRequest(), mode: .demo, endpointHost: "h", now: Date(timeIntervalSince1970: 1_764_000_000))
        entry.outcome = .placed
        try store.bulkInsert(Array(repeating: entry, count: 400))
        await store.close()
        let limited = try shell("ulimit -f 64; \"$X\" log export --output \(out) --db \(big)", home: home)
        XCTAssertEqual(limited.status, 1, limited.stderr)
        XCTAssertTrue(limited.stderr.contains("incomplete"), limited.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "the partial file is removed")
        let again = try runExocall(["log", "export", "--output", out, "--db", big], home: home)
        XCTAssertEqual(again.status, 0, "the retry is not refused by a leftover: " + again.stderr)
    }

    func testAnOutcomeTheTeamLogCouldNotTakeIsKeptAndWrittenByTheNextCommand() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "outage-key")
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let text = exampleText(description: "stub:slow=4")
        let process = Process()
        process.executableURL = exocallBinary
        process.arguments = ["send", "--base-url", base, "--db", url, "-"]
        process.environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
                               "EXOLVE_API_KEY": "outage-key", "LANG": "C.UTF-8"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        // The request is at Exolve: the team log goes down before the answer comes back.
        let deadline = Date().addingTimeInterval(20)
        while await server.received.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let reached = await !server.received.isEmpty
        XCTAssertTrue(reached, "the request reached the stand-in")
        try cluster.stopServer()
        var restarted = false
        defer { if !restarted { try? cluster.startServer() } }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "placed: " + stderr)
        let callID = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(stderr.contains("the call WAS placed (call_id \(callID))"), stderr)
        XCTAssertTrue(stderr.contains("kept on this machine"), stderr)
        XCTAssertFalse(stderr.contains("Nothing is sent while it is"), "not after a call was placed: " + stderr)
        try cluster.startServer()
        restarted = true
        // The next command that opens the log writes the kept outcome.
        let list = try runExocall(["log", "--json", "--db", url], home: home)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("\"outcome\":\"placed\""), list.stdout)
        XCTAssertTrue(list.stdout.contains("\"call_id\":\"\(callID)\""), list.stdout)
        let folder = home + "/data/exocall/pending-outcomes"
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }, [],
                       "nothing is left waiting")
    }

    func testStandardOutputAndErrorKeepTheOrderTheyWereWrittenIn() async throws {
        let home = scratchFolder(self)
        let db = try await plantedLog(home)
        // Both to one pipe, as a terminal shows them: the table, then the count under it.
        let run = try shell("\"$X\" log --db \(db) 2>&1", home: home)
        XCTAssertEqual(run.status, 0)
        let table = try XCTUnwrap(run.stdout.range(of: "1592485880698592018"), run.stdout)
        let count = try XCTUnwrap(run.stdout.range(of: "of 2 matching entries"), run.stdout)
        XCTAssertLessThan(table.lowerBound, count.lowerBound, "the count came before the table: \(run.stdout)")
    }

    func testAFIFOAsTheLogIsRefusedNotWaitedOnForEver() throws {
        let home = scratchFolder(self)
        let fifo = home + "/calls.sqlite"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let start = Date()
        let run = try runExocall(["log", "--db", fifo], home: home)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "it hung")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("not a regular file"), run.stderr)
    }

    func testAMissingPasswordIsSaidInWordsNotTheDriversName() throws {
        let cluster = try requirePostgres()
        let home = scratchFolder(self)
        let url = cluster.url(database: try cluster.createDatabase(), withPassword: false)
        let bare = try runExocall(["log", "--db", url], environment: ["PGPASSFILE": home + "/none"], home: home)
        XCTAssertEqual(bare.status, 1, bare.stderr)
        XCTAssertTrue(bare.stderr.contains("asks for a password and none was given"), bare.stderr)
        XCTAssertFalse(bare.stderr.contains("authMechanism"), bare.stderr)
        let loose = home + "/.pgpass"
        try "*:*:*:*:\(cluster.password)\n".write(toFile: loose, atomically: true, encoding: .utf8)
        chmod(loose, 0o644)
        let ignored = try runExocall(["log", "--db", url], home: home)
        XCTAssertTrue(ignored.stderr.contains("chmod 600 \(loose)"), ignored.stderr)
        XCTAssertFalse(ignored.stderr.contains(cluster.password))
    }
}
