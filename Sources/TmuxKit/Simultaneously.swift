import Foundation

/// Runs `body(0)`, `body(1)`... `body(count - 1)` each on a thread of its own, all at once,
/// and returns when every one has finished.
///
/// `DispatchQueue.concurrentPerform` runs at most as many iterations at once as there are
/// processors: on a two-core machine, "eight connections" or "eight operators at once" were
/// two at a time, the rest after them.
public func simultaneously(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        let thread = Thread {
            body(index)
            finished.leave()
        }
        thread.start()
    }
    finished.wait()
}
