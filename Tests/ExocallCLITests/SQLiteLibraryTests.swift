import ExolveStub
import Foundation
import XCTest

/// libsqlite3 is loaded with the first call log (issue #32), so a machine without it still
/// starts exocall, and a send that cannot be logged is not sent, with the reason.
final class SQLiteLibraryTests: XCTestCase {
    let key = "sqlite-library-key-5e1d"

    func testWithoutTheSQLiteLibraryNothingIsSentAndTheReasonIsNamed() async throws {
        // The library is hidden in a mount namespace of the run's own (/dev/null over its file).
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            throw XCTSkip("hiding libsqlite3 needs root and unshare (util-linux)")
        }
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let db = home + "/calls.sqlite"
        try exampleText().write(toFile: home + "/request.json", atomically: true, encoding: .utf8)
        func hidden(_ command: String) throws -> CLIRun {
            try runExocallShell("""
                exec unshare --mount sh -c 'mount --bind /dev/null "$(readlink -f "$(ls /usr/lib/*/libsqlite3.so.0 /lib/*/libsqlite3.so.0 2>/dev/null | head -1)")" && \(command)'
                """, environment: ["EXOLVE_API_KEY": key], home: home)
        }

        // With the library in place, the send is logged and placed (the log exists from here).
        let placed = try runExocall(["send", "--base-url", url, "--db", db, home + "/request.json"], environment: ["EXOLVE_API_KEY": key], home: home)
        XCTAssertEqual(placed.status, 0, placed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: db))

        let version = try hidden(#""$X" --version"#)
        XCTAssertEqual(version.status, 0, "exocall starts without SQLite: \(version.stderr)")
        let send = try hidden(#""$X" send --base-url "# + url + " --db " + db + " " + home + "/request.json")
        XCTAssertEqual(send.status, 4, "the log cannot record it: not sent. \(send.stderr)")
        XCTAssertTrue(send.stderr.contains("the SQLite library libsqlite3.so.0 could not be loaded"), send.stderr)
        XCTAssertTrue(send.stderr.contains("Install the package libsqlite3-0"), send.stderr)
        XCTAssertTrue(send.stderr.contains("nothing was sent"), send.stderr)
        let russian = try hidden(#""$X" log --lang ru --db "# + db)
        XCTAssertNotEqual(russian.status, 0)
        XCTAssertTrue(russian.stderr.contains("не загружается библиотека SQLite libsqlite3.so.0"), russian.stderr)
        let count = await server.received.count
        XCTAssertEqual(count, 1, "only the logged send reached the server")
    }
}
