import CallbackCore
import CallLog
import Foundation
import GRDB
import XCTest

/// A log written by an earlier exocall opens, keeps its calls and gains the newer steps;
/// the steps keep the names earlier versions recorded, so their logs read as up to date.
final class SchemaUpgradeTests: XCTestCase {
    func testALogFromBeforeVersionTwoIsUpgradedInPlaceAndKeepsItsCalls() throws {
        let path = scratchDatabase(self)
        do {
            // What exocall wrote before version 2: GRDB's bookkeeping with v1's name, and one call.
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1: calls, outcome counts, search") { db in
                try db.execute(sql: """
                    CREATE TABLE call (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL, finished_at INTEGER,
                      mode TEXT NOT NULL CHECK (mode IN ('live', 'demo')), endpoint_host TEXT NOT NULL, request_json TEXT NOT NULL,
                      request_description TEXT, line_1_numbers TEXT NOT NULL, line_2_numbers TEXT NOT NULL, tts_text TEXT,
                      outcome TEXT NOT NULL CHECK (outcome IN ('sending', 'placed', 'rejected', 'not_sent', 'unknown')),
                      http_status INTEGER, call_id TEXT, message TEXT, raw_response TEXT, latency_ms INTEGER,
                      exocall_version TEXT NOT NULL, owner_pid INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE outcome_count (outcome TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE VIRTUAL TABLE call_search USING fts5 (numbers, numbers_reversed, description, call_id, tts_text,
                      content = '', tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO call (created_at, mode, endpoint_host, request_json, line_1_numbers, line_2_numbers, outcome, call_id, exocall_version)
                      VALUES (1790000000000, 'live', 'api.exolve.ru', '{}', '79990000001', '79990000002', 'placed', '1890000000000000001', 'old');
                    INSERT INTO outcome_count VALUES ('placed', 1);
                    """)
            }
            try migrator.migrate(queue)
        }
        let store = try SQLiteCallLog.open(path: path)
        let entries = try store.page(CallLogFilter(), after: nil, limit: 10)
        XCTAssertEqual(entries.map(\.callID), ["1890000000000000001"], "the old call is still there")
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        XCTAssertEqual(applied, ["v1: calls, outcome counts, search", "v2: operator, sender host, deadline, log id", "v3: call events",
                                 "v4: call events by time", "v5: notes and dispositions",
                                 "v6: call history", "v7: event sightings"])
        XCTAssertTrue(try queue.read { try $0.tableExists("call_event") }, "the events' table is added to an old log")
        let columns = try queue.read { try $0.columns(in: "call").map(\.name) }
        XCTAssertTrue(columns.contains("operator_name") && columns.contains("deadline_at"), "\(columns)")
    }
}
