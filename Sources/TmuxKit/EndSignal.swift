import Foundation

/// Signalled when `process` (not started yet) ends, as it ends: wait on it instead of
/// `waitUntilExit`, which on Linux looks in 50 ms steps, so that a timed run read 50 or
/// 100 ms whatever it took, and every program a test ran cost up to 50 ms more.
public func endSignal(_ process: Process) -> DispatchSemaphore {
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    return ended
}
