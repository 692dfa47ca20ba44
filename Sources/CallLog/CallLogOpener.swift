import CallLogPostgres
import FoundationEssentials
import Glibc
import ProcessEnvironment

/// Opens the call log wherever it lives: a path is the SQLite backend, a
/// `postgresql://` URL the team backend. Every front end opens the log here.
public enum CallLogOpener {
    /// Opens (creating if needed) the log for writing.
    /// Outcomes this machine kept while the log was out of reach are written first
    /// (`PendingOutcomes`): the next command completes what an outage left open.
    /// `session` says who opens it (a team log's server shows it) and how many connections it may hold.
    public static func open(_ location: String, session: LogSession = LogSession(),
                            environment: [String: String] = ProcessEnvironment.variables) async throws(CallLogError) -> any CallLogStore {
        let store: any CallLogStore
        if PostgresLocation.isURL(location) {
            store = try await PostgresCallLog.open(try PostgresLocation.parse(location, environment: environment), session: session)
        } else {
            store = try SQLiteCallLog.open(path: location)
        }
        await PendingOutcomes.standard(environment: environment).replay(into: store)
        return store
    }

    /// Opens the log for reading; nil when a SQLite log has no file yet.
    public static func openForReading(_ location: String, session: LogSession = LogSession(),
                                      environment: [String: String] = ProcessEnvironment.variables) async throws(CallLogError) -> (any CallLogStore)? {
        if PostgresLocation.isURL(location) {
            let store = try await PostgresCallLog.open(try PostgresLocation.parse(location, environment: environment), session: session)
            await PendingOutcomes.standard(environment: environment).replay(into: store)
            return store
        }
        return try SQLiteCallLog.openForReading(path: location)
    }

    /// The location as messages show it: a URL without its password.
    public static func display(_ location: String) -> String {
        guard PostgresLocation.isURL(location) else { return location }
        return (try? PostgresLocation.parse(location, environment: [:]).display) ?? PostgresLocation.redact(location)
    }
}
