import Console
import ArgumentParser
import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// `exocall validate FILE`: checks a request against every rule of the API.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a MakeCallback request file against every rule of the API.",
        discussion: """
        Each problem is printed as `error: PATH: message` or `warning: PATH: message`
        (paths are 0-based, like line_2.destinations[3].timeout), with the fix when
        one is obvious. An error means the API would refuse the request: exit 2. A
        warning looks like a mistake but the request can still be sent: with only
        warnings (or none) exocall prints OK and exits 0. --strict treats warnings
        as errors. Nothing is sent.

        Example:
          exocall validate request.json
          cat request.json | exocall validate - --json
        """
    )

    @Argument(help: ArgumentHelp("The request JSON file, or - for standard input.", valueName: "FILE"))
    var file: String

    @Flag(help: "Print the problems as a JSON array of {path, message, severity, fix}.")
    var json = false

    @Flag(help: "Treat warnings as errors (exit 2 when there is any problem).")
    var strict = false

    func run() throws {
        let bytes: [UInt8]
        switch InputFile.read(file) {
        case .success(let read): bytes = read
        case .failure(let failure):
            printError("exocall validate: \(failure.message)")
            throw ExitCode(2)
        }
        let checked = RequestValidator.validate(bytes: bytes)
        let result = strict ? checked.strict() : checked
        if json {
            Console.print(ProblemReport.json(result.problems))
        } else {
            let language = LanguageOption.current()
            say(ProblemReport.text(result.problems, language: language), terminator: "")
            if result.isValid {
                let count = result.warnings.count
                say(count == 0 ? language(.validateOK) : language(.validateOKWarnings, ["count": "\(count)"]))
            }
        }
        if !result.isValid { throw ExitCode(2) }
    }
}

/// How problems are printed by the commands that validate.
enum ProblemReport {
    /// One `error: PATH: message` or `warning: PATH: message` line per problem,
    /// errors first, with the fix on its own line when there is one.
    /// In `language` (the paths and the fixes are the same in every language).
    static func text(_ problems: [ValidationProblem], language: UILanguage = LanguageOption.current()) -> String {
        (problems.filter(\.isError) + problems.filter { !$0.isError }).map { problem in
            var line = language(.problemLine, [
                "severity": language(problem.isError ? .problemError : .problemWarning),
                "path": problem.path.isEmpty ? language(.problemWholeRequest) : problem.path,
                "message": problem.message(in: language),
            ]) + "\n"
            if let fix = problem.suggestion { line += "  " + language(.problemFix, ["suggestion": fix]) + "\n" }
            return line
        }.joined()
    }

    /// A JSON array of `{"path", "message", "severity"}` (and `"fix"` when there is one), in document order.
    static func json(_ problems: [ValidationProblem]) -> String {
        let items = problems.map { problem in
            var members: [JSONValue.Member] = [.init("path", .string(problem.path)), .init("message", .string(problem.message)),
                                               .init("severity", .string(problem.severity.rawValue))]
            if let fix = problem.suggestion { members.append(.init("fix", .string(fix))) }
            return JSONValue.object(members)
        }
        return CanonicalJSON.string(.array(items), style: .compact)
    }
}
