import ArgumentParser
import CallbackCore
import Foundation

/// `exocall validate FILE`: checks a request against every rule of the API.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a MakeCallback request file against every rule of the API.",
        discussion: """
        Prints OK and exits 0 when the request is valid. Otherwise prints each problem
        as `PATH: message` (paths are 0-based, like line_2.destinations[3].timeout) and
        exits 2. Nothing is sent.

        Example:
          exocall validate request.json
          cat request.json | exocall validate - --json
        """
    )

    @Argument(help: ArgumentHelp("The request JSON file, or - for standard input.", valueName: "FILE"))
    var file: String

    @Flag(help: "Print the problems as a JSON array of {path, message}.")
    var json = false

    func run() throws {
        let bytes: [UInt8]
        switch InputFile.read(file) {
        case .success(let read): bytes = read
        case .failure(let failure):
            printError("exocall validate: \(failure.message)")
            throw ExitCode(2)
        }
        let result = RequestValidator.validate(bytes: bytes)
        if json {
            print(ProblemReport.json(result.problems))
        } else if result.isValid {
            print("OK")
        } else {
            print(ProblemReport.text(result.problems), terminator: "")
        }
        if !result.isValid { throw ExitCode(2) }
    }
}

/// How problems are printed by the commands that validate.
enum ProblemReport {
    /// One `PATH: message` line per problem.
    static func text(_ problems: [ValidationProblem]) -> String {
        problems.map { ($0.path.isEmpty ? "(request)" : $0.path) + ": " + $0.message + "\n" }.joined()
    }

    /// A JSON array of `{"path", "message"}`.
    static func json(_ problems: [ValidationProblem]) -> String {
        let items = problems.map { problem in
            JSONValue.object([.init("path", .string(problem.path)), .init("message", .string(problem.message))])
        }
        return CanonicalJSON.string(.array(items), style: .compact)
    }
}
