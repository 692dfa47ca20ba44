import ArgumentParser
import CallbackCore
import CallLog
import ExolveClient
import Foundation

/// `exocall send FILE`: validates a request and places it, once.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Validate a request file and place the callback (once; never retried).",
        discussion: """
        An invalid request is not sent: its problems are printed and exocall exits 2.
        When the callback is placed, its call_id is printed on its own line.

        The API key comes from the profile's api_key_env / api_key_file (--profile,
        EXOCALL_PROFILE or default_profile), else EXOLVE_API_KEY, else api_key /
        api_key_file in config.toml. The endpoint from --base-url, EXOLVE_BASE_URL,
        the profile's or the config's base_url (default \(Endpoint.defaultBaseURL)).

        Exit codes: 0 placed, 1 usage or configuration error, 2 invalid request,
        3 rejected by Exolve, 4 not sent (safe to send again), 5 unknown (the call MAY
        have been placed: check before sending again).

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

    @Option(help: ArgumentHelp("Whole seconds to wait for Exolve before the outcome is unknown (1 to 600).", valueName: "SECONDS"))
    var timeout: Int = 30

    @Option(help: ArgumentHelp("Send to this base URL instead of \(Endpoint.defaultBaseURL).", valueName: "URL"))
    var baseURL: String?

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Do not record this send in the call log.")
    var noLog = false

    func validate() throws {
        guard (1...600).contains(timeout) else {
            throw ValidationError("--timeout must be from 1 to 600 seconds, got \(timeout)")
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
        let validation = RequestValidator.validate(bytes: bytes)
        guard let request = validation.request else {
            if json { print(ProblemReport.json(validation.problems)) } else {
                printError("exocall send: the request is invalid; nothing was sent")
                FileHandle.standardError.write(Data(ProblemReport.text(validation.problems).utf8))
            }
            throw ExitCode(SendExit.invalid)
        }
        let client: ExolveClient
        do {
            let config = try ClientConfiguration.resolve(baseURLFlag: baseURL, timeout: .seconds(timeout), profileFlag: profileOption.profile)
            client = ExolveClient(endpoint: config.endpoint, apiKey: try config.requireKey(), timeout: config.timeout)
        } catch {
            printError("exocall send: \(error)")
            throw ExitCode(SendExit.usage)
        }
        var store: CallLogStore? = nil
        if !noLog {
            do {
                store = try CallLogStore.open(path: database.resolved)
            } catch {
                printError("exocall send: nothing was sent, because \(error)")
                printError("(to send without recording it, add --no-log)")
                throw ExitCode(SendExit.usage)
            }
        }
        let sender = LoggedSender(client: client, store: store, mode: .live)
        let outcome: LoggedSender.Outcome
        do {
            outcome = try await sender.send(request)
        } catch {
            printError("exocall send: nothing was sent, because \(error)")
            throw ExitCode(SendExit.usage)
        }
        OutcomeReport.print(outcome.result, json: json)
        if let warning = outcome.logWarning { printError("warning: \(warning)") }
        throw ExitCode(SendExit.code(for: outcome.result.outcome))
    }
}

/// How a send's outcome is printed.
enum OutcomeReport {
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
            Swift.print(CanonicalJSON.string(object, style: .compact))
            return
        }
        if let callID = result.outcome.callID {
            Swift.print(callID)
            printError("placed in \(result.latencyMs) ms")
        } else {
            printError(result.outcome.message)
        }
    }
}
