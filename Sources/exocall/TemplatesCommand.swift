import Console
import ArgumentParser
import CallbackCore
import ExolveClient
import FoundationEssentials
import Glibc
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
