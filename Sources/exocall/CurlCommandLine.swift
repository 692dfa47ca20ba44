import Console
import ArgumentParser
import Localization
import CallbackCore
import ExolveClient
import FoundationEssentials
import Glibc

/// `exocall curl`: the request as a ready curl command.
struct CurlCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curl",
        abstract: "Print a ready curl command for a request (the key stays a shell variable).",
        discussion: """
        The body is exactly what exocall would send; the Authorization header names
        $EXOLVE_API_KEY (or the profile's api_key_env), never the key itself.

        Example:
          exocall curl request.json
          exocall curl --template reminder --set line_2.destinations[0].number=79991234567
        """
    )

    @OptionGroup var source: RequestSource
    @OptionGroup var profileOption: ProfileOption

    @Option(help: ArgumentHelp("Send to this base URL instead of the configured one.", valueName: "URL"))
    var baseURL: String?

    func run() throws {
        let bytes: [UInt8]
        switch source.bytes() {
        case .success(let read): bytes = read
        case .failure(let failure):
            printError("exocall curl: \(failure.message)")
            throw ExitCode(2)
        }
        let result = RequestValidator.validate(bytes: bytes)
        guard let request = result.request else {
            printError("exocall curl: " + LanguageOption.current()(.curlInvalid))
            Console.error(ProblemReport.text(result.problems))
            throw ExitCode(2)
        }
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(baseURLFlag: baseURL, profileFlag: profileOption.profile)
        } catch {
            printError("exocall curl: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        say(CurlCommand.make(endpoint: config.endpoint, keyVariable: config.keyVariable, body: request.canonicalJSON(.compact)))
    }
}
