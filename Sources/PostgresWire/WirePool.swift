/// Up to `maximum` connections, made when needed and kept while they live, each lent to
/// one operation at a time; an operation waits when all are lent. For a process that
/// runs many operations at once (the event receiver); an operator's process keeps one.
public actor WirePool {
    /// The pool was closed.
    public struct Closed: Error {}

    private let configuration: WireConfiguration
    private let maximum: Int
    private var idle: [WireConnection] = []
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var closed = false

    /// A pool that connects with `configuration`.
    public init(_ configuration: WireConfiguration, maximum: Int) {
        self.configuration = configuration
        self.maximum = max(1, maximum)
    }

    /// Runs `body` with a connection of its own.
    public nonisolated func withConnection<T: Sendable>(_ body: @Sendable (WireConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }

    /// Closes every idle connection; those lent out close when handed back.
    public func close() async {
        closed = true
        let closing = idle
        idle = []
        open -= closing.count
        for waiter in waiting { waiter.resume() }
        waiting = []
        for connection in closing { await connection.close() }
    }

    private func acquire() async throws -> WireConnection {
        while true {
            if closed { throw Closed() }
            try Task.checkCancellation()
            while let connection = idle.popLast() {
                if !connection.isClosed { return connection }
                open -= 1
            }
            if open < maximum {
                open += 1
                do {
                    return try await WireConnection.connect(configuration)
                } catch {
                    open -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    private func release(_ connection: WireConnection) async {
        if closed || connection.isClosed {
            open -= 1
            if !connection.isClosed { await connection.close() }
        } else {
            idle.append(connection)
        }
        wakeOne()
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}
