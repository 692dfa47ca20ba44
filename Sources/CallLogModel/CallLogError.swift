import Localization

/// Why the call log could not be used, told with the file's path and what to do.
/// A `detail` is what SQLite, PostgreSQL or the system said (verbatim), or
/// exocall's own finding (from the catalog).
public enum CallLogError: Error, Equatable, Sendable, CustomStringConvertible, OperatorFacingError {
    /// The file is not a SQLite database, or is damaged.
    case corrupt(path: String, detail: Localized)
    /// The file was written by a newer exocall (unknown schema versions).
    case newerSchema(path: String)
    /// The file or its folder cannot be read or written.
    case inaccessible(path: String, detail: Localized)
    /// The SQLite library (`library`, a file name) could not be loaded; `reason` is the loader's message.
    case libraryMissing(path: String, library: String, reason: String)
    /// A write failed (disk full, locked for too long...).
    case writeFailed(path: String, detail: Localized)
    /// A query failed.
    case readFailed(path: String, detail: Localized)
    /// No entry has that id.
    case noSuchEntry(Int64)
    /// The team log's server cannot be reached or refused the connection.
    case unavailable(location: String, detail: Localized)
    /// The location is neither a path nor a PostgreSQL URL exocall can use.
    case badLocation(location: String, reason: Localized)

    /// The message for the operator, in English.
    public var description: String { text.text(.en) }

    /// The message for the operator, in either language.
    public var text: Localized {
        switch self {
        case .corrupt(let path, let detail): return .phrase(.logErrCorrupt, ["path": .verbatim(path), "detail": detail])
        case .newerSchema(let path): return .phrase(.logErrNewer, ["path": .verbatim(path)])
        case .inaccessible(let path, let detail): return .phrase(.logErrInaccessible, ["path": .verbatim(path), "detail": detail])
        case .libraryMissing(let path, let library, let reason):
            return .phrase(.logErrNoSQLite, ["path": .verbatim(path), "library": .verbatim(library), "reason": .verbatim(reason)])
        case .writeFailed(let path, let detail): return .phrase(.logErrWrite, ["path": .verbatim(path), "detail": detail])
        case .readFailed(let path, let detail): return .phrase(.logErrRead, ["path": .verbatim(path), "detail": detail])
        case .noSuchEntry(let id): return .phrase(.logErrNoEntry, ["id": "\(id)"])
        case .unavailable(let location, let detail): return .phrase(.logErrUnavailable, ["location": .verbatim(location), "detail": detail])
        case .badLocation(let location, let reason): return .phrase(.logErrBadLocation, ["location": .verbatim(location), "reason": reason])
        }
    }
}
