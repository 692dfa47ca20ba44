import CallbackCore
import CallLog
import ExolveClient
import Foundation
import XCTest

/// `exocall log note` and `exocall log disposition`: written with who and when, refused with
/// the field, the rule and the value, shown by `log show`, `--disposition`, `--json`, exports.
final class AnnotationCLITests: XCTestCase {
    func seed(_ db: String) throws -> Int64 {
        let log = try SQLiteCallLog.open(path: db)
        let request = MakeCallbackRequest(requestDescription: "order-7", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79991112233")]))
        let id = try log.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", operatorName: "anna"))
        try log.complete(id: id, with: SendResult(outcome: .placed(callID: "77", requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 3), now: Date())
        return id
    }

    func testNotesAndDispositionsFromTheCommandLine() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let id = String(try seed(db))
        let first = try runExocall(["log", "note", id, "asked to call back\r\nafter 15:00", "--db", db, "--operator", "anna"], home: home)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("entry \(id): note saved (anna)"), first.stderr)
        let second = try runExocall(["log", "note", id, "-", "--db", db, "--operator", "boris"], home: home, stdin: "after 16:00 instead\n")
        XCTAssertEqual(second.status, 0, second.stderr)
        let marked = try runExocall(["log", "disposition", id, "Call Back Later", "--db", db, "--operator", "anna"], home: home)
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertTrue(marked.stderr.contains("disposition \"call back later\""), "spelled as the list spells it: \(marked.stderr)")

        let shown = try runExocall(["log", "show", id, "--db", db], home: home)
        XCTAssertTrue(shown.stdout.contains("after 16:00 instead  (edited by boris "), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("1 earlier"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("call back later  (edited by anna "), shown.stdout)
        XCTAssertTrue(shown.stdout.split(separator: "\n").contains { $0.hasPrefix("outcome") && $0.hasSuffix("placed") }, "the outcome is untouched")
        let json = try runExocall(["log", "show", id, "--db", db, "--json"], home: home)
        XCTAssertTrue(json.stdout.contains("\"annotations\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("asked to call back\\nafter 15:00"), "the first note, its line break kept: \(json.stdout)")

        let filtered = try runExocall(["log", "--db", db, "--disposition", "call back later", "--json"], home: home)
        XCTAssertEqual(filtered.stdout.split(separator: "\n").count, 1, filtered.stdout)
        XCTAssertTrue(filtered.stdout.contains(#""disposition":{"text":"call back later","by":"anna""#), filtered.stdout)
        let nothing = try runExocall(["log", "--db", db, "--disposition", "reached"], home: home)
        XCTAssertTrue(nothing.stderr.contains("no entries match"), nothing.stderr)
        let table = try runExocall(["log", "--db", db], home: home)
        XCTAssertTrue(table.stdout.contains("DISPOSITION") && table.stdout.contains("call back later ✎"), table.stdout)
        let csv = try runExocall(["log", "export", "--format", "csv", "--db", db], home: home)
        XCTAssertTrue(csv.stdout.hasPrefix("id,created_at"), csv.stdout)
        XCTAssertTrue(csv.stdout.contains("disposition,note,note_by,note_at"), csv.stdout)
        XCTAssertTrue(csv.stdout.contains("call back later,after 16:00 instead,boris,"), csv.stdout)
        let searched = try runExocall(["log", "--db", db, "--search", "16"], home: home)
        XCTAssertTrue(searched.stdout.contains("order-7"), "a note's words are searched: \(searched.stdout)")
    }

    func testWhatIsRefusedIsNamedAndNothingIsWritten() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let id = String(try seed(db))
        let unknown = try runExocall(["log", "disposition", id, "maybe", "--db", db], home: home)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("\"maybe\" is not one of the dispositions: reached, call back later, wrong number, not interested"), unknown.stderr)
        let long = try runExocall(["log", "note", id, String(repeating: "я", count: 2001), "--db", db], home: home)
        XCTAssertEqual(long.status, 2)
        XCTAssertTrue(long.stderr.contains("the note is 2001 characters; at most 2000"), long.stderr)
        let control = try runExocall(["log", "note", id, "bell\u{07}here", "--db", db], home: home)
        XCTAssertEqual(control.status, 2)
        XCTAssertTrue(control.stderr.contains("holds a control character (U+7)"), control.stderr)
        let missing = try runExocall(["log", "note", "424242", "hello", "--db", db], home: home)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("424242"), missing.stderr)
        let shown = try runExocall(["log", "show", id, "--db", db, "--json"], home: home)
        XCTAssertTrue(shown.stdout.contains("\"annotations\" : [\n\n  ]") || shown.stdout.contains("\"annotations\" : []") || shown.stdout.contains("\"annotations\": []"),
                      "nothing written: \(shown.stdout)")
        // The team's own list, in config.toml.
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "dispositions = [\"sold\", \"no budget\"]\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let team = try runExocall(["log", "disposition", id, "reached", "--db", db], home: home)
        XCTAssertTrue(team.stderr.contains("not one of the dispositions: sold, no budget"), team.stderr)
        try "dispositions = \"sold\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let bad = try runExocall(["config", "check"], home: home)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue((bad.stdout + bad.stderr).contains("dispositions"), bad.stdout + bad.stderr)
    }
}
