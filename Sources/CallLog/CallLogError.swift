/// Why the call log could not be used, told with the file's path and what to do.
public enum CallLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a SQLite database, or is damaged.
    case corrupt(path: String, detail: String)
    /// The file was written by a newer exocall (unknown schema versions).
    case newerSchema(path: String)
    /// The file or its folder cannot be read or written.
    case inaccessible(path: String, detail: String)
    /// A write failed (disk full, locked for too long...).
    case writeFailed(path: String, detail: String)
    /// A query failed.
    case readFailed(path: String, detail: String)
    /// No entry has that id.
    case noSuchEntry(Int64)
    /// The team log's server cannot be reached or refused the connection.
    case unavailable(location: String, detail: String)
    /// The location is neither a path nor a PostgreSQL URL exocall can use.
    case badLocation(location: String, reason: String)

    /// The message for the operator.
    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "the call log \(path) is damaged or not a call log (\(detail)). exocall leaves it untouched. "
                + "Move it aside (mv \(path) \(path).damaged) to start a new log, or open it with sqlite3 to recover entries."
        case .newerSchema(let path):
            return "the call log \(path) was written by a newer exocall. exocall leaves it untouched; "
                + "upgrade exocall, or use another log with --db."
        case .inaccessible(let path, let detail):
            return "cannot open the call log \(path): \(detail). Check its permissions, or use another file with --db PATH."
        case .writeFailed(let path, let detail):
            return "cannot write to the call log \(path): \(detail)"
        case .readFailed(let path, let detail):
            return "cannot read the call log \(path): \(detail)"
        case .noSuchEntry(let id):
            return "no call log entry with id \(id)"
        case .unavailable(let location, let detail):
            return "the call log \(location) is unavailable (\(detail)). Nothing is sent while it is: "
                + "every call is written to the log before it leaves."
        case .badLocation(let location, let reason):
            return "the call log location \(location) cannot be used: \(reason)"
        }
    }
}
