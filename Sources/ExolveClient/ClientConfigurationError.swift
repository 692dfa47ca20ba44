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

    /// The message for the operator.
    public var description: String {
        switch self {
        case .missingAPIKey(let configPath):
            return """
            no Exolve API key. Provide one in any of three ways:
              1. the environment: export \(APIKey.environmentVariable)=...
              2. the config file \(configPath): api_key = "..." (then chmod 600 it)
              3. a key file named in that config: api_key_file = "/path/to/key" (chmod 600)
            or try exocall with no account at all: exocall --demo, or exocall stub-server
            """
        case .looseKeyFilePermissions(let path, let mode):
            return "\(path) holds an API key but is readable by group or others (mode \(String(mode, radix: 8, uppercase: false).leftPadded(to: 4))); "
                + "fix it with: chmod 600 \(path)"
        case .badConfigFile(let path, let reason):
            return "config file \(path): \(reason)"
        case .unreadableKeyFile(let path, let reason):
            return "API key file \(path): \(reason)"
        case .badBaseURL(let url, let reason):
            return "base URL \"\(url)\" cannot be used: \(reason)"
        case .unknownProfile(let name, let available, let path):
            return "no profile \"\(name)\" in \(path)" + (available.isEmpty ? " (it defines none: add [profiles.\(name)])" : "; profiles are \(available.joined(separator: ", "))")
        case .missingProfileKey(let profile, let source):
            return "profile \(profile) takes its API key from \(source), which is not set"
        case .badKey(let source, let reason):
            return "the API key from \(source) cannot be used: \(reason). Nothing was sent; write the key on one line with nothing else"
        case .redirectableKeyLink(let link, let folder):
            return "the API key file \(link) is a link in \(folder), a folder others can write to: they could point it at another file. "
                + "Name the key file itself in api_key_file, or move the link to a folder only you can write (chmod o-w \(folder) if it is yours)"
        }
    }
}

extension String {
    /// This string with leading zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
