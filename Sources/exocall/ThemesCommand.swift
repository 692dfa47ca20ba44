import ArgumentParser
import FoundationEssentials
import Glibc
import Theming
import Localization

/// `exocall themes`: the colour themes.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes, or check a theme file.",
        discussion: """
        Bundled themes are built in; user themes live in ~/.config/exocall/themes/*.toml
        ($XDG_CONFIG_HOME is honoured) and win over a bundled theme of the same name.
        Choose one with `exocall --theme NAME|PATH`, `theme = "NAME"` in config.toml,
        or F12 in the UI.
        """,
        subcommands: [ThemesListCommand.self, ThemesCheckCommand.self],
        defaultSubcommand: ThemesListCommand.self
    )
}

/// `exocall themes list`.
struct ThemesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every theme: name, origin, file.")

    func run() {
        let library = ThemeLibrary(userFolder: ThemeLibrary.userFolder())
        let tr = LanguageOption.current()
        var rows = [[tr(.themesName), tr(.themesOrigin), tr(.themesFile)]]
        for name in library.names {
            guard let entry = library.entries[name] else { continue }
            let usable = (try? library.load(name).get()) != nil
            let origin: String
            switch entry.origin {
            case .bundled: origin = tr(.themesBundled)
            case .user: origin = tr(.themesUser)
            case .file: origin = tr(.themesFromFile)
            }
            rows.append([name, usable ? origin : tr(.themesHasProblems, ["origin": origin]), entry.location])
        }
        say(TextTable.render(rows), terminator: "")
    }
}

/// `exocall themes check FILE`.
struct ThemesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a theme file: exit 0, or 2 with each problem (file:line: key: message)."
    )

    @Argument(help: ArgumentHelp("The theme file (.toml).", valueName: "FILE"))
    var file: String

    func run() throws {
        var library = ThemeLibrary(userFolder: ThemeLibrary.userFolder())
        guard FileManager.default.isReadableFile(atPath: file) else {
            printError("exocall themes check: " + LanguageOption.current()(.themesCannotRead, ["path": file]))
            throw ExitCode(2)
        }
        library.add(path: file)
        switch library.load(file) {
        case .success(let theme):
            say(LanguageOption.current()(.themeOK, ["title": theme.title, "count": "\(Role.allCases.count)"]))
        case .failure(let problems):
            say(problems.description(in: LanguageOption.current()))
            throw ExitCode(2)
        }
    }
}
