import CallEvents
import CallbackCore
import ExolveClient
import FoundationEssentials
import Localization
import ProcessEnvironment
#if canImport(Glibc)
import Glibc
#endif

/// The call log in one operator's SQLite file (WAL, busy timeout, versioned
/// schema): the default backend of `CallLogStore`.
///
/// It refuses to touch a file it does not understand: a damaged file, a file
/// that is not a call log, or one from a newer exocall is reported, never
/// migrated, truncated or replaced.
public final class SQLiteCallLog: CallLogStore {
    /// The file's path.
    public let path: String
    /// The file's path, as messages name the log.
    public var location: String { path }
    /// Whether this store was opened for reading only.
    public let isReadOnly: Bool
    /// The connection that writes (none when opened for reading), and the one that
    /// reads: in WAL mode a read never waits for a write.
    private let writer: SQLiteAccess?
    private let reader: SQLiteAccess

    private init(path: String, writer: SQLiteAccess?, reader: SQLiteAccess) {
        self.path = path
        self.isReadOnly = writer == nil
        self.writer = writer
        self.reader = reader
    }

    /// How long a writer waits for another process's transaction before failing, in seconds.
    public static let busyTimeout: Double = 10

    /// Opens (creating if needed) the log for writing, migrating it to the
    /// current schema, and marks sends left in flight by dead processes as interrupted.
    public static func open(path: String) throws(CallLogError) -> SQLiteCallLog {
        try requireRegularFile(path)
        let folder = FilePath.parent(of: path)
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .inaccessible(path: path, detail: .phrase(.logErrNoFolder, ["folder": .verbatim(folder)]))
            }
        }
        // Processes opening the log at once take turns here: the migration reads
        // which steps ran before it takes the write lock, so two first runs
        // would both create the schema. The lock is an flock on the log's folder,
        // never on the database file: closing any descriptor of the database file
        // would cancel the POSIX locks SQLite holds on it in this process.
        let lockFD = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lockFD >= 0 else { throw .inaccessible(path: path, detail: .verbatim(String(cString: strerror(errno)))) }
        defer { Glibc.close(lockFD) }
        flock(lockFD, LOCK_EX)
        defer { flock(lockFD, LOCK_UN) }

        // Inspect an existing file through a read-only connection first: opening the
        // writer switches the file to WAL, and a file that is not ours must stay untouched.
        var info = stat()
        if stat(path, &info) == 0, info.st_size > 0 {
            do {
                let db = try SQLiteConnection(path: path, readOnly: true, busyTimeout: busyTimeout)
                try db.transaction(immediate: false) {
                    try checkSchema(db, path: path, requireCallTable: false)
                    // Opening the writer writes (it switches the file to WAL): touch
                    // what every start uses first (the search index, the newest rows), so
                    // a damaged log is reported before anything writes to it.
                    if try db.tableExists("call_search") {
                        _ = try db.scalar("SELECT count(*) FROM call_search WHERE call_search MATCH 'x'")
                        _ = try db.column("SELECT id FROM call ORDER BY created_at DESC, id DESC LIMIT 100")
                    }
                    // About to be migrated: make sure the whole file is sound first.
                    if try CallLogSchema.decision(db) != .upToDate,
                       let verdict = try db.scalar("PRAGMA quick_check(1)")?.text, verdict != "ok" {
                        throw CallLogError.corrupt(path: path, detail: .verbatim(verdict))
                    }
                }
            } catch {
                throw classify(error, path: path, reading: true)
            }
        }
        let writer: SQLiteConnection
        let reader: SQLiteConnection
        do {
            writer = try SQLiteConnection(path: path, readOnly: false, busyTimeout: busyTimeout)
            guard try writer.scalar("PRAGMA journal_mode = WAL")?.text == "wal" else {
                throw CallLogError.writeFailed(path: path, detail: .verbatim("could not switch to WAL mode"))
            }
            // SQLite's advice for WAL: a commit survives the process at once, a power loss
            // at the next checkpoint (as the log always ran).
            try writer.execute("PRAGMA synchronous = NORMAL")
            try CallLogSchema.migrate(writer)
            reader = try SQLiteConnection(path: path, readOnly: false, busyTimeout: busyTimeout)
            try reader.execute("PRAGMA query_only = 1")
        } catch {
            throw classify(error, path: path)
        }
        let store = SQLiteCallLog(path: path, writer: SQLiteAccess(writer), reader: SQLiteAccess(reader))
        try store.sweepInterrupted()
        return store
    }

    /// A path as it goes in a `file:` URI (`%`, `?` and `#` escaped).
    static func uriEscaped(_ path: String) -> String {
        path.replacing("%", with: "%25").replacing("?", with: "%3f").replacing("#", with: "%23")
    }

    /// Refuses a path that holds something other than a file: SQLite would open a FIFO
    /// and wait for a writer for ever (`exocall log --db FIFO` hung).
    static func requireRegularFile(_ path: String) throws(CallLogError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return } // nothing there yet: it will be created
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .inaccessible(path: path, detail: .phrase(.logErrNotAFile)) }
    }

    /// Opens an existing log for reading only (it works on a read-only file);
    /// nil when there is no file yet.
    public static func openForReading(path: String) throws(CallLogError) -> SQLiteCallLog? {
        guard access(path, F_OK) == 0 else { return nil }
        try requireRegularFile(path)
        do {
            let db = try SQLiteConnection(path: path, readOnly: true, busyTimeout: busyTimeout)
            try db.transaction(immediate: false) { try checkSchema(db, path: path, requireCallTable: true) }
            return SQLiteCallLog(path: path, writer: nil, reader: SQLiteAccess(db))
        } catch let error as CallLogError {
            throw error
        } catch let first {
            // A log others own, or on a full disk: SQLite's WAL mode needs to create its
            // -shm file even to read. Read the file as it stands instead (immutable: no
            // locks, no side files); it cannot be written through this connection anyway.
            do {
                let db = try SQLiteConnection(path: "file:" + Self.uriEscaped(path) + "?immutable=1", readOnly: true, uri: true,
                                              busyTimeout: busyTimeout)
                try db.transaction(immediate: false) { try checkSchema(db, path: path, requireCallTable: true) }
                return SQLiteCallLog(path: path, writer: nil, reader: SQLiteAccess(db))
            } catch let error as CallLogError {
                throw error
            } catch {
                throw classify(first, path: path)
            }
        }
    }

    /// Refuses a database from a newer exocall, or one that is not a call log.
    private static func checkSchema(_ db: SQLiteConnection, path: String, requireCallTable: Bool) throws {
        if try CallLogSchema.decision(db) == .newer { throw CallLogError.newerSchema(path: path) }
        let tables = try db.column("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").compactMap(\.text)
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw CallLogError.corrupt(path: path, detail: .phrase(.logErrNotExocall))
        }
        if requireCallTable, !tables.contains("call") {
            throw CallLogError.corrupt(path: path, detail: .phrase(.logErrNoCallTable))
        }
    }

    private static func classify(_ error: any Error, path: String, reading: Bool = false) -> CallLogError {
        if let error = error as? CallLogError { return error }
        guard let error = error as? SQLiteError else { return .inaccessible(path: path, detail: "\(error)") }
        if error.libraryMissing { return .libraryMissing(path: path, library: SQLiteError.libraryFile, reason: error.message) }
        switch error.code {
        case SQLiteError.notADatabase, SQLiteError.corrupt:
            return .corrupt(path: path, detail: .verbatim(error.message))
        case SQLiteError.cannotOpen, SQLiteError.permission, SQLiteError.readOnly, SQLiteError.authorization:
            return .inaccessible(path: path, detail: .verbatim(error.message))
        default:
            let detail = Localized.verbatim(error.message)
            return reading ? .readFailed(path: path, detail: detail) : .writeFailed(path: path, detail: detail)
        }
    }

    // MARK: - Writing

    /// Runs a log write in an immediate transaction (the write lock before the first
    /// read, so what was read, such as the repeat guard's look at recent attempts,
    /// still holds at the insert), trying again (up to 5 times, 20 ms apart) when
    /// another process held the database past the busy timeout. Only the log write is
    /// repeated, never a request: this runs before or after the send.
    private func writeRetrying<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        // A store opened for reading has no writer: its reader refuses the write.
        let access = writer ?? reader
        var attempt = 0
        while true {
            do {
                return try access.use { db in try db.transaction(immediate: true) { try body(db) } }
            } catch let error as SQLiteError where attempt < 4 && error.isBusy {
                attempt += 1
                usleep(20_000)
            }
        }
    }

    /// Runs reads in one transaction, so they see one state of the log.
    private func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try reader.use { db in try db.transaction(immediate: false) { try body(db) } }
    }

    /// Writes a `sending` entry and returns its id. Call before the request leaves:
    /// if this throws, the request must not be sent.
    public func begin(_ entry: CallLogEntry) throws(CallLogError) -> Int64 {
        do {
            return try writeRetrying { db in
                // A fresh copy per attempt: a rolled-back insert must not leave its id behind.
                var row = entry
                row.id = nil
                row.outcome = .sending
                try row.insert(db)
                try Self.indexForSearch(row, db)
                return row.id!
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The attempts within `window` before `now` that count against sending to the leg-2 `numbers`.
    public func recentAttempts(against numbers: [String], window: RepeatWindow, now: Date = Date()) throws(CallLogError) -> [RecentAttempt] {
        guard !window.isOff else { return [] }
        do {
            return try read { db in try Self.attempts(db, against: numbers, window: window, now: now) }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// Writes a `sending` entry unless the repeat guard holds it: in one immediate
    /// transaction, so two processes sending to the same client at once get one
    /// entry and one hold. Attempts in `acknowledged` (ids the operator was shown
    /// and confirmed) do not hold it.
    public func begin(_ entry: CallLogEntry, guardedBy window: RepeatWindow, leg2 numbers: [String],
                      acknowledged: Set<Int64> = [], now: Date = Date()) throws(CallLogError) -> GuardedBegin {
        do {
            return try writeRetrying { db in
                if !window.isOff {
                    let unseen = try Self.attempts(db, against: numbers, window: window, now: now).filter { !acknowledged.contains($0.entryID) }
                    if !unseen.isEmpty { return .held(unseen) }
                }
                var row = entry
                row.id = nil
                row.outcome = .sending
                try row.insert(db)
                try Self.indexForSearch(row, db)
                return .begun(row.id!)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private static func attempts(_ db: SQLiteConnection, against numbers: [String], window: RepeatWindow, now: Date) throws -> [RecentAttempt] {
        let since = Int64(now.timeIntervalSince1970 * 1000) - Int64(window.seconds) * 1000
        let outcomes = RepeatGuard.counted.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let recent = try CallLogEntry.fetchAll(db, """
            SELECT * FROM call WHERE created_at >= ? AND outcome IN (\(outcomes)) ORDER BY created_at DESC, id DESC LIMIT 2000
            """, [since])
        return RepeatGuard.attempts(against: numbers, in: recent, now: now)
    }

    /// Records the outcome of the send that `begin` returned `id` for.
    public func complete(id: Int64, with result: SendResult, now: Date = Date()) throws(CallLogError) {
        do {
            try writeRetrying { db in
                guard var entry = try CallLogEntry.fetchOne(db, id: id) else { throw CallLogError.noSuchEntry(id) }
                let before = entry
                entry = entry.completed(with: result, now: now)
                try entry.update(db)
                if entry.callID != before.callID {
                    try Self.unindex(before, db)
                    try Self.indexForSearch(entry, db)
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Inserts many finished entries in one transaction (imports, benchmarks).
    public func bulkInsert(_ entries: [CallLogEntry]) throws(CallLogError) {
        do {
            try writeRetrying { db in
                for var entry in entries {
                    try entry.insert(db)
                    try Self.indexForSearch(entry, db)
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Marks entries left `sending` by a process that is gone as unknown/interrupted.
    func sweepInterrupted(now: Date = Date()) throws(CallLogError) {
        do {
            // Look first: most opens find nothing to sweep and need no write lock.
            let pending = try read { db in
                try db.scalar("SELECT count(*) FROM call WHERE outcome = ?", [EntryOutcome.sending.rawValue])?.int64 ?? 0
            }
            guard pending > 0 else { return }
            // A crash left sends in flight: check the file is whole before writing
            // to it (a damaged index can make finished entries look in flight).
            let verdict = try read { db in try db.scalar("PRAGMA integrity_check(1)")?.text }
            if let verdict, verdict != "ok" { throw CallLogError.corrupt(path: path, detail: .verbatim(verdict)) }
            try writeRetrying { db in
                let stale = try CallLogEntry.fetchAll(db, "SELECT * FROM call WHERE outcome = ?", [EntryOutcome.sending.rawValue])
                for var entry in stale where entry.isInterrupted(now: now) {
                    entry.outcome = .unknown
                    entry.message = CallLogEntry.interruptedMessage
                    try entry.update(db)
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private static func indexForSearch(_ entry: CallLogEntry, _ db: SQLiteConnection) throws {
        let columns: [any SQLiteBindable] = SearchQuery.fts5Columns(for: entry)
        try db.execute("INSERT INTO call_search (rowid, numbers, numbers_reversed, description, call_id, tts_text) VALUES (?, ?, ?, ?, ?, ?)",
                       [entry.id!] + columns)
    }

    private static func unindex(_ entry: CallLogEntry, _ db: SQLiteConnection) throws {
        let columns: [any SQLiteBindable] = SearchQuery.fts5Columns(for: entry)
        try db.execute("INSERT INTO call_search (call_search, rowid, numbers, numbers_reversed, description, call_id, tts_text) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                       [entry.id!] + columns)
    }

    /// Adds a note or a disposition: kept in call_annotation, made the entry's latest, searched.
    public func annotate(_ annotation: Annotation) throws(CallLogError) {
        do {
            try writeRetrying { db in
                guard var entry = try CallLogEntry.fetchOne(db, id: annotation.entryID) else { throw CallLogError.noSuchEntry(annotation.entryID) }
                try db.execute("INSERT INTO call_annotation (entry_id, kind, text, operator_name, at) VALUES (?, ?, ?, ?, ?)",
                               [annotation.entryID, annotation.kind.rawValue, annotation.text, annotation.operatorName, annotation.at])
                try Self.unindex(entry, db)
                entry.take(annotation)
                try entry.update(db)
                try Self.indexForSearch(entry, db)
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Records talk times from the call history on the entries with those call_ids.
    public func recordTalkTimes(_ seconds: [String: Int], asked: [String], at: Int64) throws(CallLogError) -> Int {
        guard !seconds.isEmpty || !asked.isEmpty else { return 0 }
        do {
            return try writeRetrying { db in
                var changed = 0
                for (callID, talk) in seconds {
                    try db.execute("UPDATE call SET history_talk_seconds = ?, history_at = ? WHERE call_id = ?", [talk, at, callID])
                    changed += db.changes
                }
                for callID in asked where seconds[callID] == nil {
                    try db.execute("UPDATE call SET history_at = ? WHERE call_id = ?", [at, callID])
                }
                return changed
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Every note and disposition of an entry, oldest first.
    public func annotations(entryID: Int64) throws(CallLogError) -> [Annotation] {
        do {
            return try read { db in
                guard try db.tableExists("call_annotation") else { return [] }
                return try db.rows("SELECT kind, text, operator_name, at FROM call_annotation WHERE entry_id = ? ORDER BY id",
                                   [entryID]).compactMap { row -> Annotation? in
                    guard let kind = row["kind"].text.flatMap(Annotation.Kind.init(rawValue:)), let text = row["text"].text,
                          let at = row["at"].int64 else { return nil }
                    return Annotation(entryID: entryID, kind: kind, text: text, operatorName: row["operator_name"].text, at: at)
                }
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    // MARK: - Reading

    /// One entry by id.
    public func entry(id: Int64) throws(CallLogError) -> CallLogEntry? {
        do {
            return try read { db in try CallLogEntry.fetchOne(db, id: id) }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// Stores an event once; true when it was new.
    public func record(_ event: CallEvent, receivedAt: Date = Date()) throws(CallLogError) -> Bool {
        do {
            return try writeRetrying { db in
                try db.execute("""
                    INSERT INTO call_event (identity, uid, received_at, raw, side, number, event_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (identity) DO NOTHING
                    """, [event.identity, event.callID, Int64(receivedAt.timeIntervalSince1970 * 1000), event.raw,
                          event.side.rawValue, event.number, event.at])
                return db.changes > 0
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The events of these calls.
    public func events(callIDs: [String]) throws(CallLogError) -> [CallEvent] {
        guard !callIDs.isEmpty else { return [] }
        do {
            return try read { db in
                // A log opened for reading before it was upgraded has no events yet.
                guard try db.tableExists("call_event") else { return [] }
                var found: [CallEvent] = []
                // In chunks: SQLite binds at most 32,766 values a statement.
                for start in stride(from: 0, to: callIDs.count, by: 500) {
                    let chunk = Array(callIDs[start..<min(callIDs.count, start + 500)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let rows = try db.column("SELECT raw FROM call_event WHERE uid IN (\(marks)) ORDER BY id", chunk).compactMap(\.text)
                    found += rows.compactMap(CallEvent.stored)
                }
                return found
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// The newest events, each with its entry.
    public func recentEvents(limit: Int) throws(CallLogError) -> [StoredEvent] {
        do {
            return try read { db in
                guard try db.tableExists("call_event") else { return [] }
                let rows = try db.rows("""
                    SELECT e.raw, e.received_at, (SELECT c.id FROM call c WHERE c.call_id = e.uid LIMIT 1) AS entry_id
                    FROM call_event e ORDER BY e.id DESC LIMIT ?
                    """, [max(0, limit)])
                return rows.compactMap { row -> StoredEvent? in
                    guard let raw = row["raw"].text, let event = CallEvent.stored(raw), let receivedAt = row["received_at"].int64 else { return nil }
                    return StoredEvent(event: event, receivedAt: receivedAt, entryID: row["entry_id"].int64)
                }
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// Sightings of leg A ringing one of `numbers` in `window`, of calls no entry claims (and
    /// events stored without sightings, received in `window`, read from their bodies).
    public func unclaimedRinging(numbers: [String], in window: ClosedRange<Int64>, limit: Int) throws(CallLogError) -> [UnknownEvidence.Sighting] {
        do {
            return try read { db in
                guard try db.tableExists("call_event") else { return [] }
                // A log read, not upgraded, from before the sightings (v7): every event is read from its body.
                let sighted = try db.columnNames("call_event").contains("side")
                var found: [UnknownEvidence.Sighting] = []
                for start in stride(from: 0, to: sighted ? numbers.count : 0, by: 500) where found.count < limit {
                    let chunk = Array(numbers[start..<min(numbers.count, start + 500)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let rows = try db.rows("""
                        SELECT e.uid, e.number, e.event_at FROM call_event e INDEXED BY call_event_ringing
                        WHERE e.side = 'A' AND e.number IN (\(marks)) AND e.event_at BETWEEN ? AND ?
                          AND NOT EXISTS (SELECT 1 FROM call c WHERE c.call_id = e.uid)
                        LIMIT ?
                        """, chunk + [window.lowerBound, window.upperBound, limit - found.count])
                    found += rows.compactMap { row -> UnknownEvidence.Sighting? in
                        guard let uid = row["uid"].text, let number = row["number"].text, let at = row["event_at"].int64 else { return nil }
                        return UnknownEvidence.Sighting(uid: uid, side: .a, number: number, at: at)
                    }
                }
                let unread = try db.column("""
                    SELECT e.raw FROM call_event e
                    WHERE \(sighted ? "e.side IS NULL AND " : "")e.received_at BETWEEN ? AND ?
                      AND NOT EXISTS (SELECT 1 FROM call c WHERE c.call_id = e.uid)
                    LIMIT ?
                    """, [window.lowerBound, window.upperBound, max(0, limit - found.count)]).compactMap(\.text)
                return found + unread.compactMap(CallEvent.stored).compactMap(UnknownEvidence.Sighting.init)
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// Up to `limit` entries matching `filter`, newest first, after `cursor`.
    public func page(_ filter: CallLogFilter, after cursor: CallLogCursor? = nil, limit: Int) throws(CallLogError) -> [CallLogEntry] {
        do {
            return try read { db in
                let (sql, arguments) = Self.pageSQL(filter, after: cursor, limit: limit)
                return try CallLogEntry.fetchAll(db, sql, arguments)
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// How many entries match, counted up to `cap`.
    public func count(_ filter: CallLogFilter, cap: Int = 10_000) throws(CallLogError) -> MatchCount {
        do {
            return try read { db in
                if filter.search == nil, filter.since == nil, filter.until == nil, filter.operatorName == nil, filter.disposition == nil {
                    let sql = filter.outcome == nil ? "SELECT coalesce(sum(n), 0) FROM outcome_count"
                        : "SELECT coalesce(sum(n), 0) FROM outcome_count WHERE outcome = ?"
                    let n = Int(try db.scalar(sql, filter.outcome.map { [$0.rawValue] } ?? [])?.int64 ?? 0)
                    return MatchCount(value: n, isAtLeast: false)
                }
                // A search alone is counted in the search index, without a row lookup per match.
                if let search = filter.search, Self.searchesAlone(filter) {
                    guard let fts = SearchQuery.fts5(search) else { return MatchCount(value: 0, isAtLeast: false) }
                    let n = Int(try db.scalar("SELECT count(*) FROM (SELECT 1 FROM call_search WHERE call_search MATCH ? LIMIT \(cap + 1))",
                                              [fts])?.int64 ?? 0)
                    return MatchCount(counted: n, cap: cap)
                }
                let (inner, arguments) = Self.pageSQL(filter, after: nil, limit: cap + 1, select: "1")
                let n = Int(try db.scalar("SELECT count(*) FROM (\(inner))", arguments)?.int64 ?? 0)
                return MatchCount(counted: n, cap: cap)
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// The first page and the count of a search from one pass over the search index: a
    /// prefix search (`"word"*`, as every search is) makes SQLite gather every match of
    /// the prefix before the first row comes out, so `page` then `count` gathered them
    /// twice (a word in a fifth of a million entries: 25 ms, against 13). Without a
    /// search, `page` and `count` are each an index walk, and are asked as they are.
    public func firstPage(_ filter: CallLogFilter, limit: Int, cap: Int = 10_000) throws(CallLogError) -> (entries: [CallLogEntry], total: MatchCount) {
        guard let search = filter.search else { return (try page(filter, after: nil, limit: limit), try count(filter, cap: cap)) }
        do {
            return try read { db in
                // Enough ids for the page and for counting past the cap.
                let wanted = max(cap + 1, limit)
                let ids: [Int64]
                if Self.searchesAlone(filter) {
                    // As `count` counts a search alone: in the search index, no row looked up per match.
                    guard let fts = SearchQuery.fts5(search) else { return ([], MatchCount(value: 0, isAtLeast: false)) }
                    ids = try db.column("SELECT rowid FROM call_search WHERE call_search MATCH ? ORDER BY rowid DESC LIMIT \(wanted)", [fts])
                        .compactMap(\.int64)
                } else {
                    let (sql, arguments) = Self.pageSQL(filter, after: nil, limit: wanted, select: "call.id")
                    ids = try db.column(sql, arguments).compactMap(\.int64)
                }
                let total = MatchCount(counted: ids.count, cap: cap)
                let shown = Array(ids.prefix(limit))
                guard !shown.isEmpty else { return ([], total) }
                let marks = Array(repeating: "?", count: shown.count).joined(separator: ",")
                let entries = try CallLogEntry.fetchAll(db, "SELECT call.* FROM call WHERE call.id IN (\(marks)) ORDER BY call.id DESC", shown)
                return (entries, total)
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }

    /// Whether `filter` filters by nothing but its search (if any): then it is answered in
    /// the search index alone, without a row looked up per match.
    static func searchesAlone(_ filter: CallLogFilter) -> Bool {
        filter.outcome == nil && filter.since == nil && filter.until == nil && filter.operatorName == nil && filter.disposition == nil
    }

    /// The query behind `page` and `count`. With a search it walks the search
    /// index newest first; without, the (created_at, id) index, keyset-paged.
    static func pageSQL(_ filter: CallLogFilter, after cursor: CallLogCursor?, limit: Int,
                        select: String = "call.*") -> (String, [any SQLiteBindable]) {
        var conditions: [String] = []
        var arguments: [any SQLiteBindable] = []
        if let outcome = filter.outcome {
            conditions.append("call.outcome = ?")
            arguments.append(outcome.rawValue)
        }
        if let name = filter.operatorName {
            conditions.append("call.operator_name = ?")
            arguments.append(name)
        }
        if let disposition = filter.disposition {
            conditions.append("call.disposition = ?")
            arguments.append(disposition)
        }
        if let since = filter.since {
            conditions.append("call.created_at >= ?")
            arguments.append(since)
        }
        if let until = filter.until {
            conditions.append("call.created_at < ?")
            arguments.append(until)
        }
        if let search = filter.search {
            // A search that reduces to nothing matches nothing.
            guard let fts = SearchQuery.fts5(search) else { return ("SELECT \(select) FROM call WHERE 0", []) }
            var all = ["call_search MATCH ?"] + conditions
            arguments.insert(fts, at: 0)
            if let cursor {
                all.append("call_search.rowid < ?")
                arguments.append(cursor.id)
            }
            let sql = "SELECT \(select) FROM call_search CROSS JOIN call ON call.id = call_search.rowid WHERE "
                + all.joined(separator: " AND ") + " ORDER BY call_search.rowid DESC LIMIT \(limit)"
            return (sql, arguments)
        }
        if let cursor {
            conditions.append("(call.created_at, call.id) < (?, ?)")
            arguments.append(cursor.createdAt)
            arguments.append(cursor.id)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(select) FROM call\(whereClause) ORDER BY call.created_at DESC, call.id DESC LIMIT \(limit)"
        return (sql, arguments)
    }

    /// A value that changes whenever any process begins or completes a send:
    /// the newest id and the per-outcome counts. Cheap at any size.
    public func changeMarker() throws(CallLogError) -> String {
        do {
            return try read { db in
                try db.scalar("""
                    SELECT (SELECT coalesce(max(id), 0) FROM call) || ':' ||
                           (SELECT coalesce(group_concat(outcome || '=' || n, ','), '') FROM outcome_count)
                    """)?.text ?? ""
            }
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }
}

extension SQLiteCallLog {
    /// Polls SQLite's `PRAGMA data_version` every `interval` on a connection of its
    /// own: a commit by any process wakes the stream.
    public func changes(interval: Duration) -> AsyncStream<Void> {
        guard let watcher = try? CallLogChangeWatcher(path: path) else { return AsyncStream { $0.finish() } }
        return AsyncStream { continuation in
            let task = Task.detached {
                _ = try? watcher.changed()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled { break }
                    if (try? watcher.changed()) == true { continuation.yield() }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Nothing to do: the file's connections close with the store.
    public func close() async {}

    /// This log's identity (made once, with its schema), which tells its entries
    /// apart when they are copied into a team log.
    public func identity() throws(CallLogError) -> String {
        do {
            return try read { db in try db.scalar("SELECT id FROM log_identity")?.text } ?? path
        } catch {
            throw Self.classify(error, path: path, reading: true)
        }
    }
}
