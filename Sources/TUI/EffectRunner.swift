import CallbackCore
import CallLog
import ExolveClient
import Foundation

/// Runs the reducer's effects off the UI thread and reports back with actions.
public final class EffectRunner: @unchecked Sendable {
    private let draft: DraftStore?
    private let queue = DispatchQueue(label: "exocall.effects")
    private let draftQueue = DispatchQueue(label: "exocall.draft")
    private let lock = NSLock()
    private var pendingDraft: FormState?
    private var store: CallLogStore?
    private var logProblem: String?
    private let send: @Sendable (Action) -> Void
    private var client: ExolveClient?
    /// Builds the client, availability, host, base URL and key variable for a profile.
    public typealias ProfileResolver = @Sendable (String?) -> (client: ExolveClient?, availability: SendAvailability, host: String, endpointURL: String, keyVariable: String)
    private let resolveProfile: ProfileResolver?
    private let templates: TemplateStore
    private let mode: CallMode
    private let configPath: String?

    /// Creates a runner; `send` delivers actions to the UI loop (from any thread).
    /// `client` is nil when no key is configured (F5 then explains).
    public init(draft: DraftStore?, client: ExolveClient?, mode: CallMode, configPath: String? = nil,
                templates: TemplateStore = TemplateStore(folder: TemplateStore.defaultFolder()),
                resolveProfile: ProfileResolver? = nil, send: @escaping @Sendable (Action) -> Void) {
        self.draft = draft
        self.templates = templates
        self.resolveProfile = resolveProfile
        self.configPath = configPath
        self.client = client
        self.mode = mode
        self.send = send
    }

    /// Opens the call log in the background and starts watching it for changes.
    public func openLog(path: String) {
        queue.async { [self] in
            do {
                let opened = try CallLogStore.open(path: path)
                lock.withLock { store = opened }
                run(.loadLog(filter: CallLogFilter(), limit: LogPaging.pageSize))
                watch(opened)
            } catch {
                // A log that cannot be written can often still be read.
                if let reader = try? CallLogStore.openForReading(path: path) {
                    lock.withLock { store = reader }
                    run(.loadLog(filter: CallLogFilter(), limit: LogPaging.pageSize))
                    send(.notice(StatusMessage("the call log is read-only here: \(error)", .warning)))
                } else {
                    lock.withLock { logProblem = "\(error)" }
                    send(.logUnavailable("\(error)"))
                }
            }
        }
    }

    /// The open call log, if any.
    public var callLog: CallLogStore? { lock.withLock { store } }

    private func watch(_ store: CallLogStore) {
        let send = self.send
        Thread.detachNewThread {
            var last = try? store.changeMarker()
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let now = try? store.changeMarker()
                if now != last {
                    last = now
                    send(.logChanged)
                }
            }
        }
    }

    /// How long a draft change may wait before it is written.
    public static let draftInterval: DispatchTimeInterval = .milliseconds(150)

    private func writePendingDraft() {
        let latest = lock.withLock { () -> FormState? in
            defer { pendingDraft = nil }
            return pendingDraft
        }
        if let latest { try? draft?.save(latest) }
    }

    /// Writes a pending draft now (at quit).
    public func flushDraft() {
        draftQueue.sync { writePendingDraft() }
    }

    /// Runs one effect.
    public func run(_ effect: Effect) {
        switch effect {
        case .saveDraft(let form):
            guard draft != nil else { return }
            // Throttled: at most one write per `draftInterval`, always of the newest
            // form, so typing is not slowed by a file write per key and a kill -9
            // loses at most the last fraction of a second.
            let schedule = lock.withLock { () -> Bool in
                let idle = pendingDraft == nil
                pendingDraft = form
                return idle
            }
            guard schedule else { return }
            draftQueue.asyncAfter(deadline: .now() + EffectRunner.draftInterval) { [self] in writePendingDraft() }
        case .loadFile(let path):
            queue.async { [send] in
                let expanded = (path as NSString).expandingTildeInPath
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
                    return send(.fileLoaded(path: path, result: .failure("no such file")))
                }
                guard !isDirectory.boolValue else { return send(.fileLoaded(path: path, result: .failure("it is a folder"))) }
                guard let data = FileManager.default.contents(atPath: expanded) else {
                    return send(.fileLoaded(path: path, result: .failure("permission denied")))
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    return send(.fileLoaded(path: path, result: .failure("it is not UTF-8 text")))
                }
                send(.fileLoaded(path: path, result: .text(text)))
            }
        case .saveFile(let path, let contents, let overwrite):
            queue.async { [send] in
                let expanded = (path as NSString).expandingTildeInPath
                if !overwrite && FileManager.default.fileExists(atPath: expanded) {
                    return send(.fileSaved(path: path, result: .exists))
                }
                do {
                    try Data(contents.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
                    send(.fileSaved(path: path, result: .saved))
                } catch {
                    send(.fileSaved(path: path, result: .failure((error as NSError).localizedDescription)))
                }
            }
        case .loadLog(let filter, let limit):
            queue.async { [self] in
                guard let store = callLog else { return }
                do {
                    let entries = try store.page(filter, limit: limit)
                    send(.logPageLoaded(entries: entries, total: try store.count(filter), append: false))
                } catch {
                    send(.logUnavailable("\(error)"))
                }
            }
        case .loadMoreLog(let filter, let cursor, let limit):
            queue.async { [self] in
                guard let store = callLog else { return }
                do {
                    let entries = try store.page(filter, after: cursor, limit: limit)
                    send(.logPageLoaded(entries: entries, total: try store.count(filter), append: true))
                } catch {
                    send(.logUnavailable("\(error)"))
                }
            }
        case .send(let request):
            // On the queue that opens the log: a send made while the log is still
            // opening waits for it instead of being refused.
            queue.async { [self] in
                let (store, problem, client) = lock.withLock { (self.store, self.logProblem, self.client) }
                guard let client else {
                    send(.sendBlocked("no API key is configured"))
                    return
                }
                // No call goes out unrecorded: without a writable log, nothing is sent.
                guard let store, !store.isReadOnly else {
                    send(.sendBlocked("the call log cannot record it, so nothing was sent: \(problem ?? "the log is read-only")"))
                    return
                }
                let sender = LoggedSender(client: client, store: store, mode: mode)
                let deliver = self.send
                Task.detached {
                    do {
                        let outcome = try await sender.send(request)
                        deliver(.sendFinished(SentCall(result: outcome.result, entryID: outcome.entryID, logWarning: outcome.logWarning)))
                    } catch {
                        deliver(.sendBlocked("\(error)"))
                    }
                }
            }
        case .copyToClipboard:
            break // the terminal layer writes OSC 52 itself, between frames
        case .listTemplates:
            queue.async { [self] in
                let items = templates.names().map { name -> TemplateItem in
                    do { return TemplateItem(name: name, json: try templates.load(name), problem: nil) } catch {
                        return TemplateItem(name: name, json: nil, problem: "\(error)")
                    }
                }
                send(.templatesListed(items))
            }
        case .saveTemplate(let name, let json, let overwrite):
            queue.async { [self] in
                do {
                    try templates.save(name, json: json, overwrite: overwrite)
                    send(.templateSaved(name: name, result: .saved))
                } catch {
                    let exists = !overwrite && FileManager.default.fileExists(atPath: templates.path(of: name))
                    send(.templateSaved(name: name, result: exists ? .exists : .failure("\(error)")))
                }
            }
        case .switchProfile(let name):
            guard let resolveProfile else { return }
            queue.async { [self] in
                let resolved = resolveProfile(name)
                lock.withLock { client = resolved.client }
                send(.profileApplied(resolved.availability, host: resolved.host, endpointURL: resolved.endpointURL, keyVariable: resolved.keyVariable))
            }
        case .saveThemeToConfig(let name):
            queue.async { [self] in
                guard let configPath else { return send(.configSaved("no config file path")) }
                do {
                    try ConfigFile.setString("theme", to: name, at: configPath)
                    send(.configSaved(nil))
                } catch {
                    send(.configSaved("\(error)"))
                }
            }
        }
    }
}
