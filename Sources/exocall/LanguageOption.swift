import Localization
import ExolveClient
import ProcessEnvironment

/// `--lang ru|en`, which every command takes: taken out of the arguments before
/// they are parsed, so it works before or after a subcommand's name.
enum LanguageOption {
    /// The `--lang` given, if any (set once, at start, before any command runs).
    nonisolated(unsafe) static var flag: UILanguage?

    /// `arguments` without `--lang X` / `--lang=X`; the value is kept in `flag`.
    /// An unknown value is a usage error naming it.
    static func extract(_ arguments: [String]) throws(LanguageOptionError) -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { rest += arguments[index...]; break }
            var value: String?
            if argument == "--lang" {
                guard index + 1 < arguments.count else { throw LanguageOptionError(value: nil) }
                value = arguments[index + 1]
                index += 2
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst(7))
                index += 1
            } else {
                rest.append(argument)
                index += 1
                continue
            }
            guard let code = value, let language = UILanguage(code: code) else { throw LanguageOptionError(value: value) }
            flag = language
        }
        return rest
    }

    /// The language of this run: `--lang`, else the config's `ui_language`, else the locale.
    static func resolve(configured: UILanguage?) -> UILanguage {
        UILanguage.resolve(flag: flag, configured: configured, environment: ProcessEnvironment.variables)
    }

    /// The language of a command's messages. A config that cannot be read does not stop a
    /// command that needs no config (its own commands report it); the locale decides then.
    static func current() -> UILanguage { ofThisRun }

    /// Decided once, on first use (after `extract` has read `--lang`): the config file is
    /// read at most once however many messages a command prints.
    private static let ofThisRun: UILanguage = {
        if let flag { return flag }
        let configured = (try? ConfigFile.load(path: ConfigFile.path(environment: ProcessEnvironment.variables)))?.uiLanguage
        return resolve(configured: configured)
    }()
}

/// A `--lang` without a known value.
/// Told in the language the config or the locale gives (the flag itself is what is wrong).
struct LanguageOptionError: Error, CustomStringConvertible {
    let value: String?
    var description: String {
        let language = LanguageOption.current()
        return value.map { language(.optLangGot, ["value": $0]) } ?? language(.optLangNothing)
    }
}
