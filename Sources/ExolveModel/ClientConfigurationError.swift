import Localization

/// Why exocall cannot talk to Exolve yet: a configuration problem, told so the
/// operator can fix it. No case ever carries the API key.
public enum ClientConfigurationError: Error, Equatable, Sendable, CustomStringConvertible, OperatorFacingError {
    /// No API key anywhere; `configPath` is where the config file was looked for.
    case missingAPIKey(configPath: String)
    /// A file holding a key is readable by group or others.
    case looseKeyFilePermissions(path: String, mode: UInt16)
    /// The config file is not valid TOML or has a wrong value.
    case badConfigFile(path: String, reason: Localized)
    /// One setting of the config file has a wrong value.
    case badSetting(path: String, key: String, problem: Localized)
    /// A key file could not be read.
    case unreadableKeyFile(path: String, reason: Localized)
    /// A base URL that cannot be used.
    case badBaseURL(String, Localized)
    /// `--profile` or `EXOCALL_PROFILE` names no profile.
    case unknownProfile(String, available: [String], configPath: String)
    /// The chosen profile's key source is empty.
    case missingProfileKey(profile: String, source: Localized)
    /// The key holds a character no HTTP header can carry (CR, LF, another control character).
    case badKey(source: Localized, reason: Localized)
    /// A key file reached through a link that others could point elsewhere.
    case redirectableKeyLink(link: String, folder: String)

    /// The message for the operator, in English.
    public var description: String { text.text(.en) }

    /// The message for the operator, in either language.
    public var text: Localized {
        switch self {
        case .missingAPIKey(let configPath):
            return .phrase(.keyMissing, ["variable": .verbatim(APIKey.environmentVariable), "path": .verbatim(configPath)])
        case .looseKeyFilePermissions(let path, let mode):
            return .phrase(.keyLoosePermissions, ["path": .verbatim(path), "mode": .verbatim(String(mode, radix: 8, uppercase: false).leftPadded(to: 4))])
        case .badConfigFile(let path, let reason):
            return .phrase(.keyBadConfig, ["path": .verbatim(path), "reason": reason])
        case .badSetting(let path, let key, let problem):
            return .phrase(.keySettingProblem, ["path": .verbatim(path), "key": .verbatim(key), "problem": problem])
        case .unreadableKeyFile(let path, let reason):
            return .phrase(.keyUnreadableFile, ["path": .verbatim(path), "reason": reason])
        case .badBaseURL(let url, let reason):
            return .phrase(.keyBadBaseURL, ["url": .verbatim(url), "reason": reason])
        case .unknownProfile(let name, let available, let path):
            return available.isEmpty ? .phrase(.keyUnknownProfileNone, ["name": .verbatim(name), "path": .verbatim(path)])
                : .phrase(.keyUnknownProfile, ["name": .verbatim(name), "path": .verbatim(path), "names": .verbatim(available.joined(separator: ", "))])
        case .missingProfileKey(let profile, let source):
            return .phrase(.keyMissingProfileKey, ["profile": .verbatim(profile), "source": source])
        case .badKey(let source, let reason):
            return .phrase(.keyBadKey, ["source": source, "reason": reason])
        case .redirectableKeyLink(let link, let folder):
            return .phrase(.keyRedirectableLink, ["link": .verbatim(link), "folder": .verbatim(folder)])
        }
    }
}

extension String {
    /// This string with leading zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
