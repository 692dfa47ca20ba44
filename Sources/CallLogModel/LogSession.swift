/// Who opens the log and how it will be used: what a team log's server is told about the
/// connection, and how many connections it may hold.
public struct LogSession: Equatable, Sendable {
    /// The operator (`Operator.name`), shown to the server's administrator.
    public var operatorName: String
    /// How many connections to a team log at most: 1 for an operator (every operation and
    /// the panel's LISTEN share it), more for the event receiver, which takes events at once.
    public var connections: Int

    /// An operator's session: one connection.
    public init(operatorName: String = Operator.fallback, connections: Int = 1) {
        self.operatorName = operatorName
        self.connections = max(1, connections)
    }

    /// The receiver's session: a pool, so events from many calls are stored at once.
    public static func receiver(operatorName: String = Operator.fallback) -> LogSession {
        LogSession(operatorName: operatorName, connections: 8)
    }

    /// `exocall <operator>@<host>`, as PostgreSQL's `pg_stat_activity` shows it
    /// (`application_name`: printable ASCII, at most 63 bytes; the server shows any other
    /// character as `?`, so it is made `?` here and the length kept).
    public var applicationName: String {
        let who = operatorName.contains("@") ? operatorName : operatorName + "@" + Operator.host
        let printable = String(String.UnicodeScalarView(("exocall " + who).unicodeScalars.map { (0x20...0x7E).contains($0.value) ? $0 : "?" }))
        return String(printable.prefix(63))
    }
}
