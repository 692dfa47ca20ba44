import CallLogModel
import GRDB

/// The SQLite backend's record conformance: the model knows nothing of GRDB.
extension CallLogEntry: FetchableRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "call"

    /// Sets the id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CallLogEntry.CodingKeys: ColumnExpression {}

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
    public init(row: Row) {
        func int64(_ column: String) -> Int64? {
            let value: DatabaseValue = row[column]
            switch value.storage {
            case .int64(let number): return number
            case .double(let number): return Int64(exactly: number) // nil for 1e300, NaN, 1.5
            case .null, .string, .blob: return nil
            }
        }
        func time(_ column: String) -> Int64? {
            let value: DatabaseValue = row[column]
            if value.isNull { return nil }
            return int64(column) ?? Int64.min
        }
        func int(_ column: String) -> Int? { int64(column).flatMap { Int(exactly: $0) } }
        func text(_ column: String) -> String? {
            let value: DatabaseValue = row[column]
            switch value.storage {
            case .null: return nil
            case .string(let string): return string
            case .int64(let number): return String(number)
            case .double(let number): return String(number)
            case .blob(let data): return String(decoding: data, as: UTF8.self)
            }
        }
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
