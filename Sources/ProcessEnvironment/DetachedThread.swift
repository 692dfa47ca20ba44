#if canImport(Glibc)
import Glibc
#endif

/// A thread of its own for work that blocks for long (the TUI's key loop), on pthreads:
/// what Foundation's `Thread` did, without linking Foundation's Objective-C layer (issue #32).
public enum DetachedThread {
    /// Runs `body` on a new detached thread with an 8 MiB stack.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        // No thread: run it here rather than never (the caller waits for its result).
        if created != 0 { Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body() }
    }
}
