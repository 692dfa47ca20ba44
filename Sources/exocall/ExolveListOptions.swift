import ArgumentParser
import ExolveClient
import ExolveModel
import Localization

/// How a command that reads a list from Exolve reaches it (`numbers`, `log sync`): the
/// profile's key and endpoint as `send` resolves them, a timeout, another base URL.
struct ExolveListOptions: ParsableArguments {
    @OptionGroup var profileOption: ProfileOption

    @Option(help: ArgumentHelp("Whole seconds to wait for Exolve (1 to 600).", valueName: "SECONDS"))
    var timeout: Int = 30

    @Option(help: ArgumentHelp("Ask this base URL instead of \(Endpoint.defaultBaseURL).", valueName: "URL"))
    var baseURL: String?

    func validate() throws {
        guard (1...600).contains(timeout) else { throw ValidationError(LanguageOption.current()(.optTimeout, ["value": "\(timeout)"])) }
    }

    /// The client, or the configuration's problem said as `command`'s, exiting with the usage code.
    func client(command: String) throws -> ExolveClient {
        do {
            let config = try ClientConfiguration.resolve(baseURLFlag: baseURL, timeout: .seconds(timeout), profileFlag: profileOption.profile)
            return ExolveClient(endpoint: config.endpoint, apiKey: try config.requireKey(), timeout: config.timeout)
        } catch {
            printError("exocall \(command): " + LanguageOption.current().describe(error))
            throw ExitCode(SendExit.usage)
        }
    }
}
