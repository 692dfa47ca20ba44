import ArgumentParser
import CallbackCore
import CallLog
import ExolveClient
import ExolveStub
import Foundation
import TUI
import TUINcurses

/// Prepares and runs the terminal UI: configuration, demo server, the
/// starting form (a loaded file or the saved draft), the call log.
struct TUILauncher {
    let demo: Bool
    let load: String?
    let baseURL: String?
    let databasePath: String

    func run() async throws {
        guard isatty(0) == 1 else {
            printError("exocall: \(TerminalApp.StartError.notATerminal)")
            throw ExitCode(1)
        }
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(baseURLFlag: baseURL)
        } catch {
            printError("exocall: \(error)")
            throw ExitCode(1)
        }
        var stub: StubServer? = nil
        let target: SendTarget
        if demo {
            let server = StubServer()
            do {
                let url = try await server.start()
                target = .demo(host: try Endpoint(url).host)
            } catch {
                printError("exocall: cannot start the demo server: \(error)")
                throw ExitCode(1)
            }
            stub = server
        } else {
            target = .live(host: config.endpoint.host)
        }

        let drafts = DraftStore(path: DraftStore.defaultPath())
        var form = FormState()
        var notice: StatusMessage? = nil
        if let load {
            guard let data = FileManager.default.contents(atPath: load), let text = String(data: data, encoding: .utf8) else {
                printError("exocall: cannot read \(load)")
                throw ExitCode(2)
            }
            do {
                let loaded = FormState.loading(try JSONParser.parse(text))
                form = loaded.form
                notice = StatusMessage("loaded \(load)" + (loaded.ignored.isEmpty ? "" : "; ignored: " + loaded.ignored.joined(separator: ", ")),
                                       loaded.ignored.isEmpty ? .success : .warning)
            } catch {
                printError("exocall: \(load): \(error.description)")
                throw ExitCode(2)
            }
        } else {
            switch drafts.load() {
            case .none: break
            case .draft(let saved, let savedAt):
                form = saved
                notice = StatusMessage("restored your draft from \(Timestamp.local(Int64(savedAt.timeIntervalSince1970 * 1000))) (it is saved as you type)", .info)
            case .unreadable(let reason, let movedTo):
                notice = StatusMessage("the saved draft could not be read (\(reason))" + (movedTo.map { "; it was kept as \($0)" } ?? ""), .warning)
            }
        }

        var state = AppState(size: Size(width: 80, height: 24), target: target, form: form)
        state.status = notice
        let app = TerminalApp(state: state)
        let runner = EffectRunner(draft: drafts, send: app.send)
        runner.openLog(path: databasePath)
        let startup: [Effect] = load != nil ? [.saveDraft(form)] : []

        let outcome: Result<Int32, Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do {
                    _ = try app.run(runEffect: runner.run, startup: startup)
                    continuation.resume(returning: .success(app.caughtSignal))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        await stub?.stop()
        switch outcome {
        case .success(let signal) where signal != 0:
            throw ExitCode(128 + signal)
        case .success:
            return
        case .failure(let error):
            printError("exocall: \(error)")
            throw ExitCode(1)
        }
    }
}
