import Foundation
import GRDB

/// Tells whether any connection (this process's or another's) has committed
/// to the call log since the last look, through SQLite's `PRAGMA data_version`
/// on a connection of its own that never writes. One cheap query per look.
public final class CallLogChangeWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var last: Int64?

    /// Opens a read-only connection on the log at `path`.
    public init(path: String) throws(CallLogError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(SQLiteCallLog.busyTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw .inaccessible(path: path, detail: "\(error)")
        }
    }

    /// Whether the log changed since the previous call (false on the first call).
    /// Not thread-safe: one watcher belongs to one task.
    public func changed() throws(CallLogError) -> Bool {
        let version: Int64
        do {
            version = try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw .inaccessible(path: queue.path, detail: "\(error)")
        }
        defer { last = version }
        return last != nil && last != version
    }
}
