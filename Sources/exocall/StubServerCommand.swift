import Console
import ArgumentParser
import ExolveStub
import Foundation
import Localization

/// `exocall stub-server`: a local stand-in for the Exolve endpoint.
struct StubServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub-server",
        abstract: "Run a local stand-in for the Exolve MakeCallback endpoint.",
        discussion: """
        Prints the URL it listens on as its first line, then one line per request.
        It validates bodies with the same rules as exocall, answers 401 to a missing or
        wrong key, and fails on purpose when request_description starts with:
        \(StubScenario.catalog.map { "  \($0.tag.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.effect.text(.en))" }.joined(separator: "\n"))

        Example:
          exocall stub-server --port 8080
          EXOLVE_API_KEY=anything exocall send --base-url http://127.0.0.1:8080 request.json
        """
    )

    @Option(help: "Address to listen on (a loopback address keeps it private).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 0

    @Option(help: ArgumentHelp("Accept only this key; without it any non-empty Bearer token is accepted.", valueName: "KEY"))
    var apiKey: String?

    func run() async throws {
        let server = StubServer(host: host, port: port, apiKey: apiKey) { line in
            Console.out(line + "\n")
        }
        let url: String
        do {
            url = try await server.start()
        } catch {
            printError("exocall stub-server: " + LanguageOption.current()(.stubCannotListen, ["address": "\(host):\(port)", "reason": "\(error)"]))
            throw ExitCode(1)
        }
        Console.out(url + "\n")
        // Serve until interrupted.
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
