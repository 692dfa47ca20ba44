import Foundation

/// Signalled when `process` (not started yet) ends, as it ends. `waitUntilExit` alone looks in
/// 50 ms steps on Linux, so that a timed run read 50 or 100 ms whatever it took, and every
/// program a test ran cost up to 50 ms more. Wait on this, then call `waitUntilExit`, which
/// returns at once by then and lets Foundation release the process's pipes (without it, each
/// finished process kept its descriptors open).
public func endSignal(_ process: Process) -> DispatchSemaphore {
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    return ended
}
