import CallLogModel

/// The SQLite backend's row of an entry: the model knows nothing of SQL.
extension CallLogEntry {
    /// Every column an entry writes, in `columnValues` order (the model's coding keys).
    static let columnNames: [String] = [
        "created_at", "finished_at", "mode", "endpoint_host", "request_json", "request_description",
        "line_1_numbers", "line_2_numbers", "tts_text", "outcome", "http_status", "call_id", "message",
        "raw_response", "latency_ms", "exocall_version", "owner_pid", "operator_name", "sender_host", "deadline_at",
        "note", "note_by", "note_at", "disposition", "disposition_by", "disposition_at", "history_talk_seconds", "history_at",
    ]

    /// The values of `columnNames`, in order.
    var columnValues: [any SQLiteBindable] {
        [createdAt, finishedAt, mode.rawValue, endpointHost, requestJSON, requestDescription,
         line1Numbers, line2Numbers, ttsText, outcome.rawValue, httpStatus, callID, message,
         rawResponse, latencyMs, exocallVersion, ownerPID, operatorName, senderHost, deadlineAt,
         note, noteBy, noteAt, disposition, dispositionBy, dispositionAt, historyTalkSeconds, historyAt]
    }

    /// The INSERT of a new entry (its id chosen by SQLite).
    static let insertSQL = "INSERT INTO call (" + columnNames.joined(separator: ", ") + ") VALUES ("
        + Array(repeating: "?", count: columnNames.count).joined(separator: ", ") + ")"

    /// The UPDATE of every column of the entry with id `?` (the last value).
    static let updateSQL = "UPDATE call SET " + columnNames.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"

    /// Inserts the entry and sets its id.
    mutating func insert(_ db: SQLiteConnection) throws {
        try db.execute(Self.insertSQL, columnValues)
        id = db.lastInsertRowID
    }

    /// Writes every column of the (stored) entry.
    func update(_ db: SQLiteConnection) throws {
        try db.execute(Self.updateSQL, columnValues + [id])
    }

    /// The entry with id `id`, if there is one.
    static func fetchOne(_ db: SQLiteConnection, id: Int64) throws -> CallLogEntry? {
        try db.rows("SELECT * FROM call WHERE id = ?", [id]).first.map(CallLogEntry.init(row:))
    }

    /// Every entry a query returns.
    static func fetchAll(_ db: SQLiteConnection, _ sql: String, _ arguments: [any SQLiteBindable] = []) throws -> [CallLogEntry] {
        try db.rows(sql, arguments).map(CallLogEntry.init(row:))
    }
}

/// Reading an entry from a SQLite row without trusting it. SQLite keeps any
/// value in any column, and anyone who can write the file (or, on a team log,
/// INSERT) can plant one: a text where a time belongs, a number past Int32 in
/// `owner_pid`, a blob for a description. The derived Decodable reading threw
/// (or trapped) on such a row and took every other entry with it; this one
/// reads what it can and marks the rest: a time that is not an integer reads as
/// `Int64.min` (shown as an invalid time), an optional integer that does not fit
/// reads as absent, text that is not text reads as empty.
extension CallLogEntry {
    /// An entry from `row`, whatever the row holds.
    public init(row: SQLiteRow) {
        func int64(_ column: String) -> Int64? { row[column].int64 }
        func time(_ column: String) -> Int64? {
            if row[column].isNull { return nil }
            return int64(column) ?? Int64.min
        }
        func int(_ column: String) -> Int? { int64(column).flatMap { Int(exactly: $0) } }
        func text(_ column: String) -> String? { row[column].text }
        self.init(id: int64("id"), createdAt: time("created_at") ?? Int64.min, finishedAt: time("finished_at"),
                  mode: text("mode").flatMap(CallMode.init(rawValue:)) ?? .live,
                  endpointHost: text("endpoint_host") ?? "", requestJSON: text("request_json") ?? "",
                  requestDescription: text("request_description"), line1Numbers: text("line_1_numbers") ?? "",
                  line2Numbers: text("line_2_numbers") ?? "", ttsText: text("tts_text"),
                  outcome: text("outcome").flatMap(EntryOutcome.init(rawValue:)) ?? .unknown,
                  httpStatus: int("http_status"), callID: text("call_id"), message: text("message"),
                  rawResponse: text("raw_response"), latencyMs: int("latency_ms"), exocallVersion: text("exocall_version") ?? "",
                  ownerPID: int64("owner_pid").flatMap { Int32(exactly: $0) } ?? 0,
                  operatorName: text("operator_name"), senderHost: text("sender_host"), deadlineAt: time("deadline_at"))
        // A log not yet upgraded has no such columns: they read as absent.
        (note, noteBy, noteAt) = (text("note"), text("note_by"), time("note_at"))
        (disposition, dispositionBy, dispositionAt) = (text("disposition"), text("disposition_by"), time("disposition_at"))
        (historyTalkSeconds, historyAt) = (int("history_talk_seconds"), time("history_at"))
    }
}
