import Console
import ArgumentParser
import CallbackCore
import ExolveClient
import FoundationEssentials
import Glibc
import Localization

/// Where a request comes from on the command line: a file, or a template, with --set changes.
struct RequestSource: ParsableArguments {
    @Argument(help: ArgumentHelp("The request JSON file, or - for standard input (or use --template).", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("Start from this saved template instead of a file.", valueName: "NAME"))
    var template: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change one field by its JSON path, e.g. --set line_2.destinations[0].number=79991234567 (repeatable).", valueName: "PATH=VALUE"))
    var assignments: [String] = []

    func validate() throws {
        if file != nil && template != nil { throw ValidationError(LanguageOption.current()(.optFileOrTemplateNotBoth)) }
        if file == nil && template == nil { throw ValidationError(LanguageOption.current()(.optFileOrTemplate)) }
    }

    /// The request's bytes after templates and --set are applied, or a message for the operator.
    func bytes() -> Result<[UInt8], InputFile.ReadFailure> {
        var json: JSONValue
        if let template {
            do {
                json = try TemplateStore(folder: TemplateStore.defaultFolder()).load(template)
            } catch {
                return .failure(InputFile.ReadFailure(message: LanguageOption.current().describe(error)))
            }
        } else {
            switch InputFile.read(file ?? "-") {
            case .failure(let failure): return .failure(failure)
            case .success(let bytes):
                guard !assignments.isEmpty else { return .success(bytes) }
                do {
                    json = try JSONParser.parse(bytes)
                } catch {
                    return .success(bytes) // the validator reports the syntax error with its position
                }
            }
        }
        for assignment in assignments {
            do {
                try SetAssignment.apply(assignment, to: &json)
            } catch {
                return .failure(InputFile.ReadFailure(message: LanguageOption.current().describe(error)))
            }
        }
        return .success(Array(CanonicalJSON.string(json, style: .compact).utf8))
    }
}
