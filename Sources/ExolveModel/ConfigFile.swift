import SafeTOML
import CallbackCore
import FoundationEssentials
import Glibc
import TOMLKit
import ProcessEnvironment
import Localization

/// The settings exocall reads from `config.toml`. Only what the client needs
/// today; profiles and themes add to it.
public struct ConfigFile: Sendable, Equatable {
    /// `api_key`: the key inline (the file must then be private to its owner).
    public var apiKey: APIKey?
    /// `api_key_file`: a file holding the key.
    public var apiKeyFile: String?
    /// `base_url`.
    public var baseURL: String?
    /// `theme`: the colour theme by name or path.
    public var theme: String?
    /// `repeat_window`: how far back the repeat guard looks (`10m`; `0` turns it off).
    public var repeatWindow: RepeatWindow?
    /// `mouse = false` turns the TUI's mouse support off (the terminal then selects text as usual).
    public var mouse: Bool?
    /// `db`: where the call log lives, a SQLite path or a `postgresql://` URL.
    public var db: String?
    /// `operator`: the name stamped on every call this operator sends (default `user@host`).
    public var operatorName: String?
    /// `ui_language`: "ru" or "en", the language of the interface (else the locale decides).
    public var uiLanguage: UILanguage?
    /// The team's dispositions, in the order the picker lists them (nil: the defaults in the
    /// operator's language).
    public var dispositions: [String]?
    /// Whether the TUI reads Exolve's call history by itself for calls without events
    /// (`call_history = "auto"`, the default, or `"off"`).
    public var callHistoryAuto: Bool?

    /// An empty configuration.
    public init() {}

    /// Where the config file lives: `$XDG_CONFIG_HOME/exocall/config.toml`,
    /// else `~/.config/exocall/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/config.toml"
    }

    /// The config file in use: `EXOCALL_CONFIG`, else the default path.
    public static func path(environment: [String: String]) -> String {
        environment["EXOCALL_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath(environment: environment)
    }

    /// `$XDG_CONFIG_HOME/exocall` or `~/.config/exocall`.
    public static func configDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/exocall" }
        let home = ProcessEnvironment.home(environment)
        return home + "/.config/exocall"
    }

    /// Loads the file at `path`; a missing file is an empty configuration.
    /// A file that is not valid TOML, or holds a key while readable by others, is an error.
    public static func load(path: String) throws(ClientConfigurationError) -> ConfigFile {
        let read: String?
        do {
            read = try TOMLFile.read(path)
        } catch {
            throw .badConfigFile(path: path, reason: error.text)
        }
        guard let text = read else { return ConfigFile() }
        let table: TOMLTable
        do {
            table = try SafeTOML.parse(text)
        } catch {
            throw .badConfigFile(path: path, reason: .phrase(.cfgNotTOML, ["reason": .verbatim(error.description)]))
        }
        var config = ConfigFile()
        config.baseURL = try string(table, "base_url", path)
        config.apiKeyFile = try string(table, "api_key_file", path)
        config.theme = try string(table, "theme", path)
        config.db = try string(table, "db", path)
        config.operatorName = try string(table, "operator", path)
        if let name = config.operatorName, name.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } ?? false) }) {
            throw .badSetting(path: path, key: "operator", problem: .phrase(.cfgOneLine))
        }
        if let code = try string(table, "ui_language", path) {
            guard let language = UILanguage(code: code) else {
                throw .badSetting(path: path, key: "ui_language", problem: .phrase(.cfgUILanguage, ["value": "\"\(code)\""]))
            }
            config.uiLanguage = language
        }
        if let mode = try string(table, "call_history", path) {
            guard mode == "auto" || mode == "off" else {
                throw .badSetting(path: path, key: "call_history", problem: .phrase(.cfgCallHistory, ["value": .verbatim(mode)]))
            }
            config.callHistoryAuto = mode == "auto"
        }
        if let value = table["dispositions"] {
            config.dispositions = try dispositions(value, path)
        }
        if let value = table["mouse"] {
            guard let flag = value.bool else { throw .badSetting(path: path, key: "mouse", problem: .phrase(.cfgTrueOrFalse)) }
            config.mouse = flag
        }
        if let text = try string(table, "repeat_window", path) {
            guard let window = RepeatWindow(parsing: text) else {
                throw .badSetting(path: path, key: "repeat_window", problem: .phrase(.cfgRepeatWindow, ["syntax": RepeatWindow.syntax, "value": .verbatim(text)]))
            }
            config.repeatWindow = window
        }
        if let raw = try string(table, "api_key", path) {
            guard let key = try APIKey.read(raw, source: .phrase(.keySourceConfig, ["path": .verbatim(path)])) else {
                throw .badSetting(path: path, key: "api_key", problem: .phrase(.cfgEmptyKey))
            }
            try requirePrivate(path)
            config.apiKey = key
        }
        return config
    }

    /// Reads the key from `api_key_file` (a path relative to the config's folder is allowed).
    public func keyFromFile(configPath: String) throws(ClientConfigurationError) -> APIKey? {
        guard var path = apiKeyFile else { return nil }
        if path.hasPrefix("~/") { path = ProcessEnvironment.home() + path.dropFirst() }
        if !path.hasPrefix("/") { path = FilePath.parent(of: configPath) + "/" + path }
        guard FileManager.default.fileExists(atPath: path) else { throw .unreadableKeyFile(path: path, reason: .phrase(.keyFileMissing)) }
        try ConfigFile.requirePrivate(path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadableKeyFile(path: path, reason: .phrase(.cfgUnreadable))
        }
        guard let key = try APIKey.read(text, source: .phrase(.keySourceKeyFile, ["path": .verbatim(path)])) else {
            throw .unreadableKeyFile(path: path, reason: .phrase(.keyFileEmpty))
        }
        return key
    }

    /// Refuses a file readable or writable by group or others, as ssh does with private
    /// keys. Through a link, the file it points to is judged, and the link itself is
    /// refused in a folder others can write to (they could point it elsewhere).
    static func requirePrivate(_ path: String) throws(ClientConfigurationError) {
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            let folder = FilePath.parent(of: path).isEmpty ? "." : FilePath.parent(of: path)
            var info = stat()
            // Writable by others and not sticky: anyone can replace the link.
            if stat(folder, &info) == 0, info.st_mode & S_IWOTH != 0, info.st_mode & S_ISVTX == 0 {
                throw .redirectableKeyLink(link: path, folder: folder)
            }
        }
        var target = stat()
        guard stat(path, &target) == 0 else { return } // follows the link
        let mode = UInt16(target.st_mode & 0o7777)
        if mode & 0o077 != 0 {
            // Name the file the link points to: that is the one to chmod.
            let real = realpath(path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) } ?? path
            throw .looseKeyFilePermissions(path: real, mode: mode)
        }
    }

    /// The most dispositions a team's list may hold, and the longest name.
    public static let dispositionLimits = (count: 32, length: 64)

    /// `dispositions = ["reached", ...]`: up to 32 distinct names, each one line of 1 to 64 characters.
    private static func dispositions(_ value: TOMLValueConvertible, _ path: String) throws(ClientConfigurationError) -> [String] {
        func refuse(_ value: String) -> ClientConfigurationError {
            .badSetting(path: path, key: "dispositions", problem: .phrase(.cfgDispositions, ["value": .verbatim(value)]))
        }
        guard let array = value.array else { throw refuse(String(describing: value).prefix(80).description) }
        var names: [String] = []
        for item in array {
            guard let name = item.string?.trimmingSpaces(), !name.isEmpty, name.count <= dispositionLimits.length,
                  !name.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } ?? false) }) else {
                throw refuse(item.string ?? String(describing: item).prefix(80).description)
            }
            if !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty, names.count <= dispositionLimits.count else { throw refuse("\(names.count) names") }
        return names
    }

    private static func string(_ table: TOMLTable, _ key: String, _ path: String) throws(ClientConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw .badSetting(path: path, key: key, problem: .phrase(.cfgStringInQuotes))
        }
        return text
    }
}

extension ConfigFile {
    /// The dispositions an operator picks from: the team's list, else the defaults in `language`.
    public func dispositionNames(in language: UILanguage) -> [String] {
        dispositions ?? [Phrase.dispositionReached, .dispositionCallBackLater, .dispositionWrongNumber, .dispositionNotInterested].map { language($0) }
    }
}
