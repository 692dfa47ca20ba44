import Synchronization

/// A connection used by one thread at a time: every use holds its lock.
public final class SQLiteAccess: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let lock = Mutex(())

    /// Guards `connection`.
    public init(_ connection: SQLiteConnection) { self.connection = connection }

    /// The path the connection was opened on.
    public var path: String { connection.path }

    /// Runs `body` on the connection, alone.
    public func use<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { (_: inout ()) throws -> T in try body(connection) }
    }
}
