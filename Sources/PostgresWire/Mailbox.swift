import Synchronization

/// Between the connection's channel (which delivers the server's messages on its event
/// loop) and the one operation reading them: messages queue until read; notifications go
/// to the listener, if any; once the connection fails every reader hears why.
final class Mailbox: Sendable {
    private struct State {
        var queue: [BackendMessage] = []
        var head = 0
        var reader: CheckedContinuation<BackendMessage, any Error>?
        var failure: WireError?
        var listener: AsyncThrowingStream<WireNotification, any Error>.Continuation?
    }

    private let state = Mutex(State())

    /// A message from the server.
    func deliver(_ message: BackendMessage) {
        if case .notification(let notification) = message {
            let listener = state.withLock { $0.listener }
            listener?.yield(notification)
            return
        }
        let reader = state.withLock { state -> CheckedContinuation<BackendMessage, any Error>? in
            if let reader = state.reader {
                state.reader = nil
                return reader
            }
            state.queue.append(message)
            return nil
        }
        reader?.resume(returning: message)
    }

    /// The connection failed or closed: the reader and the listener hear it, and so does every later read.
    func fail(_ error: WireError) {
        let (reader, listener) = state.withLock { state in
            if state.failure == nil { state.failure = error }
            defer { state.reader = nil; state.listener = nil }
            return (state.reader, state.listener)
        }
        reader?.resume(throwing: error)
        listener?.finish(throwing: error)
    }

    /// Why the connection failed or closed, once it has.
    var failure: WireError? { state.withLock { $0.failure } }

    /// The next message, waiting for it when none has come.
    func next() async throws -> BackendMessage {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<BackendMessage, WireError>? in
                if state.head < state.queue.count {
                    let message = state.queue[state.head]
                    state.head += 1
                    if state.head == state.queue.count { state.queue.removeAll(keepingCapacity: true); state.head = 0 }
                    return .success(message)
                }
                if let failure = state.failure { return .failure(failure) }
                state.reader = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Notifications from now on, until the connection fails.
    func listen() -> AsyncThrowingStream<WireNotification, any Error> {
        let (stream, continuation) = AsyncThrowingStream<WireNotification, any Error>.makeStream()
        let failure = state.withLock { state -> WireError? in
            if state.failure == nil { state.listener = continuation }
            return state.failure
        }
        if let failure { continuation.finish(throwing: failure) }
        return stream
    }
}
