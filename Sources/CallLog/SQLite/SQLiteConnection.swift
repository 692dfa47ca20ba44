import CSQLite

/// One connection to a SQLite file, on SQLite's C API: statements with bound
/// values, rows read as SQLite stored them, transactions. Not thread-safe: its
/// owner serialises access (`SQLiteAccess`).
public final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The path (or `file:` URI) it was opened on.
    public let path: String
    private var statements: [String: OpaquePointer] = [:]

    /// Opens `path`. Reading only, or reading and writing (creating the file when
    /// absent); a `uri` path is a `file:` URI. Waits up to `busyTimeout` seconds
    /// for another connection's lock. Foreign keys are enforced.
    public init(path: String, readOnly: Bool, uri: Bool = false, busyTimeout: Double) throws(SQLiteError) {
        // The library is loaded with the first database, not at every start (sqlite_library.h).
        if let problem = exo_sqlite_load() { throw SQLiteError(libraryMissing: String(cString: problem)) }
        var flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        flags |= SQLITE_OPEN_NOMUTEX
        if uri { flags |= SQLITE_OPEN_URI }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else { throw SQLiteError(extendedCode: code, message: "out of memory", sql: nil) }
        guard code == SQLITE_OK else {
            let error = SQLiteError(extendedCode: sqlite3_extended_errcode(opened), message: String(cString: sqlite3_errmsg(opened)), sql: nil)
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(busyTimeout * 1000))
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The row id of the last insert.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func error(_ code: Int32, _ sql: String?) -> SQLiteError {
        SQLiteError(extendedCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements that take no values (a schema step, a pragma).
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(sqlite3_extended_errcode(handle), sql) }
    }

    /// Runs one statement with `arguments` bound to its `?`s.
    public func execute(_ sql: String, _ arguments: [any SQLiteBindable]) throws(SQLiteError) {
        try run(sql, arguments) { _ throws(SQLiteError) in }
    }

    /// The rows of one statement with `arguments` bound.
    public func rows(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        var layout: SQLiteRow.Columns?
        try run(sql, arguments) { statement throws(SQLiteError) in
            let columns = layout ?? SQLiteRow.Columns((0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) })
            layout = columns
            rows.append(SQLiteRow(layout: columns, values: (0..<Int32(columns.names.count)).map { Self.value(statement, $0) }))
        }
        return rows
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> SQLiteValue? {
        var found: SQLiteValue?
        try run(sql, arguments) { statement throws(SQLiteError) in
            if found == nil { found = Self.value(statement, 0) }
        }
        return found
    }

    /// The first column of every row.
    public func column(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> [SQLiteValue] {
        var found: [SQLiteValue] = []
        try run(sql, arguments) { statement throws(SQLiteError) in found.append(Self.value(statement, 0)) }
        return found
    }

    /// Whether the schema has a table (or virtual table) named `name`.
    public func tableExists(_ name: String) throws(SQLiteError) -> Bool {
        try scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) != nil
    }

    /// The column names of `table`.
    public func columnNames(_ table: String) throws(SQLiteError) -> [String] {
        try column("SELECT name FROM pragma_table_info(?)", [table]).compactMap(\.text)
    }

    /// Runs `body` in a transaction: IMMEDIATE takes the write lock before the first
    /// read. Committed when `body` returns, rolled back when it throws.
    public func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
        return result
    }

    /// Prepares (or takes from the cache) `sql`, binds `arguments`, and calls `row` per row.
    private func run(_ sql: String, _ arguments: [any SQLiteBindable], row: (OpaquePointer) throws(SQLiteError) -> Void) throws(SQLiteError) {
        let (statement, cached) = try prepared(sql)
        defer {
            if cached {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            } else {
                sqlite3_finalize(statement)
            }
        }
        for (offset, argument) in arguments.enumerated() {
            let code = Self.bind(argument.sqliteValue, statement, Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError(extendedCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql) }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(sqlite3_extended_errcode(handle), sql) }
            try row(statement)
        }
    }

    /// The statement for `sql`, and whether it stays in the cache (the first 64 kept;
    /// any beyond are finalized after their one use).
    private func prepared(_ sql: String) throws(SQLiteError) -> (OpaquePointer, cached: Bool) {
        if let statement = statements[sql] { return (statement, true) }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(sqlite3_extended_errcode(handle), sql) }
        guard statements.count < 64 else { return (statement, false) }
        statements[sql] = statement
        return (statement, true)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: SQLiteValue, _ statement: OpaquePointer, _ index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let number): return sqlite3_bind_int64(statement, index, number)
        case .real(let number): return sqlite3_bind_double(statement, index, number)
        case .text(let text):
            // Past 2 GiB SQLite cannot take it (and the length would not fit its int).
            guard let length = Int32(exactly: text.utf8.count) else { return SQLITE_TOOBIG }
            return sqlite3_bind_text(statement, index, text, length, transient)
        case .blob(let bytes):
            guard let length = Int32(exactly: bytes.count) else { return SQLITE_TOOBIG }
            return bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, length, transient) }
        }
    }

    private static func value(_ statement: OpaquePointer, _ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}
