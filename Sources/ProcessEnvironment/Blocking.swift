#if canImport(Glibc)
import Glibc
#endif

/// Waiting on the calling thread for work that runs on Swift's concurrency pool: how a
/// synchronous `main` runs an async command (issue #32: the terminal UI starts on the main
/// thread, so its first frame waits for no pool thread to be made).
public enum Blocking {
    /// Runs `body` as a detached task and blocks this thread until it returns or throws,
    /// giving back what it returned or rethrowing what it threw. A signal's handler running
    /// on this thread meanwhile does not end the wait. Never call it from a task: it would
    /// hold one of the pool's threads while waiting for another.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        Task.detached {
            let result: Result<T, Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.finish(result)
        }
        return try outcome.wait().get()
    }

    /// The task's result and the semaphore that says it is there (the post orders the
    /// result's write before the waiter's read).
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        private var result: Result<T, Error>?

        init() { sem_init(semaphore, 0, 0) }

        deinit {
            sem_destroy(semaphore)
            semaphore.deallocate()
        }

        func finish(_ result: Result<T, Error>) {
            self.result = result
            sem_post(semaphore)
        }

        func wait() -> Result<T, Error> {
            while sem_wait(semaphore) != 0 {}
            return result!
        }
    }
}
