import CallEvents
import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import FoundationEssentials
import Glibc
import Synchronization
import TUI
import Localization

/// Runs the reducer's effects and reports back with actions. Every effect goes
/// through one mailbox, handled in order by one actor: a send made while the
/// call log is still opening waits for it, and nothing races. Slow work (an HTTP
/// send, the log watcher, the spinner's clock) runs in tasks the actor owns and
/// cancels at `shutdown()`.
public final class EffectRuntime: Sendable {
    /// Builds the client, availability, host, base URL and key variable for a profile.
    public typealias ProfileResolver = @Sendable (String?) -> ResolvedProfile

    /// What switching to a profile resolves to.
    public struct ResolvedProfile: Sendable {
        /// The client, nil when no key is configured.
        public var client: ExolveClient?
        /// Whether F5 can send.
        public var availability: SendAvailability
        /// The endpoint's host, for the header.
        public var host: String
        /// The endpoint's base URL, for copy as curl.
        public var endpointURL: String
        /// The key's environment variable, for copy as curl.
        public var keyVariable: String

        /// Creates a resolution.
        public init(client: ExolveClient?, availability: SendAvailability, host: String, endpointURL: String, keyVariable: String) {
            self.client = client
            self.availability = availability
            self.host = host
            self.endpointURL = endpointURL
            self.keyVariable = keyVariable
        }
    }

    /// What the runtime needs from the outside world.
    public struct Environment: Sendable {
        /// Where the draft is kept (nil: no draft).
        public var draft: DraftStore?
        /// The client, nil when no key is configured (F5 then explains).
        public var client: ExolveClient?
        /// live or demo, recorded with each send.
        public var mode: CallMode
        /// config.toml, for saving the theme.
        public var configPath: String?
        /// The templates folder.
        public var templates: TemplateStore
        /// Rebuilds the client for a profile.
        public var resolveProfile: ProfileResolver?
        /// The clock the UI loop and the spinner share.
        public var clock: RuntimeClock
        /// How often the call log is checked for other processes' sends.
        public var watchInterval: Duration
        /// How long a draft change may wait before it is written.
        public var draftInterval: Duration
        /// Who is sending, stamped on every entry.
        public var operatorName: String
        /// How long to wait between attempts to reach a team log that is down.
        public var reconnectInterval: Duration
        /// Where outcomes the log cannot take right now wait for it.
        public var pending: PendingOutcomes
        /// Whether Exolve's call history is read by itself for placed calls without events.
        public var callHistoryAuto = false
        /// How often it is read at first (doubled after each round that fails or finds nothing, up to 30 minutes).
        public var historyInterval: Duration = .seconds(60)

        /// Creates an environment.
        public init(draft: DraftStore?, client: ExolveClient?, mode: CallMode, configPath: String? = nil,
                    templates: TemplateStore = TemplateStore(folder: TemplateStore.defaultFolder()),
                    resolveProfile: ProfileResolver? = nil, clock: RuntimeClock = RuntimeClock(),
                    watchInterval: Duration = .milliseconds(500), draftInterval: Duration = .milliseconds(150),
                    operatorName: String = Operator.fallback, reconnectInterval: Duration = .seconds(2),
                    pending: PendingOutcomes = .standard()) {
            self.pending = pending
            self.operatorName = operatorName
            self.reconnectInterval = reconnectInterval
            self.draft = draft
            self.client = client
            self.mode = mode
            self.configPath = configPath
            self.templates = templates
            self.resolveProfile = resolveProfile
            self.clock = clock
            self.watchInterval = watchInterval
            self.draftInterval = draftInterval
        }
    }

    private let worker: Worker
    private let mailbox: AsyncStream<Job>.Continuation
    /// The mailbox's stream until the loop takes it, then the loop.
    private let loop: Mutex<Loop>

    private enum Loop {
        case waiting(AsyncStream<Job>)
        case running(Task<Void, Never>)
    }

    /// Creates a runtime; `send` delivers actions to the UI loop (from any thread).
    /// Effects are handled from now on, or, when `deferred`, from `start()` (effects
    /// queued before it wait, in order): the terminal UI starts its runtime after its
    /// first frame, which then shares the processor with no pool thread being made.
    public init(_ environment: Environment, deferred: Bool = false, send: @escaping @Sendable (Action) -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        worker = Worker(environment, deliver: send)
        mailbox = continuation
        loop = Mutex(.waiting(stream))
        if !deferred { start() }
    }

    /// Starts handling effects (once; later calls do nothing).
    public func start() { _ = running() }

    /// The loop handling the mailbox, started now if it was not yet.
    private func running() -> Task<Void, Never> {
        loop.withLock { loop in
            switch loop {
            case .running(let task):
                return task
            case .waiting(let stream):
                let worker = self.worker
                let task = Task {
                    for await job in stream {
                        switch job {
                        case .effect(let effect): await worker.handle(effect)
                        case .openLog(let path): await worker.openLog(path: path)
                        case .startDemo(let start): await worker.startDemo(start)
                        }
                    }
                }
                loop = .running(task)
                return task
            }
        }
    }

    private enum Job: Sendable {
        case effect(Effect)
        case openLog(String)
        case startDemo(@Sendable () async throws -> ExolveClient)
    }

    /// Starts the demo stand-in with `start` (which returns the client that talks to it),
    /// in order with the effects: a send queued meanwhile waits for it. The UI hears
    /// `.profileApplied` (ready, with the stand-in's URL), or why it could not start.
    public func startDemo(_ start: @escaping @Sendable () async throws -> ExolveClient) { mailbox.yield(.startDemo(start)) }

    /// Opens the call log (a path or a `postgresql://` URL, in order with the
    /// effects) and starts watching it. A team log that cannot be reached is
    /// reported and tried again until it answers.
    public func openLog(path: String) { mailbox.yield(.openLog(path)) }

    /// Queues one effect; effects are handled in the order they are queued.
    public func run(_ effect: Effect) { mailbox.yield(.effect(effect)) }

    /// Stops watching, waits for the effects already queued (and, when asked, for
    /// every send in flight to record its outcome), and writes a pending draft.
    /// Returns the outcomes of the sends it waited for.
    @discardableResult
    public func shutdown(waitForSends: Bool = false) async -> [SentCall] {
        let handling = running()
        mailbox.finish()
        await handling.value
        let finished = waitForSends ? await worker.waitForSends() : []
        await worker.shutdown()
        return finished
    }

    /// The open call log, if any: the demo's event receiver writes through it (so a team log
    /// holds one connection per TUI), and tests look at it.
    public var callLog: (any CallLogStore)? { get async { await worker.store } }
}

/// Seconds since the runtime started, shared by the UI loop and the spinner.
public struct RuntimeClock: Sendable {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// A clock reading 0 now.
    public init() { start = clock.now }

    /// Seconds elapsed.
    public func now() -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The actor that owns the runtime's state: the open log, the client, the draft, its tasks.
private actor Worker {
    let environment: EffectRuntime.Environment
    let deliver: @Sendable (Action) -> Void
    var store: (any CallLogStore)?
    var logProblem: Localized?
    var client: ExolveClient?
    var pendingDraft: FormState?
    var draftTask: Task<Void, Never>?
    var sends: [Task<SentCall?, Never>] = []
    var watcher: Task<Void, Never>?
    /// The background reading of Exolve's call history (`call_history = "auto"`).
    var historyTask: Task<Void, Never>?
    var reconnecting: Task<Void, Never>?
    var pendingRetry: Task<Void, Never>?
    var loads = 0
    var delivered = 0
    var liveTicker: Task<Void, Never>?
    var liveUntil = ContinuousClock.now

    init(_ environment: EffectRuntime.Environment, deliver: @escaping @Sendable (Action) -> Void) {
        self.environment = environment
        self.deliver = deliver
        client = environment.client
    }

    func startDemo(_ start: @Sendable () async throws -> ExolveClient) async {
        do {
            let started = try await start()
            client = started
            deliver(Self.standIn(started))
        } catch {
            deliver(.profileApplied(.noKey(.phrase(.demoCouldNotStart, ["reason": .error(error)])), host: "127.0.0.1", endpointURL: "",
                                    keyVariable: APIKey.environmentVariable))
        }
    }

    /// The demo's client, as the UI hears it: ready, the stand-in's host and URL.
    static func standIn(_ client: ExolveClient) -> Action {
        .profileApplied(.ready, host: client.endpoint.host, endpointURL: client.endpoint.baseURL.absoluteString,
                        keyVariable: APIKey.environmentVariable)
    }

    /// Who this TUI is to a team log's server: its operator, one connection.
    private var logSession: LogSession { LogSession(operatorName: environment.operatorName) }

    func openLog(path: String) async {
        do {
            attach(try await CallLogOpener.open(path, session: logSession))
        } catch {
            if case .unavailable = error {
                // A team log's server that is down: say so, refuse sends, and keep trying.
                logProblem = error.text
                deliver(.logUnavailable(error.text))
                reconnect(path)
                return
            }
            // A log that cannot be written can often still be read.
            if let reader = (try? await CallLogOpener.openForReading(path, session: logSession)) ?? nil {
                attach(reader)
                deliver(.notice(StatusMessage(.phrase(.logReadOnly, ["reason": error.text]), .warning)))
            } else {
                logProblem = error.text
                deliver(.logUnavailable(error.text))
            }
        }
    }

    /// Starts using an open log: the first page, then every change any process makes.
    private func attach(_ opened: any CallLogStore) {
        store = opened
        logProblem = nil
        loadLog(filter: CallLogFilter(), result: nil, limit: LogPaging.pageSize, after: nil)
        let deliver = self.deliver
        let changes = opened.changes(interval: environment.watchInterval)
        startHistorySync()
        watcher?.cancel()
        watcher = Task.detached {
            // At most a few reloads a second, however many changes arrive (a NOTIFY flood is one reload).
            for await _ in changes {
                deliver(.logChanged)
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// `call_history = "auto"`: asks Exolve's call history, in the background, about recent
    /// placed calls that have no events, and records their talk times. A failure is one line
    /// in the status, never a dialog; each round that fails or finds nothing waits twice as
    /// long as the last (up to 30 minutes), so a broken source is never hammered.
    private func startHistorySync() {
        historyTask?.cancel()
        guard environment.callHistoryAuto else { return }
        let first = environment.historyInterval
        let deliver = self.deliver
        historyTask = Task {
            var wait = first
            try? await Task.sleep(for: .seconds(5))
            while !Task.isCancelled {
                if let outcome = await self.historyRound() {
                    switch outcome {
                    case .updated: wait = first
                    case .nothing: wait = min(wait * 2, .seconds(1800))
                    case .failed(let reason):
                        deliver(.notice(StatusMessage(.phrase(.historyAutoFailed, ["reason": reason]), .warning)))
                        wait = min(wait * 2, .seconds(1800))
                    }
                }
                try? await Task.sleep(for: wait)
            }
        }
    }

    private enum HistoryRound { case updated, nothing, failed(Localized) }

    /// One round: nil when there was nothing to ask about.
    private func historyRound() async -> HistoryRound? {
        guard let store, let client else { return nil }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        guard let recent = try? await store.page(CallLogFilter(outcome: .placed, since: now - CallHistorySync.horizon), limit: 200),
              let results = try? await store.results(of: recent),
              let from = CallHistorySync.window(recent, results: results, now: now) else { return nil }
        switch await client.listCallHistory(from: Date(timeIntervalSince1970: Double(from) / 1000), until: Date().addingTimeInterval(60)) {
        case .failure(let failure): return .failed(failure.text)
        case .success(let items):
            var seconds: [String: Int] = [:]
            for item in items { seconds[item.callID] = item.talkSeconds }
            // Every call asked about is stamped, listed or not, so it waits before it is asked again.
            let asked = recent.compactMap { entry in entry.callID.flatMap { results[$0] == nil ? $0 : nil } }
            guard let updated = try? await store.recordTalkTimes(seconds, asked: asked, at: now) else { return .nothing }
            if items.contains(where: { $0.talkSeconds > 0 }) && updated > 0 {
                deliver(.logChanged)
                return .updated
            }
            return .nothing
        }
    }

    /// Tries to open the log again every `reconnectInterval` until it opens.
    private func reconnect(_ path: String) {
        let interval = environment.reconnectInterval
        let deliver = self.deliver
        reconnecting?.cancel()
        reconnecting = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { return }
                if let opened = try? await CallLogOpener.open(path, session: self.logSession) {
                    self.attach(opened)
                    deliver(.notice(StatusMessage(.phrase(.logBack, ["location": .verbatim(opened.location)]), .success)))
                    return
                }
            }
        }
    }

    /// Writes the outcomes kept during an outage into the log as soon as it takes them,
    /// trying every `reconnectInterval` in the background; the panel reloads when they land.
    private func retryPendingOutcomes(_ pending: PendingOutcomes) {
        guard pendingRetry == nil else { return }
        let interval = environment.reconnectInterval
        let deliver = self.deliver
        pendingRetry = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let store = self.store, !Task.isCancelled else { continue }
                if await pending.replay(into: store) > 0 {
                    deliver(.notice(StatusMessage(.phrase(.logOutcomesWritten, ["location": .verbatim(store.location)]), .success)))
                    deliver(.logChanged)
                }
                if pending.records(for: store.location).isEmpty { break }
            }
            self.pendingRetry = nil
        }
    }

    func shutdown() async {
        pendingRetry?.cancel()
        watcher?.cancel()
        historyTask?.cancel()
        reconnecting?.cancel()
        draftTask?.cancel()
        writePendingDraft()
    }

    private func writePendingDraft() {
        defer { pendingDraft = nil }
        if let pendingDraft { try? environment.draft?.save(pendingDraft) }
    }

    /// Loads a page in the background, so a slow or unreachable server never holds
    /// up the effects behind it; `loads` orders the answers (a stale page never
    /// replaces a newer one).
    private func loadLog(filter: CallLogFilter, result: CallState?, limit: Int, after cursor: CallLogCursor?) {
        guard let store else { return }
        loads += 1
        let ticket = loads
        Task.detached {
            let action: Action
            var results: [String: CallResult] = [:]
            do {
                let page = try await store.page(filter, result: result, after: cursor, limit: limit)
                let now = Date()
                results = page.results
                action = .logPageLoaded(entries: page.entries.map { $0.resolvingInterruption(now: now) },
                                        total: page.total, append: cursor != nil)
            } catch {
                action = .logUnavailable(.error(error))
            }
            await self.deliverLoad(action, ticket: ticket, append: cursor != nil)
            // Then what Exolve's events say of those calls (the panel's result column).
            // Unknown sends with no call_id: a call the events show for the same numbers is evidence.
            if case .logPageLoaded(let entries, _, _) = action,
               let found = try? await store.evidence(for: entries, now: Int64(Date().timeIntervalSince1970 * 1000)),
               !found.links.isEmpty || !found.noSign.isEmpty {
                self.deliver(.logEvidence(found.links, results: found.results, noSign: found.noSign))
            }
            // What the events (or the call history) say of those calls, read with the page.
            if !results.isEmpty { self.deliver(.logResults(results)) }
        }
    }

    /// Delivers a load's answer unless a newer load's answer came first.
    private func deliverLoad(_ action: Action, ticket: Int, append: Bool) {
        guard ticket > delivered || append else { return }
        delivered = max(delivered, ticket)
        deliver(action)
    }

    func handle(_ effect: Effect) {
        switch effect {
        case .saveDraft(let form):
            guard environment.draft != nil else { return }
            // Throttled: at most one write per interval, always of the newest form, so
            // typing is not slowed by a file write per key and a kill -9 loses at most
            // the last fraction of a second.
            let idle = pendingDraft == nil
            pendingDraft = form
            guard idle else { return }
            let interval = environment.draftInterval
            draftTask = Task {
                try? await Task.sleep(for: interval)
                self.writePendingDraft()
            }
        case .loadFile(let path):
            deliver(.fileLoaded(path: path, result: Files.read(path)))
        case .tickFor(let seconds):
            liveUntil = max(liveUntil, ContinuousClock.now + .seconds(seconds))
            guard liveTicker == nil else { return }
            let deliver = self.deliver
            let clock = environment.clock
            liveTicker = Task {
                while !Task.isCancelled, ContinuousClock.now < self.liveUntil {
                    try? await Task.sleep(for: .seconds(1))
                    deliver(.tick(now: clock.now()))
                }
                self.liveTicker = nil
            }
        case .loadClientHistory(let number):
            guard let store else {
                deliver(.clientHistoryFailed(number, .phrase(.annotateNoLog)))
                return
            }
            Task.detached {
                do { self.deliver(.clientHistoryLoaded(try await store.clientHistory(number, limit: 500))) } catch {
                    self.deliver(.clientHistoryFailed(number, .error(error)))
                }
            }
        case .annotate(var annotation):
            annotation.at = Int64((Date().timeIntervalSince1970 * 1000).rounded())
            guard let store else {
                deliver(.annotationFailed(annotation, .phrase(.annotateNoLog)))
                return
            }
            let stamped = annotation
            Task.detached {
                do {
                    try await store.annotate(stamped)
                    self.deliver(.annotated(stamped))
                } catch {
                    self.deliver(.annotationFailed(stamped, .error(error)))
                }
            }
        case .completePath(let typed):
            deliver(.pathCompletions(typed: typed, candidates: Files.completions(of: typed)))
        case .saveFile(let path, let contents, let overwrite):
            // Report the full path: "saved to request.json" does not say which folder.
            deliver(.fileSaved(path: Files.absolute(path), result: Files.write(contents, to: path, overwrite: overwrite)))
        case .loadLog(let filter, let result, let limit):
            loadLog(filter: filter, result: result, limit: limit, after: nil)
        case .loadMoreLog(let filter, let result, let cursor, let limit):
            loadLog(filter: filter, result: result, limit: limit, after: cursor)
        case .listAccount:
            guard let client else { return }
            let deliver = self.deliver
            // In the background: the form never waits for the lists.
            Task.detached {
                async let numbers = client.listNumbers()
                async let resources = client.listCallbackResources()
                deliver(.numbersListed(await numbers))
                deliver(.callbackResourcesListed(await resources))
            }
        case .checkRepeat(let request, let window):
            let store = self.store
            let deliver = self.deliver
            Task.detached {
                guard let store else {
                    deliver(.repeatCheckFailed(request, reason: .phrase(.confirmLogNotOpen)))
                    return
                }
                do {
                    let attempts = try await store.recentAttempts(against: RepeatGuard.leg2Numbers(request), window: window)
                    // What the events say of those calls first, so the list shows it as it appears.
                    let ids = attempts.compactMap(\.callID)
                    if !ids.isEmpty, let events = try? await store.events(callIDs: ids), !events.isEmpty {
                        deliver(.logResults(CallResult.byCall(events)))
                    }
                    deliver(.repeatChecked(request, attempts))
                } catch {
                    // An empty list would read as "no recent calls": the confirmation says the log could not answer.
                    deliver(.repeatCheckFailed(request, reason: .error(error)))
                }
            }
        case .send(let request, let acknowledged, let window):
            send(request, acknowledged: acknowledged, window: window)
        case .copyToClipboard:
            break // the terminal layer writes OSC 52 itself, between frames
        case .listTemplates:
            let templates = environment.templates
            let items = templates.names().map { name -> TemplateItem in
                do { return TemplateItem(name: name, json: try templates.load(name), problem: nil) } catch {
                    return TemplateItem(name: name, json: nil, problem: .error(error))
                }
            }
            deliver(.templatesListed(items))
        case .saveTemplate(let name, let json, let overwrite):
            let templates = environment.templates
            do {
                try templates.save(name, json: json, overwrite: overwrite)
                deliver(.templateSaved(name: name, result: .saved))
            } catch {
                let exists = !overwrite && FileManager.default.fileExists(atPath: templates.path(of: name))
                deliver(.templateSaved(name: name, result: exists ? .exists : .failure(.error(error))))
            }
        case .switchProfile(let name):
            // In demo mode requests keep going to the stand-in, whatever the profile.
            if environment.mode == .demo, let client { return deliver(Self.standIn(client)) }
            guard let resolve = environment.resolveProfile else { return }
            let resolved = resolve(name)
            client = resolved.client
            deliver(.profileApplied(resolved.availability, host: resolved.host, endpointURL: resolved.endpointURL, keyVariable: resolved.keyVariable))
        case .saveThemeToConfig(let name):
            guard let configPath = environment.configPath else { return deliver(.configSaved(.phrase(.configNoPath))) }
            do {
                try ConfigFile.setString("theme", to: name, at: configPath)
                deliver(.configSaved(nil))
            } catch {
                deliver(.configSaved(.error(error)))
            }
        }
    }

    /// Writes the entry (unless the repeat guard holds it), sends once, records the
    /// outcome; the spinner ticks meanwhile.
    private func send(_ request: MakeCallbackRequest, acknowledged: Set<Int64>, window: RepeatWindow) {
        guard let client else { return deliver(.sendBlocked(.phrase(.blockedNoKey))) }
        // No call goes out unrecorded: without a writable log, nothing is sent.
        guard let store, !store.isReadOnly else {
            return deliver(.sendBlocked(.phrase(.blockedLog, ["reason": logProblem ?? .phrase(.blockedLogReadOnly)])))
        }
        let sender = LoggedSender(client: client, store: store, mode: environment.mode, operatorName: environment.operatorName,
                                  pending: environment.pending)
        let deliver = self.deliver
        let clock = environment.clock
        let ticker = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                if !Task.isCancelled { deliver(.tick(now: clock.now())) }
            }
        }
        sends.append(Task.detached {
            defer { ticker.cancel() }
            do {
                switch try await sender.send(request, window: window, acknowledged: acknowledged, stage: { deliver(.sendStage($0)) }) {
                case .sent(let outcome):
                    if outcome.outcomePending { await self.retryPendingOutcomes(sender.pending) }
                    let call = SentCall(result: outcome.result, entryID: outcome.entryID, logWarning: outcome.logWarning)
                    deliver(.sendFinished(call))
                    return call
                case .held(let attempts):
                    deliver(.sendHeld(request, attempts))
                }
            } catch {
                deliver(.sendBlocked(.error(error)))
            }
            return nil
        })
    }

    /// Waits until every send started so far has recorded its outcome.
    func waitForSends() async -> [SentCall] {
        let running = sends
        sends = []
        var finished: [SentCall] = []
        for send in running { if let call = await send.value { finished.append(call) } }
        return finished
    }
}
