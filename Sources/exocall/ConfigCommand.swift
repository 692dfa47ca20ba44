import ArgumentParser
import ExolveClient
import FoundationEssentials
import Glibc
import ProcessEnvironment
import SafeTOML
import Localization

/// `exocall config`: where the config file is, and whether it is right.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the config file is, or check it.",
        discussion: """
        config.toml holds api_key / api_key_file, base_url, theme, default_profile, and
        named profiles ([profiles.NAME]) with their own base_url, key source
        (api_key_env = "VAR" or api_key_file = "PATH", never inline) and request
        defaults. --profile NAME or EXOCALL_PROFILE picks one; default_profile otherwise.
        """,
        subcommands: [ConfigPathCommand.self, ConfigCheckCommand.self]
    )
}

/// `exocall config path`.
struct ConfigPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the config file's path (it may not exist yet).")

    func run() {
        let environment = ProcessEnvironment.variables
        say(ConfigFile.path(environment: environment))
    }
}

/// `exocall config check`.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the config file: unknown keys, bad values, key files readable by others. Exit 0, or 2 with each problem."
    )

    @Option(help: ArgumentHelp("Check this file instead of the default one.", valueName: "PATH"))
    var file: String?

    func run() throws {
        let environment = ProcessEnvironment.variables
        let path = file ?? ConfigFile.path(environment: environment)
        let tr = LanguageOption.current()
        let text: String
        do {
            guard let read = try TOMLFile.read(path) else {
                say(tr(.cfgNoFile, ["path": path]))
                return
            }
            text = read
        } catch {
            say(tr(.cfgCannotReadBecause, ["path": path, "reason": error.text.text(tr)]))
            throw ExitCode(2)
        }
        var problems = ProfileReader.read(text, configPath: path, environment: environment).problems
        do {
            _ = try ConfigFile.load(path: path)
        } catch {
            // A TOML syntax error, and a setting the profile reader checks too, are already
            // among the problems; the rest (mouse, repeat_window, a loose key file) are not.
            switch error {
            case .badConfigFile: break
            case .badSetting(_, let key, let problem):
                if !problems.contains(where: { $0.key == key }) { problems.insert(ConfigProblem(key: key, line: nil, text: problem), at: 0) }
            default: problems.insert(ConfigProblem(key: "", line: nil, text: error.text), at: 0)
            }
        }
        if problems.isEmpty {
            let profiles = ProfileReader.read(text, configPath: path, environment: environment).profiles.map(\.name)
            say(profiles.isEmpty ? tr(.cfgOK, ["path": path]) : tr(.cfgOKProfiles, ["path": path, "names": profiles.joined(separator: ", ")]))
            return
        }
        for problem in problems { say("\(path): \(problem.description(in: tr))") }
        throw ExitCode(2)
    }
}
