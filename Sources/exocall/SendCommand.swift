import Console
import ArgumentParser
import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import FoundationEssentials
import Glibc
import Localization

/// `exocall send FILE`: validates a request and places it, once.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Validate a request file and place the callback (once; never retried).",
        discussion: """
        A request with an error is not sent: its problems are printed and exocall exits 2.
        Warnings are printed and the request is sent as the preview shows it (--strict:
        warnings count as errors).
        When the callback is placed, its call_id is printed on its own line.

        The API key comes from the profile's api_key_env / api_key_file (--profile,
        EXOCALL_PROFILE or default_profile), else EXOLVE_API_KEY, else api_key /
        api_key_file in config.toml. The endpoint from --base-url, EXOLVE_BASE_URL,
        the profile's or the config's base_url (default \(Endpoint.defaultBaseURL)).

        Exit codes: 0 placed, 1 usage or configuration error, 2 invalid request,
        3 rejected by Exolve, 4 not sent (safe to send again; also when the call log
        cannot record the send, so nothing left), 5 unknown (the call MAY
        have been placed: check before sending again), 6 held: the client (a leg-2
        number) was called within the repeat window (10m by default); nothing was
        sent. --allow-repeat sends anyway.

        A saved template can stand in for the file, with fields changed by path:
          exocall send --template reminder \\
            --set line_2.destinations[0].number=79991234567

        Example:
          exocall send request.json
          exocall stub-server --port 8080 &   # then, with no account:
          EXOLVE_API_KEY=test exocall send --base-url http://127.0.0.1:8080 request.json
        """
    )

    @OptionGroup var source: RequestSource
    @OptionGroup var profileOption: ProfileOption

    @Flag(help: "Print the outcome as JSON: {outcome, call_id, http_status, message}.")
    var json = false

    @Option(help: ArgumentHelp("How long to wait for Exolve before the outcome is unknown: 30, 30s, 2m (1 second to 10 minutes).",
                               valueName: "DURATION"))
    var timeout: String = "30"

    @Option(help: ArgumentHelp("Send to this base URL instead of \(Endpoint.defaultBaseURL).", valueName: "URL"))
    var baseURL: String?

    @OptionGroup var database: DatabaseOption
    @OptionGroup var operatorOption: OperatorOption

    @Flag(help: "Do not record this send in the call log (this also skips the repeat guard).")
    var noLog = false

    @Option(help: ArgumentHelp("How far back to look for an earlier call to the same client: 10m, 90s, 1h, or 0 for off (default: the config's repeat_window, else 10m).",
                               valueName: "DURATION"))
    var repeatWindow: String?

    @Flag(help: "Send even when the client was called within the repeat window.")
    var allowRepeat = false

    @Flag(help: "Treat validation warnings as errors: send nothing (exit 2) when there is any.")
    var strict = false

    func validate() throws {
        guard let seconds = RepeatWindow.seconds(parsing: timeout), (1...600).contains(seconds) else {
            throw ValidationError(LanguageOption.current()(.optTimeout, ["value": timeout]))
        }
        if let repeatWindow, RepeatWindow(parsing: repeatWindow) == nil {
            throw ValidationError(LanguageOption.current()(.optRepeatWindow, ["syntax": RepeatWindow.syntax.text(LanguageOption.current()), "value": repeatWindow]))
        }
    }

    func run() async throws {
        let bytes: [UInt8]
        switch source.bytes() {
        case .success(let read): bytes = read
        case .failure(let failure):
            printError("exocall send: \(failure.message)")
            throw ExitCode(SendExit.usage)
        }
        let checked = RequestValidator.validate(bytes: bytes)
        let validation = strict ? checked.strict() : checked
        guard let request = validation.request else {
            if json { Console.print(ProblemReport.json(validation.problems)) } else {
                printError(LanguageOption.current()(.cliInvalid))
                Console.error(ProblemReport.text(validation.problems))
            }
            throw ExitCode(SendExit.invalid)
        }
        if !validation.warnings.isEmpty && !json { Console.error(ProblemReport.text(validation.warnings)) }
        let client: ExolveClient
        let window: RepeatWindow
        let operatorName: String
        let configuredDB: String?
        do {
            let config = try ClientConfiguration.resolve(baseURLFlag: baseURL, timeout: .seconds(RepeatWindow.seconds(parsing: timeout) ?? 30), profileFlag: profileOption.profile)
            client = ExolveClient(endpoint: config.endpoint, apiKey: try config.requireKey(), timeout: config.timeout)
            window = allowRepeat ? RepeatWindow(seconds: 0) : (repeatWindow.flatMap(RepeatWindow.init(parsing:)) ?? config.file.repeatWindow ?? .standard)
            operatorName = try Operator.name(flag: operatorOption.name, configured: config.file.operatorName)
            configuredDB = config.file.db
        } catch {
            printError("exocall send: " + LanguageOption.current().describe(error))
            throw ExitCode(SendExit.usage)
        }
        var store: (any CallLogStore)? = nil
        if !noLog {
            let location = CallLogLocation.resolve(flag: database.path, configured: { configuredDB })
            do {
                store = try await CallLogOpener.open(location, session: LogSession(operatorName: operatorName))
            } catch {
                let say = LanguageOption.current()
                printError("exocall send: " + say(.cliNothingSentBecause, ["reason": say.describe(error)]))
                printError(say(.cliAddNoLog))
                throw ExitCode(SendExit.notSent)
            }
        }
        let sender = LoggedSender(client: client, store: store, mode: .live, operatorName: operatorName)
        let sent: Result<LoggedSender.Guarded, CallLogError>
        do { sent = .success(try await sender.send(request, window: window)) } catch { sent = .failure(error) }
        // Done with the log: a team log's connection is handed back to the server before the outcome is printed.
        await store?.close()
        let outcome: LoggedSender.Outcome
        switch sent {
        case .success(.sent(let done)): outcome = done
        case .success(.held(let attempts)):
            HeldReport.print(attempts, window: window, json: json)
            throw ExitCode(SendExit.held)
        case .failure(let error):
            let say = LanguageOption.current()
            printError("exocall send: " + say(.cliNothingSentBecause, ["reason": say.describe(error)]))
            throw ExitCode(SendExit.notSent)
        }
        OutcomeReport.print(outcome.result, json: json)
        if let warning = outcome.logWarning {
            let say = LanguageOption.current()
            printError(say(.cliWarning, ["text": warning.text(say)]))
        }
        throw ExitCode(SendExit.code(for: outcome.result.outcome))
    }
}

/// How a send held by the repeat guard is printed.
enum HeldReport {
    static func print(_ attempts: [RecentAttempt], window: RepeatWindow, json: Bool) {
        if json {
            let object = JSONValue.object([.init("outcome", .string("held")), .init("recent", .array(attempts.map(\.jsonValue)))])
            Console.print(CanonicalJSON.string(object, style: .compact))
            return
        }
        let say = LanguageOption.current()
        printError(say(.cliHeld, ["window": window.text(in: say)]))
        for attempt in attempts { printError("  " + attempt.summary.text(say)) }
        if attempts.contains(where: \.mayBeRinging) { printError(say(.cliMayBeRinging)) }
        printError(say(.cliHeldCheck))
    }
}

/// How a send's outcome is printed.
enum OutcomeReport {
    /// One line: the outcome, its call_id or message.
    static func line(_ result: SendResult, in language: UILanguage) -> String {
        result.outcome.message(in: language)
    }

    /// Placed: the call_id alone on stdout, details on stderr. Otherwise the message on stderr.
    /// With `json`, one object on stdout.
    static func print(_ result: SendResult, json: Bool) {
        if json {
            let object = JSONValue.object([
                .init("outcome", .string(result.outcome.name)),
                .init("call_id", result.outcome.callID.map(JSONValue.string) ?? .null),
                .init("http_status", result.httpStatus.map { .number(String($0)) } ?? .null),
                .init("message", .string(result.outcome.message)),
            ])
            Console.print(CanonicalJSON.string(object, style: .compact))
            return
        }
        if let callID = result.outcome.callID {
            Console.print(callID)
            printError(LanguageOption.current()(.cliPlacedIn, ["time": Elapsed.text(milliseconds: Int(result.latencyMs), in: LanguageOption.current())]))
        } else {
            printError(result.outcome.message(in: LanguageOption.current()))
        }
    }
}
