/// Tells whether any connection (this process's or another's) has committed
/// to the call log since the last look, through SQLite's `PRAGMA data_version`
/// on a connection of its own that never writes. One cheap query per look.
public final class CallLogChangeWatcher: @unchecked Sendable {
    private let connection: SQLiteConnection
    private var last: Int64?

    /// Opens a read-only connection on the log at `path`.
    public init(path: String) throws(CallLogError) {
        do {
            connection = try SQLiteConnection(path: path, readOnly: true, busyTimeout: SQLiteCallLog.busyTimeout)
        } catch {
            throw .inaccessible(path: path, detail: "\(error)")
        }
    }

    /// Whether the log changed since the previous call (false on the first call).
    /// Not thread-safe: one watcher belongs to one task.
    public func changed() throws(CallLogError) -> Bool {
        let version: Int64
        do {
            version = try connection.scalar("PRAGMA data_version")?.int64 ?? 0
        } catch {
            throw .inaccessible(path: connection.path, detail: "\(error)")
        }
        defer { last = version }
        return last != nil && last != version
    }
}
