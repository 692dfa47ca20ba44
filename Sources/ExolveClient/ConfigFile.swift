import CallbackCore
import Foundation
import TOMLKit

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

    /// An empty configuration.
    public init() {}

    /// Where the config file lives: `$XDG_CONFIG_HOME/exocall/config.toml`,
    /// else `~/.config/exocall/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/config.toml"
    }

    /// `$XDG_CONFIG_HOME/exocall` or `~/.config/exocall`.
    public static func configDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/exocall" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/exocall"
    }

    /// Loads the file at `path`; a missing file is an empty configuration.
    /// A file that is not valid TOML, or holds a key while readable by others, is an error.
    public static func load(path: String) throws(ClientConfigurationError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .badConfigFile(path: path, reason: "cannot be read as UTF-8 text")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .badConfigFile(path: path, reason: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch {
            throw .badConfigFile(path: path, reason: "not valid TOML")
        }
        var config = ConfigFile()
        config.baseURL = try string(table, "base_url", path)
        config.apiKeyFile = try string(table, "api_key_file", path)
        config.theme = try string(table, "theme", path)
        if let text = try string(table, "repeat_window", path) {
            guard let window = RepeatWindow(parsing: text) else {
                throw .badConfigFile(path: path, reason: "repeat_window must be \(RepeatWindow.syntax), got \"\(text)\"")
            }
            config.repeatWindow = window
        }
        if let raw = try string(table, "api_key", path) {
            guard let key = APIKey(raw) else { throw .badConfigFile(path: path, reason: "api_key is empty") }
            try requirePrivate(path)
            config.apiKey = key
        }
        return config
    }

    /// Reads the key from `api_key_file` (a path relative to the config's folder is allowed).
    public func keyFromFile(configPath: String) throws(ClientConfigurationError) -> APIKey? {
        guard var path = apiKeyFile else { return nil }
        if path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
        if !path.hasPrefix("/") { path = (configPath as NSString).deletingLastPathComponent + "/" + path }
        guard FileManager.default.fileExists(atPath: path) else { throw .unreadableKeyFile(path: path, reason: "no such file") }
        try ConfigFile.requirePrivate(path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadableKeyFile(path: path, reason: "cannot be read")
        }
        guard let key = APIKey(text) else { throw .unreadableKeyFile(path: path, reason: "the file is empty") }
        return key
    }

    /// Refuses a file readable or writable by group or others, as ssh does with private keys.
    static func requirePrivate(_ path: String) throws(ClientConfigurationError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value else { return }
        if mode & 0o077 != 0 { throw .looseKeyFilePermissions(path: path, mode: mode & 0o7777) }
    }

    private static func string(_ table: TOMLTable, _ key: String, _ path: String) throws(ClientConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            throw .badConfigFile(path: path, reason: "\(key) must be a quoted string")
        }
        return text
    }
}
