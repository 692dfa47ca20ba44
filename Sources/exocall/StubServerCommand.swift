import Console
import ArgumentParser
import ExolveClient
import ExolveStub
import FoundationEssentials
import Glibc
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
        \(StubScenario.catalog.map { "  \($0.tag.fitted(18)) \($0.effect.text(.en))" }.joined(separator: "\n"))

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

    @Option(help: ArgumentHelp("Post each placed call's life as Exolve's call events to this URL (an `exocall events serve` URL).",
                               valueName: "URL"))
    var eventsTo: String?

    func run() async throws {
        let server = StubServer(host: host, port: port, apiKey: apiKey) { line in
            Console.out(line + "\n")
        }
        if let eventsTo {
            guard eventsTo.hasPrefix("http://") || eventsTo.hasPrefix("https://") else {
                printError("exocall stub-server: " + LanguageOption.current()(.serveBadPublicURL, ["value": eventsTo]))
                throw ExitCode(2)
            }
            await server.sendEvents(to: EventPoster.post(to: eventsTo) { line in Console.out(line + "\n") })
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

/// Posts event bodies to a receiver with exocall's own HTTP client, one line per post.
enum EventPoster {
    static func post(to url: String, report: @escaping @Sendable (String) -> Void = { _ in }) -> @Sendable ([UInt8]) async -> Void {
        let transport = NIOTransport()
        return { body in
            let result = await transport.perform(TransportRequest(url: url, headers: [(name: "Content-Type", value: "application/json")],
                                                                  body: body, timeout: .seconds(5)))
            switch result {
            case .response(let status, _, _): report("event -> \(status)")
            case .failedBeforeSending(let reason), .failedAfterSending(let reason): report("event -> not delivered: \(reason.text(.en))")
            }
        }
    }
}
