import Console
import ArgumentParser
import CallbackCore
import ExolveClient
import Foundation
import Localization

/// `exocall templates`: saved requests.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, show or delete saved request templates.",
        discussion: """
        Templates are canonical request JSON files in ~/.local/share/exocall/templates
        ($XDG_DATA_HOME is honoured), saved from the UI with F6. Place one with
        `exocall send --template NAME --set PATH=VALUE ...`.
        """,
        subcommands: [TemplatesListCommand.self, TemplatesShowCommand.self, TemplatesDeleteCommand.self],
        defaultSubcommand: TemplatesListCommand.self
    )
}

struct TemplatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the templates.")

    func run() {
        let store = TemplateStore(folder: TemplateStore.defaultFolder())
        let names = store.names()
        if names.isEmpty { printError(LanguageOption.current()(.templatesNoneCLI, ["folder": store.folder])) }
        for name in names { say(name) }
    }
}

struct TemplatesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a template's request JSON.")

    @Argument(help: "The template's name.")
    var name: String

    func run() throws {
        do {
            Console.print(CanonicalJSON.string(try TemplateStore(folder: TemplateStore.defaultFolder()).load(name), style: .pretty))
        } catch {
            printError("exocall templates show: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}

struct TemplatesDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a template.")

    @Argument(help: "The template's name.")
    var name: String

    func run() throws {
        do {
            try TemplateStore(folder: TemplateStore.defaultFolder()).delete(name)
            printError(LanguageOption.current()(.templateDeleted, ["name": name]))
        } catch {
            printError("exocall templates delete: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}

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

/// `--profile NAME`.
struct ProfileOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this profile of config.toml (default: EXOCALL_PROFILE, else default_profile).", valueName: "NAME"))
    var profile: String?
}
