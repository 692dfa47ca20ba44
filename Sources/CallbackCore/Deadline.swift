import Synchronization

/// Runs work against a deadline without waiting for it past the deadline: the
/// pool waits for a server that is down, and a send must not wait with it. Work
/// that outlives its deadline finishes (or fails) on its own, unobserved. The team log's
/// operations and the event receiver's body reads both run under it.
public enum Deadline {
    /// What became of the work.
    public enum Outcome<T: Sendable>: Sendable {
        case finished(T)
        case failed(any Error)
        case timedOut
    }

    /// Resumes its continuation once, with whichever outcome comes first.
    private final class Settlement<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<Outcome<T>, Never>?>

        init(_ continuation: CheckedContinuation<Outcome<T>, Never>) { self.continuation = Mutex(continuation) }

        /// Whether this outcome was the first.
        @discardableResult
        func settle(_ outcome: Outcome<T>) -> Bool {
            guard let continuation = self.continuation.withLock({ value in defer { value = nil }; return value }) else { return false }
            continuation.resume(returning: outcome)
            return true
        }
    }

    /// `work`'s outcome, or `.timedOut` once `limit` has passed (the work is then cancelled, not awaited).
    public static func race<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async -> Outcome<T> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            let settlement = Settlement(continuation)
            let worker = Task {
                do { settlement.settle(.finished(try await work())) } catch { settlement.settle(.failed(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled, settlement.settle(.timedOut) { worker.cancel() }
            }
            Task {
                _ = await worker.result
                timer.cancel()
            }
        }
    }
}
