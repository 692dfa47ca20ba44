import Logging
import EventServer
import EventReceiver
import ArgumentParser
import CallbackCore
import CallLog
import Console
import ExolveClient
import ExolveStub
import FoundationEssentials
import Glibc
import ProcessEnvironment
import TUI
import Theming
import TUINcurses
import TUIRuntime
import Localization

/// Prepares and runs the terminal UI: configuration, demo server, the
/// starting form (a loaded file or the saved draft), the call log.
struct TUILauncher {
    let demo: Bool
    let load: String?
    let baseURL: String?
    let theme: String?
    let profile: String?
    /// `--db`, when given (else EXOCALL_DB, the config's db, the default file).
    let databaseFlag: String?
    /// `--operator`, when given (else EXOCALL_OPERATOR, the config's operator, user@host).
    let operatorFlag: String?

    /// Runs on the main thread, the key loop included, until the operator quits; what
    /// comes after (waiting for a send, stopping the stand-in) runs on the concurrency pool.
    func run() throws {
        if let refusal = TerminalApp.streamsRefusal() {
            printError("exocall: " + LanguageOption.current().describe(refusal))
            throw ExitCode(1)
        }
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(baseURLFlag: baseURL, profileFlag: profile)
        } catch {
            printError("exocall: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        let language = LanguageOption.resolve(configured: config.file.uiLanguage)
        let operatorName = try OperatorOption.resolve(flag: operatorFlag, configured: config.file.operatorName, command: "")
        let (library, loadedTheme, themeKey) = try startingTheme(configured: config.file.theme, language: language)

        var stub: StubServer? = nil
        let demoKey = "demo-" + UUID().uuidString
        let target: SendTarget
        var client: ExolveClient? = nil
        var availability = SendAvailability.ready
        if demo {
            // The stand-in runs in this process; the real client talks to it over loopback.
            // It starts after the first frame (see afterFirstFrame below).
            stub = StubServer(apiKey: demoKey)
            target = .demo(host: "127.0.0.1")
        } else {
            target = .live(host: config.endpoint.host)
            // A typed catch: its message is read directly, not through a cast to OperatorFacingError
            // (the cast's first use searches every protocol conformance in the binary, before the first frame).
            do throws(ClientConfigurationError) {
                client = ExolveClient(endpoint: config.endpoint, apiKey: try config.requireKey(), timeout: config.timeout)
            } catch {
                availability = .noKey(.phrase(.keyPreviewNeedsNone, ["reason": error.text]))
            }
        }

        let drafts = DraftStore(path: DraftStore.defaultPath())
        var (form, notice) = try startingForm(drafts: drafts, language: language)

        // The profile's defaults fill whatever is empty in the starting form.
        if let defaults = config.profile?.defaults {
            let filled = form.applyDefaults(defaults)
            if !filled.isEmpty && notice == nil {
                notice = StatusMessage(.phrase(.profileFilled, ["name": .verbatim(config.profile!.name), "fields": .list(filled)]), .info)
            }
        }
        var state = AppState(size: Size(width: 80, height: 24), target: target, form: form)
        state.status = notice
        state.sending.availability = availability
        if availability == .ready {
            state.account.numbers = .loading
            state.account.resources = .loading
        }
        state.profile.list = config.profiles
        state.profile.name = config.profile?.name
        state.profile.keyVariable = config.keyVariable
        state.profile.endpointURL = client?.endpoint.baseURL.absoluteString ?? config.endpoint.baseURL.absoluteString
        state.theme.name = themeKey
        state.language = language
        state.theme.names = library.names
        state.demoScenarios = StubScenario.catalog.map { DemoScenario(tag: $0.tag, effect: $0.effect) }
        state.screen.wallClockAtStart = Int64(Date().timeIntervalSince1970 * 1000)
        state.log.operatorName = operatorName
        state.log.dispositions = config.file.dispositionNames(in: state.language)
        let logLocation = CallLogLocation.resolve(flag: databaseFlag, configured: { config.file.db })
        state.log.place = logLocation.hasPrefix("postgres") ? .team(host: URLComponents(string: logLocation)?.host ?? "?") : .file
        let app = TerminalApp(state: state)
        // In demo mode requests keep going to the stand-in whatever the profile.
        let resolver = Self.profileResolver(baseURLFlag: baseURL)
        let clock = RuntimeClock()
        var environment = EffectRuntime.Environment(draft: drafts, client: client, mode: demo ? .demo : .live, configPath: config.configPath,
                                                    resolveProfile: resolver, clock: clock, operatorName: operatorName)
        // The demo's calls have events (its own receiver); a live log reads the call history unless it is off.
        environment.callHistoryAuto = !demo && (config.file.callHistoryAuto ?? true)
        let runtime = EffectRuntime(environment, deferred: true, send: app.send)
        let logPath = logLocation
        let timeout = config.timeout
        // The account's numbers and callback resources load in the background; the form never waits.
        // (In demo mode they are listed once the stand-in is up.)
        let startup: [Effect] = (load != nil ? [.saveDraft(form)] : []) + (availability == .ready && !demo ? [.listAccount] : [])
        // What is slow to start comes after the first frame and reports back as actions.
        let afterFirstFrame: @Sendable () -> Void = { [stub] in
            runtime.start()
            runtime.openLog(path: logPath)
            if let stub {
                runtime.startDemo {
                    // Each placed call's life comes back as Exolve's events, over HTTP, to a receiver in this process.
                    // The log the TUI opened (queued before this, so open by now): on a team log the
                    // receiver shares the TUI's one connection instead of holding a second.
                    if let receiver = await DemoEvents.start(logPath: logPath, operatorName: operatorName, opened: await runtime.callLog) {
                        await stub.sendEvents(to: EventPoster.post(to: receiver))
                    }
                    return ExolveClient(endpoint: try Endpoint(try await stub.start()), apiKey: APIKey(demoKey)!, timeout: timeout)
                }
            }
        }

        let outcome: Result<(AppState, Int32), Error>
        do {
            let final = try app.run(runEffect: runtime.run, startup: startup, themes: library, loaded: loadedTheme,
                                    mouse: config.file.mouse ?? true, now: clock.now, afterFirstFrame: afterFirstFrame)
            outcome = .success((final, app.caughtSignal))
        } catch {
            outcome = .failure(error)
        }
        // The terminal is restored by now (stopping the stand-in under a send would answer early).
        try Blocking.run { [stub] in try await Self.finish(outcome, runtime: runtime, stub: stub, language: language) }
    }

    /// The form to start with: `--load`'s file (exit 2 when it cannot be read or parsed),
    /// else the saved draft, else an empty form; with the notice that says which.
    func startingForm(drafts: DraftStore, language: UILanguage) throws -> (FormState, StatusMessage?) {
        var form = FormState()
        var notice: StatusMessage? = nil
        if let load {
            let text: String
            switch InputFile.readText(load, language: language) {
            case .failure(let failure):
                printError("exocall: " + failure.message)
                throw ExitCode(2)
            case .success(let read): text = read
            }
            do {
                let loaded = FormState.loading(try JSONParser.parse(text))
                form = loaded.form
                let validation = RequestValidator.validate(form.jsonValue)
                notice = StatusMessage(language(.loadedFile, ["path": load, "summary": LoadReport.summary(validation, kept: loaded.kept, language: language)]),
                                       validation.errors.isEmpty ? (validation.warnings.isEmpty ? .success : .warning) : .error)
            } catch {
                printError("exocall: " + language(.cliPathProblem, ["path": load, "message": error.message.text(language)]))
                throw ExitCode(2)
            }
        } else {
            switch drafts.load() {
            case .none: break
            case .draft(let saved, let savedAt):
                form = saved
                notice = StatusMessage(language(.restoredDraft, ["time": Timestamp.local(Int64(savedAt.timeIntervalSince1970 * 1000))]), .info)
            case .unreadable(let reason, let movedTo):
                notice = StatusMessage(movedTo.map { .phrase(.draftUnreadableKept, ["reason": reason, "path": .verbatim($0)]) }
                                       ?? .phrase(.draftUnreadable, ["reason": reason]), .warning)
            }
        }
        return (form, notice)
    }

    /// Switching profiles rebuilds the client from the profile's endpoint and key.
    static func profileResolver(baseURLFlag: String?) -> EffectRuntime.ProfileResolver {
        return { name in
            do {
                let resolved = try ClientConfiguration.resolve(baseURLFlag: baseURLFlag, profileFlag: name)
                let key = resolved.profile.map(\.keyVariable) ?? APIKey.environmentVariable
                let url = resolved.endpoint.baseURL.absoluteString
                do {
                    let client = ExolveClient(endpoint: resolved.endpoint, apiKey: try resolved.requireKey(), timeout: resolved.timeout)
                    return .init(client: client, availability: .ready, host: resolved.endpoint.host, endpointURL: url, keyVariable: key)
                } catch {
                    return .init(client: nil, availability: .noKey(.phrase(.keyPreviewNeedsNone, ["reason": .error(error)])), host: resolved.endpoint.host, endpointURL: url, keyVariable: key)
                }
            } catch {
                return .init(client: nil, availability: .noKey(.phrase(.keyPreviewNeedsNone, ["reason": .error(error)])), host: "?", endpointURL: Endpoint.defaultBaseURL,
                             keyVariable: APIKey.environmentVariable)
            }
        }
    }

    /// After the terminal is restored: whatever ended the run, a send in flight keeps its
    /// outcome (a signal waits for it, bounded by the client's timeout); only "quit now"
    /// leaves it, and then the demo stand-in is not stopped under it.
    static func finish(_ outcome: Result<(AppState, Int32), Error>, runtime: EffectRuntime, stub: StubServer?, language: UILanguage) async throws {
        switch outcome {
        case .success(let (final, signal)):
            let abandoned = final.sending.inFlight != nil && signal == 0
            let waited = await runtime.shutdown(waitForSends: !abandoned)
            if abandoned {
                printError("exocall: " + language(.cliQuitInFlight))
                throw ExitCode(0)
            }
            if let sent = waited.last ?? (final.sending.quitAfterSend ? final.sending.lastSent : nil), final.sending.inFlight != nil || final.sending.quitAfterSend {
                printError("exocall: " + language(.cliLastSend, ["line": OutcomeReport.line(sent.result, in: language)]))
            }
            await stub?.stop()
            if signal != 0 { throw ExitCode(128 + signal) }
        case .failure(let error):
            await runtime.shutdown(waitForSends: true)
            await stub?.stop()
            printError("exocall: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }

    /// The theme: --theme, else the config's theme, else default; with the library that
    /// holds it and the name the state knows it by. A theme with any problem stops the
    /// start (exit 2) with each problem listed, rather than half-applying.
    func startingTheme(configured: String?, language: UILanguage) throws -> (ThemeLibrary, Theme, String) {
        let themes = ThemeLibrary(userFolder: ThemeLibrary.userFolder())
        let themeName = theme ?? configured ?? "default"
        var themeKey = themeName
        let loadedTheme: Theme
        switch themes.load(themeName) {
        case .success(let loaded):
            loadedTheme = loaded
            if themeName.contains("/") || themeName.hasSuffix(".toml") { themeKey = loaded.name }
        case .failure(let problems):
            printError("exocall: " + language(.cliThemeUnusable, ["name": themeName, "problems": problems.description(in: language)]))
            throw ExitCode(2)
        }
        var withFile = themes
        if themeName.contains("/") || themeName.hasSuffix(".toml") { withFile.add(path: themeName) }
        let library = withFile
        return (library, loadedTheme, themeKey)
    }
}

/// The demo's event receiver: `exocall events serve` in this process, on a free loopback
/// port, writing into the demo's log; quiet (no request lines on the terminal) and leaving
/// the signals to the TUI.
enum DemoEvents {
    /// The receiver's event URL once it listens, or nil when it cannot start (the demo works without it).
    /// It writes through `opened`, the log the TUI opened (one connection to a team log for both);
    /// without one (a team log that was down at the start) it opens its own, named for the operator.
    static func start(logPath: String, operatorName: String, opened: (any CallLogStore)?) async -> String? {
        // A log the TUI could only read cannot take events: the receiver tries its own, as before.
        let writable = opened.flatMap { $0.isReadOnly ? nil : $0 }
        var own: (any CallLogStore)? = nil
        if writable == nil { own = try? await CallLogOpener.open(logPath, session: LogSession(operatorName: operatorName)) }
        guard let store = writable ?? own,
              let spool = try? EventSpool(folder: FilePath.temporaryFolder() + "exocall-demo-spool-\(getpid())") else { return nil }
        let token = EventToken.random()
        let intake = EventIntake(store: store, spool: spool, token: token)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        Task.detached {
            try? await EventServer.run(intake, options: EventServer.Options(host: "127.0.0.1", port: 0, publicURL: nil, allowFrom: []),
                                       token: token, logger: Logger(label: "exocall.demo-events") { _ in SwiftLogNoOpLogHandler() },
                                       reopen: { nil }, handlesSignals: false) { url in
                continuation.yield(url)
                continuation.finish()
            }
            continuation.finish()
        }
        for await url in urls { return url }
        return nil
    }
}
