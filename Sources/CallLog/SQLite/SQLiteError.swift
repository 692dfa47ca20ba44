import CSQLite

/// An error SQLite reported: its result code and its own message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code.
    public let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`).
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// Whether the SQLite library itself could not be loaded (`message` says why).
    public let libraryMissing: Bool

    /// An error SQLite reported.
    public init(extendedCode: Int32, message: String, sql: String?) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        libraryMissing = false
    }

    /// The SQLite library could not be loaded, for `reason` (the loader's message).
    public init(libraryMissing reason: String) {
        extendedCode = SQLITE_CANTOPEN
        message = reason
        sql = nil
        libraryMissing = true
    }

    /// The library's file, as exocall loads it.
    public static let libraryFile = EXO_SQLITE_SONAME

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`...).
    public var code: Int32 { extendedCode & 0xff }

    /// "SQLite error N: message", and the statement.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// `SQLITE_NOTADB`: the file is not a database.
    public static let notADatabase = SQLITE_NOTADB
    /// `SQLITE_CORRUPT`: the file is damaged.
    public static let corrupt = SQLITE_CORRUPT
    /// `SQLITE_CANTOPEN`: the file could not be opened.
    public static let cannotOpen = SQLITE_CANTOPEN
    /// `SQLITE_PERM`: access denied.
    public static let permission = SQLITE_PERM
    /// `SQLITE_READONLY`: a write to a database that cannot be written.
    public static let readOnly = SQLITE_READONLY
    /// `SQLITE_AUTH`: not authorised.
    public static let authorization = SQLITE_AUTH

    /// Whether another connection held the database (worth another try of the write).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
}
