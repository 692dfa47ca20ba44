import CallbackCore
import CallLog
import ExolveClient
import Foundation
import TUI
import TUIRuntime
import Localization
import XCTest

/// Collects the actions a runtime delivers, from any thread.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    func push(_ action: Action) { lock.withLock { actions.append(action) } }

    /// Waits (with a deadline, no fixed sleep) for an action matching `predicate`.
    func wait(timeout: TimeInterval = 5, file: StaticString = #filePath, line: UInt = #line,
              _ predicate: (Action) -> Bool) -> Action? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = lock.withLock({ actions.first(where: predicate) }) { return found }
            usleep(10_000)
        }
        XCTFail("no matching action within \(timeout) s; got \(lock.withLock { actions })", file: file, line: line)
        return nil
    }

    /// Whether every action delivered during `seconds` satisfies `predicate`
    /// (an absence can only be observed over a window).
    func stays(for seconds: TimeInterval, _ predicate: (Action) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if lock.withLock({ actions.contains { !predicate($0) } }) { return false }
            usleep(10_000)
        }
        return lock.withLock { actions.allSatisfy(predicate) }
    }

    func clear() { lock.withLock { actions.removeAll() } }
}

final class EffectRuntimeTests: XCTestCase {
    private func folder() -> String {
        let folder = NSTemporaryDirectory() + "exocall-runtime-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    private func request(_ number: String) -> MakeCallbackRequest {
        MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                            line1: Line(destinations: [Destination(number: "79990000001")]),
                            line2: Line(destinations: [Destination(number: number)]))
    }

    func testOpeningTheLogLoadsItsFirstPage() async throws {
        let path = folder() + "/calls.sqlite"
        let seed = try SQLiteCallLog.open(path: path)
        _ = try seed.begin(CallLogEntry(request: request("79991112233"), mode: .demo, endpointHost: "127.0.0.1:1"))
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo), send: inbox.push)
        runtime.openLog(path: path)
        let page = inbox.wait { if case .logPageLoaded = $0 { return true } else { return false } }
        guard case .logPageLoaded(let entries, _, let append)? = page else { return }
        XCTAssertEqual(entries.map(\.line2Numbers), ["79991112233"])
        XCTAssertFalse(append)
        await runtime.shutdown()
    }

    func testAnEntryLeftInFlightByAGoneProcessLoadsAsUnknown() async throws {
        let path = folder() + "/calls.sqlite"
        let seed = try SQLiteCallLog.open(path: path)
        var entry = CallLogEntry(request: request("79991112233"), mode: .demo, endpointHost: "127.0.0.1:1")
        entry.ownerPID = Int32.max - 7 // no such process
        _ = try seed.begin(entry)
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo), send: inbox.push)
        runtime.openLog(path: path)
        let page = inbox.wait { if case .logPageLoaded = $0 { return true } else { return false } }
        guard case .logPageLoaded(let entries, _, _)? = page else { return }
        XCTAssertEqual(entries.first?.outcome, .unknown, "decided where the data is loaded, not while drawing")
        XCTAssertEqual(entries.first?.message, CallLogEntry.interruptedMessage)
        await runtime.shutdown()
    }

    func testAnotherWriterWakesThePanelAndTheWatcherStopsAtShutdown() async throws {
        let path = folder() + "/calls.sqlite"
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo, watchInterval: .milliseconds(20)), send: inbox.push)
        runtime.openLog(path: path)
        _ = inbox.wait { if case .logPageLoaded = $0 { return true } else { return false } }
        // Another connection (as another exocall process would) commits a send.
        let other = try SQLiteCallLog.open(path: path)
        _ = try other.begin(CallLogEntry(request: request("79995556677"), mode: .demo, endpointHost: "127.0.0.1:1"))
        _ = inbox.wait { $0 == .logChanged }
        await runtime.shutdown()
        inbox.clear()
        _ = try other.begin(CallLogEntry(request: request("79995556678"), mode: .demo, endpointHost: "127.0.0.1:1"))
        // The watcher is cancelled: a later commit wakes nobody, over ten of its intervals.
        XCTAssertTrue(inbox.stays(for: 0.2) { $0 != .logChanged })
    }

    /// The terminal UI starts its runtime after the first frame: what was queued before
    /// waits for `start()`, then is handled in order.
    func testADeferredRuntimeHandlesNothingUntilStarted() async throws {
        let path = folder() + "/calls.sqlite"
        let seed = try SQLiteCallLog.open(path: path)
        _ = try seed.begin(CallLogEntry(request: request("79991112233"), mode: .demo, endpointHost: "127.0.0.1:1"))
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo), deferred: true, send: inbox.push)
        runtime.openLog(path: path)
        XCTAssertTrue(inbox.stays(for: 0.2) { _ in false }, "an effect was handled before start()")
        runtime.start()
        runtime.start()
        let page = inbox.wait { if case .logPageLoaded = $0 { return true } else { return false } }
        guard case .logPageLoaded(let entries, _, _)? = page else { return }
        XCTAssertEqual(entries.map(\.line2Numbers), ["79991112233"])
        await runtime.shutdown()
    }

    /// A start that failed before its first frame (a dumb terminal) never starts the
    /// runtime: shutting it down still handles what was queued, the draft included.
    func testADeferredRuntimeNeverStartedStillWritesItsDraftAtShutdown() async throws {
        let written = await draftWrittenAtShutdown("loaded from a file", deferred: true)
        XCTAssertEqual(written, "loaded from a file")
    }

    func testTheDraftIsWrittenAtShutdownEvenInsideTheThrottle() async throws {
        let written = await draftWrittenAtShutdown("typed just before quitting", draftInterval: .seconds(60))
        XCTAssertEqual(written, "typed just before quitting")
    }

    /// Queues a draft whose description is `description`, shuts the runtime down, and
    /// returns the description of the draft it wrote (nil: none written).
    private func draftWrittenAtShutdown(_ description: String, deferred: Bool = false, draftInterval: Duration? = nil) async -> String? {
        let store = DraftStore(path: folder() + "/draft.json")
        var environment = EffectRuntime.Environment(draft: store, client: nil, mode: .demo)
        if let draftInterval { environment.draftInterval = draftInterval }
        let runtime = EffectRuntime(environment, deferred: deferred, send: { _ in })
        var form = FormState()
        form.requestDescription = description
        runtime.run(.saveDraft(form))
        await runtime.shutdown()
        guard case .draft(let saved, _) = store.load() else { return nil }
        return saved.requestDescription
    }

    func testASendWithoutAWritableLogIsBlockedAndNothingLeaves() async throws {
        let inbox = ActionInbox()
        let client = ExolveClient(endpoint: try Endpoint("http://127.0.0.1:9"), apiKey: APIKey("k")!, timeout: .seconds(1))
        let runtime = EffectRuntime(.init(draft: nil, client: client, mode: .demo), send: inbox.push)
        runtime.run(.send(request("79991112233"), acknowledged: [], window: .standard))
        let blocked = inbox.wait { if case .sendBlocked = $0 { return true } else { return false } }
        guard case .sendBlocked(let reason)? = blocked else { return }
        XCTAssertTrue(reason.text(.en).contains("call log"), reason.text(.en))
        XCTAssertTrue(reason.text(.ru).contains("журнал звонков"), reason.text(.ru))
        await runtime.shutdown()
    }

    func testFilesAreReadAndAnExistingOneIsNotOverwrittenUnasked() async throws {
        let path = folder() + "/request.json"
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo), send: inbox.push)
        runtime.run(.saveFile(path: path, contents: "{}\n", overwrite: false))
        runtime.run(.saveFile(path: path, contents: "{\"x\":1}\n", overwrite: false))
        runtime.run(.loadFile(path: path))
        let loaded = inbox.wait { if case .fileLoaded = $0 { return true } else { return false } }
        XCTAssertEqual(loaded, .fileLoaded(path: path, result: .text("{}\n")))
        _ = inbox.wait { $0 == .fileSaved(path: path, result: .exists) }
        await runtime.shutdown()
    }
}
