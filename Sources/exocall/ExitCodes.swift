import ArgumentParser
import ExolveClient

/// The exit codes of `exocall send`, one per outcome, so scripts can branch on them.
enum SendExit {
    /// placed
    static let placed: Int32 = 0
    /// usage or configuration error
    static let usage: Int32 = 1
    /// invalid request
    static let invalid: Int32 = 2
    /// rejected by the API (4xx)
    static let rejected: Int32 = 3
    /// not sent: safe to retry
    static let notSent: Int32 = 4
    /// unknown: the call may have been placed
    static let unknown: Int32 = 5
    /// held: a recent attempt to the same number (nothing sent)
    static let held: Int32 = 6

    /// The exit code for an outcome.
    static func code(for outcome: SendOutcome) -> Int32 {
        switch outcome {
        case .placed: return placed
        case .rejected: return rejected
        case .notSent: return notSent
        case .unknown: return unknown
        }
    }
}
