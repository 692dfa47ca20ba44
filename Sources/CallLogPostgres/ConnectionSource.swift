import PostgresWire

/// Where the team log's operations get a connection: a pool (the event receiver, which
/// takes many events at once) or one connection shared by every operation and the
/// LISTEN that wakes the panel (an operator's TUI or command: one connection each, so a
/// server's `max_connections` holds as many operators).
protocol ConnectionSource: Sendable {
    /// Runs `body` with a connection no other operation uses meanwhile.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (WireConnection) async throws -> T) async throws -> T
    /// Listens on `channel`, handing the notifications to `consume` until it returns or the
    /// connection is lost (then it throws or returns, and the caller listens again).
    func listen(on channel: String, _ consume: @escaping @Sendable (AsyncThrowingStream<WireNotification, any Error>) async throws -> Void) async throws
    /// An operation ran past its deadline: whatever it waits on is given up.
    func abandon() async
    /// Closes every connection; later operations fail.
    func close() async
}

/// The pool, for a process that runs many operations at once.
struct PooledConnections: ConnectionSource {
    let pool: WirePool

    init(_ pool: WirePool) { self.pool = pool }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (WireConnection) async throws -> T) async throws -> T {
        try await pool.withConnection { connection in try await body(connection) }
    }

    func listen(on channel: String, _ consume: @escaping @Sendable (AsyncThrowingStream<WireNotification, any Error>) async throws -> Void) async throws {
        // The pool lends a connection for as long as the listening lasts.
        try await pool.withConnection { connection in try await consume(try await connection.listen(channel)) }
    }

    func abandon() async {}

    func close() async { await pool.close() }
}

/// One connection, made when first needed and again after it is lost, lent to one
/// operation at a time (a transaction's statements must not interleave with another's);
/// the LISTEN is sent on it too and its notifications arrive between operations.
final class SharedConnection: ConnectionSource {
    /// The log was closed.
    struct Closed: Error {}

    private let slot: Slot

    /// Closed by its owner: `PostgresCallLog.close()` or its deinit, or `open` when it fails.
    init(connect: @escaping @Sendable () async throws -> WireConnection) {
        slot = Slot(connect: connect)
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (WireConnection) async throws -> T) async throws -> T {
        let connection = try await slot.acquire()
        do {
            let value = try await body(connection)
            await slot.release()
            return value
        } catch {
            await slot.release()
            throw error
        }
    }

    func listen(on channel: String, _ consume: @escaping @Sendable (AsyncThrowingStream<WireNotification, any Error>) async throws -> Void) async throws {
        // LISTEN is sent while the connection is held; the notifications are read after
        // it is handed back, so operations go on meanwhile.
        let connection = try await slot.acquire()
        let notifications: AsyncThrowingStream<WireNotification, any Error>
        do {
            notifications = try await connection.listen(channel)
        } catch {
            await slot.release()
            throw error
        }
        await slot.release()
        try await consume(notifications)
    }

    func abandon() async { await slot.abandon() }

    func close() async { await slot.close() }

    /// The connection and who holds it, handed from one operation to the next in turn.
    private actor Slot {
        private let connect: @Sendable () async throws -> WireConnection
        private var connection: WireConnection?
        private var held = false
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var closed = false

        init(connect: @escaping @Sendable () async throws -> WireConnection) { self.connect = connect }

        /// Waits for the connection to be free, then returns it (connecting when there is none
        /// or it was lost). An operation given up while it waited never runs.
        func acquire() async throws -> WireConnection {
            if held { await withCheckedContinuation { waiting.append($0) } }
            held = true
            do {
                if closed { throw Closed() }
                try Task.checkCancellation()
                if let connection, !connection.isClosed { return connection }
                connection = nil
                let fresh = try await connect()
                if closed {
                    await fresh.close()
                    throw Closed()
                }
                connection = fresh
                return fresh
            } catch {
                release()
                throw error
            }
        }

        /// Hands the connection to the next operation waiting, if any.
        func release() {
            if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
        }

        /// Closes the connection under an operation that ran past its deadline, so it fails
        /// and hands the slot on; the next operation connects again.
        func abandon() {
            guard let connection, held else { return }
            self.connection = nil
            Task { await connection.close() }
        }

        func close() async {
            closed = true
            if let connection {
                self.connection = nil
                await connection.close()
            }
        }
    }
}
