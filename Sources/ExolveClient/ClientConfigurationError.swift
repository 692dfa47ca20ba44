import Localization

/// Why exocall cannot talk to Exolve yet: a configuration problem, told so the
/// operator can fix it. No case ever carries the API key.
public enum ClientConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No API key anywhere; `configPath` is where the config file was looked for.
    case missingAPIKey(configPath: String)
    /// A file holding a key is readable by group or others.
    case looseKeyFilePermissions(path: String, mode: UInt16)
    /// The config file is not valid TOML or has a wrong value.
    case badConfigFile(path: String, reason: String)
    /// A key file could not be read.
    case unreadableKeyFile(path: String, reason: String)
    /// A base URL that cannot be used.
    case badBaseURL(String, String)
    /// `--profile` or `EXOCALL_PROFILE` names no profile.
    case unknownProfile(String, available: [String], configPath: String)
    /// The chosen profile's key source is empty.
    case missingProfileKey(profile: String, source: String)
    /// The key holds a character no HTTP header can carry (CR, LF, another control character).
    case badKey(source: String, reason: String)
    /// A key file reached through a link that others could point elsewhere.
    case redirectableKeyLink(link: String, folder: String)

    /// The message for the operator, in English.
    public var description: String { description(in: .en) }

    /// The message for the operator, in `language`.
    public func description(in language: UILanguage) -> String {
        switch self {
        case .missingAPIKey(let configPath):
            return language(.keyMissing, ["variable": APIKey.environmentVariable, "path": configPath])
        case .looseKeyFilePermissions(let path, let mode):
            return language(.keyLoosePermissions, ["path": path, "mode": String(mode, radix: 8, uppercase: false).leftPadded(to: 4)])
        case .badConfigFile(let path, let reason):
            return language(.keyBadConfig, ["path": path, "reason": reason])
        case .unreadableKeyFile(let path, let reason):
            return language(.keyUnreadableFile, ["path": path, "reason": reason])
        case .badBaseURL(let url, let reason):
            return language(.keyBadBaseURL, ["url": url, "reason": reason])
        case .unknownProfile(let name, let available, let path):
            return available.isEmpty ? language(.keyUnknownProfileNone, ["name": name, "path": path])
                : language(.keyUnknownProfile, ["name": name, "path": path, "names": available.joined(separator: ", ")])
        case .missingProfileKey(let profile, let source):
            return language(.keyMissingProfileKey, ["profile": profile, "source": source])
        case .badKey(let source, let reason):
            return language(.keyBadKey, ["source": source, "reason": reason])
        case .redirectableKeyLink(let link, let folder):
            return language(.keyRedirectableLink, ["link": link, "folder": folder])
        }
    }
}

extension String {
    /// This string with leading zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
