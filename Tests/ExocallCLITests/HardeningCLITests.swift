import Foundation
import HostileHTTP
import XCTest

/// The CLI against hostile servers, text, config and input.
final class HardeningCLITests: XCTestCase {
    func assertNoControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        XCTAssertNil(bad, "\(what) printed a raw control character: \(text.debugDescription)", file: file, line: line)
    }

    func testServerTextAndStoredFieldsAreShownNeverObeyed() throws {
        let home = scratchFolder(self)
        let message = #"{"code":3,"message":"bad \u001b]0;TITLE\u0007 request\r\nplaced"}"#
        let server = try HostileServer {
            AnySequence([.text("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: \(message.utf8.count)\r\n\r\n\(message)")])
        }
        defer { server.stop() }
        // In the request file, JSON escapes: the description holds the raw control characters.
        let request = exampleText(description: #"desc\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u001b]0;TITLE\u0007\rplaced"#)
        let sent = try runExocall(["send", "--base-url", server.url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home, stdin: request)
        XCTAssertEqual(sent.status, 3)
        assertNoControls(sent.stdout + sent.stderr, "send")
        XCTAssertTrue(sent.stderr.contains("\\e]0;TITLE\\u0007"), sent.stderr)
        let log = try runExocall(["log"], home: home)
        assertNoControls(log.stdout + log.stderr, "log")
        XCTAssertTrue(log.stdout.contains("desc\\e]52;c;"), log.stdout)
        let show = try runExocall(["log", "show", "1"], home: home)
        assertNoControls(show.stdout + show.stderr, "log show")
        XCTAssertTrue(show.stdout.contains("\\rplaced"), "a CR cannot make the line read as placed: \(show.stdout)")
        let csv = try runExocall(["log", "export", "--format", "csv"], home: home)
        assertNoControls(csv.stdout.replacingOccurrences(of: "\r\n", with: "\n"), "log export csv")
        let json = try runExocall(["log", "--json"], home: home)
        XCTAssertTrue(json.stdout.contains(#"desc\u001B]52;c;cHduZWQ=\u0007"#), "--json stays exact JSON: \(json.stdout)")
    }

    func testAnUnknownFieldNameCannotRenameTheWindow() throws {
        let home = scratchFolder(self)
        let text = exampleText().replacingOccurrences(of: #""number_code""#, with: #""\u001b]0;pwned\u0007":1,"number_code""#)
        let run = try runExocall(["validate", "-"], home: home, stdin: text)
        XCTAssertEqual(run.status, 2)
        assertNoControls(run.stdout + run.stderr, "validate")
        XCTAssertTrue(run.stdout.contains("\\e]0;pwned\\u0007"), run.stdout)
    }

    func testAnOptionsValueOrAnUnknownOptionIsRepeatedEscaped() throws {
        // The argument parser repeats what was typed; it used to reach the terminal raw.
        let home = scratchFolder(self)
        for arguments in [["log", "--since", "\u{1b}]0;pwned\u{07}"], ["send", "--repeat-window", "\u{1b}[2J", "x"], ["--\u{1b}[2J"]] {
            let run = try runExocall(arguments, home: home)
            XCTAssertNotEqual(run.status, 0)
            assertNoControls(run.stdout + run.stderr, arguments.joined(separator: " "))
            XCTAssertTrue(run.stderr.contains("\\e"), run.stderr)
        }
    }

    func testCSVCellsCannotRunAsFormulas() throws {
        let home = scratchFolder(self)
        let server = try HostileServer {
            AnySequence([.text("HTTP/1.1 504 Gateway Timeout\r\nContent-Length: 0\r\n\r\n")])
        }
        defer { server.stop() }
        _ = try runExocall(["send", "--base-url", server.url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home,
                           stdin: exampleText(description: "=HYPERLINK(1)"))
        let csv = try runExocall(["log", "export", "--format", "csv"], home: home)
        XCTAssertTrue(csv.stdout.contains(",'=HYPERLINK(1),"), csv.stdout)
    }

    func testAHostileKeyVariableNameIsRefusedAndNeverReachesTheShell() throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try #"""
        default_profile = "evil"
        [profiles.evil]
        api_key_env = 'X"; touch pwned; echo "'
        """#.write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let check = try runExocall(["config", "check"], home: home)
        XCTAssertNotEqual(check.status, 0)
        XCTAssertTrue(check.stdout.contains("api_key_env: must be a plain variable name"), check.stdout)
        let curl = try runExocall(["curl", "-"], home: home, stdin: exampleText())
        XCTAssertFalse(curl.stdout.contains("touch pwned"), curl.stdout)
        XCTAssertEqual(curl.status, 1, curl.stderr)
    }

    func testAKeyWithALineBreakIsAConfigurationErrorAndNothingIsSent() throws {
        let home = scratchFolder(self)
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")]) }
        defer { server.stop() }
        let run = try runExocall(["send", "--base-url", server.url, "-"], environment: ["EXOLVE_API_KEY": "abc\r\nX-Evil: 1"],
                                 home: home, stdin: exampleText())
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("contains a carriage return (CR)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("abc"), "the key is never quoted")
        XCTAssertEqual(server.requestCount, 0, "nothing was sent unauthenticated")
    }

    func testAKeyFileLinkIsJudgedByItsTargetAndRefusedInAFolderOthersCanWrite() throws {
        let home = scratchFolder(self)
        let config = home + "/config/exocall"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let key = home + "/secret.key"
        try "k\n".write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o644)
        let shared = home + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        try FileManager.default.createSymbolicLink(atPath: shared + "/key", withDestinationPath: key)
        try FileManager.default.createSymbolicLink(atPath: config + "/key", withDestinationPath: key)
        try "api_key_file = \"key\"\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let loose = try runExocall(["send", "-"], home: home, stdin: exampleText())
        XCTAssertEqual(loose.status, 1)
        XCTAssertTrue(loose.stderr.contains("chmod 600 \(key)"), "the advice names the file to fix: \(loose.stderr)")
        chmod(key, 0o600)
        try "api_key_file = \"\(shared)/key\"\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let redirectable = try runExocall(["send", "-"], home: home, stdin: exampleText())
        XCTAssertEqual(redirectable.status, 1)
        XCTAssertTrue(redirectable.stderr.contains("a folder others can write to"), redirectable.stderr)
    }

    func testOversizedInputIsRefusedNotRead() throws {
        let home = scratchFolder(self)
        let big = home + "/big.json"
        FileManager.default.createFile(atPath: big, contents: nil)
        let handle = FileHandle(forWritingAtPath: big)!
        try handle.truncate(atOffset: 17 << 20)
        try handle.close()
        let run = try runExocall(["validate", big], home: home)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("larger than 16 MiB"), run.stderr)
    }

    func testUsageErrorsExit1() throws {
        let run = try runExocall(["send", "--no-such-flag"], home: scratchFolder(self))
        XCTAssertEqual(run.status, 1, run.stderr)
        let bad = try runExocall(["log", "--limit", "many"], home: scratchFolder(self))
        XCTAssertEqual(bad.status, 1, bad.stderr)
    }

    func testALogOwnedByAnotherUserIsReadable() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            throw XCTSkip("needs root and runuser to read as another user")
        }
        let home = scratchFolder(self)
        let folder = NSTemporaryDirectory() + "exocall-ro-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 504 Gateway Timeout\r\nContent-Length: 0\r\n\r\n")]) }
        defer { server.stop() }
        let db = folder + "/calls.sqlite"
        _ = try runExocall(["send", "--db", db, "--base-url", server.url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home, stdin: exampleText())
        chmod(folder, 0o755)
        chmod(db, 0o644)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", exocallBinary.path, "log", "--db", db]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("unknown"), text)
    }
}
