import Foundation
import TestPostgres
import XCTest

extension XCTestCase {
    /// The process's throwaway PostgreSQL cluster. Without PostgreSQL the test is
    /// skipped, saying why; under CI (`CI=true`) that is a failure instead, so a
    /// machine that lost PostgreSQL cannot pass by skipping.
    public func requirePostgres() throws -> PostgresCluster {
        do {
            return try PostgresCluster.shared()
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("PostgreSQL is required under CI: \(error)") }
            throw XCTSkip("PostgreSQL tests skipped: \(error)")
        }
    }
}
