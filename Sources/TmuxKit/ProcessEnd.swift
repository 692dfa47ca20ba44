import Foundation

/// A program's end, waited for as it happens. Make it before `run()`, then `wait()`.
///
/// `waitUntilExit` alone looks in 50 ms steps on Linux: a timed run read 50 or 100 ms whatever
/// it took, and every program a test ran cost up to 50 ms more. The termination handler fires
/// as the program ends; `waitUntilExit` then returns at once and lets Foundation release the
/// process's pipes (without it, each finished process kept its descriptors open).
public struct ProcessEnd {
    private let process: Process
    private let ended = DispatchSemaphore(value: 0)

    /// Watches `process`, which is not started yet.
    public init(_ process: Process) {
        self.process = process
        process.terminationHandler = { [ended] _ in ended.signal() }
    }

    /// Returns once the program has ended.
    public func wait() {
        ended.wait()
        process.waitUntilExit()
    }
}
