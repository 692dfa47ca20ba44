import CallLog
import CallLogPostgres
import Foundation
import GRDB
import PostgresTestSupport
import TestPostgres
import XCTest

/// The call log backends the contract runs against: SQLite always, PostgreSQL
/// when a server can be started here (a throwaway cluster, shared by the process).
enum Backend: String, CaseIterable {
    case sqlite
    case postgres

    /// The backends available here.
    static var available: [Backend] {
        (try? PostgresCluster.shared()) == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A new, empty log location of this backend (removed or dropped with the test).
    func location(_ test: XCTestCase) throws -> String {
        switch self {
        case .sqlite:
            return scratchDatabase(test)
        case .postgres:
            let cluster = try test.requirePostgres()
            let name = try cluster.createDatabase()
            test.addTeardownBlock { _ = try? cluster.sql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            return cluster.url(database: name)
        }
    }

    /// Runs `sql` on the log at `location` directly, past exocall (a row as an older exocall wrote it).
    func execute(_ sql: String, at location: String) throws {
        switch self {
        case .sqlite:
            try DatabaseQueue(path: location).write { try $0.execute(sql: sql) }
        case .postgres:
            let name = location.split(separator: "/").last.map { String($0.split(separator: "?")[0]) } ?? ""
            _ = try PostgresCluster.shared().sql(sql, database: name)
        }
    }

    /// A new, empty log of this backend, opened for writing.
    func open(_ test: XCTestCase) async throws -> (any CallLogStore, String) {
        let location = try location(test)
        return (try await CallLogOpener.open(location), location)
    }
}

extension XCTestCase {
    /// Runs `body` once per available backend, naming the backend in any failure.
    func forEachBackend(_ body: (Backend) async throws -> Void) async throws {
        for backend in Backend.available {
            do {
                try await body(backend)
            } catch {
                XCTFail("\(backend): \(error)")
            }
        }
    }
}

/// Waits until `condition` holds or `timeout` passes.
func eventually(_ timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
