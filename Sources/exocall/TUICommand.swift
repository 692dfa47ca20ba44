import ArgumentParser
import ExolveClient

/// `exocall [tui]`: the terminal UI, the default command.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the terminal UI (what `exocall` alone does).",
        discussion: """
        Build a request in forms, watch the exact JSON it will send, and see the call log.
        The form is saved as a draft as you type and restored at the next start.

        Examples:
          exocall --demo                 # everything against a built-in stand-in: no key, no network
          exocall --load request.json    # start with a request file in the form
        """
    )

    @Flag(help: "Send to a stand-in server inside exocall: no API key, no network, no real calls.")
    var demo = false

    @Option(help: ArgumentHelp("Start with this request file in the form (invalid values are kept and marked).", valueName: "FILE"))
    var load: String?

    @Option(help: ArgumentHelp("Send to this base URL instead of \(Endpoint.defaultBaseURL).", valueName: "URL"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Colour theme: a name (exocall themes list) or a .toml file.", valueName: "NAME|PATH"))
    var theme: String?

    @OptionGroup var database: DatabaseOption
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var operatorOption: OperatorOption

    /// Runs the terminal UI on the calling thread, the main one (see `ExocallMain`).
    func run() throws {
        try TUILauncher(demo: demo, load: load, baseURL: baseURL, theme: theme, profile: profileOption.profile,
                        databaseFlag: database.path, operatorFlag: operatorOption.name).run()
    }

    /// `exocall` and `exocall --demo`, recognised without the argument parser (they take
    /// no option values, so there is nothing to parse): the launcher they would get from
    /// `run()`, every option at its default. Nil for anything else, which the parser handles.
    static func plainStart(_ arguments: [String]) -> TUILauncher? {
        let demo: Bool
        switch arguments {
        case []: demo = false
        case ["--demo"]: demo = true
        default: return nil
        }
        return TUILauncher(demo: demo, load: nil, baseURL: nil, theme: nil, profile: nil, databaseFlag: nil, operatorFlag: nil)
    }
}
