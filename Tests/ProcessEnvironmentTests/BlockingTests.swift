import Glibc
import ProcessEnvironment
import Synchronization
import XCTest

/// Signals the handler below saw (a C handler captures nothing).
private let signalsHandled = Atomic<Int>(0)

final class BlockingTests: XCTestCase {
    private struct Refused: Error, Equatable { let reason: String }

    func testReturnsWhatTheTaskReturnedOnAnotherThread() throws {
        let waiter = pthread_self()
        let (value, ranElsewhere) = try Blocking.run { () async -> (Int, Bool) in
            try? await Task.sleep(for: .milliseconds(20))
            return (42, pthread_equal(pthread_self(), waiter) == 0)
        }
        XCTAssertEqual(value, 42)
        XCTAssertTrue(ranElsewhere, "the task ran on the waiting thread")
    }

    func testRethrowsWhatTheTaskThrew() {
        XCTAssertThrowsError(try Blocking.run { () async throws -> Int in throw Refused(reason: "no") }) { error in
            XCTAssertEqual(error as? Refused, Refused(reason: "no"))
        }
    }

    /// A signal handled on the waiting thread by a handler without SA_RESTART ends
    /// `sem_wait` with EINTR; the wait goes on until the task is done.
    func testASignalOnTheWaitingThreadDoesNotEndTheWait() throws {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in signalsHandled.add(1, ordering: .relaxed) }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        sigaction(SIGUSR1, &action, &previous)
        defer { sigaction(SIGUSR1, &previous, nil) }
        let before = signalsHandled.load(ordering: .relaxed)
        let waiter = pthread_self()
        let value = try Blocking.run { () async -> String in
            // Each signal lands while the waiter is in its wait (it was waiting before this ran).
            for _ in 0..<3 {
                pthread_kill(waiter, SIGUSR1)
                try? await Task.sleep(for: .milliseconds(20))
            }
            return "done"
        }
        XCTAssertEqual(value, "done")
        XCTAssertEqual(signalsHandled.load(ordering: .relaxed) - before, 3, "the signals reached the waiting thread")
    }
}
