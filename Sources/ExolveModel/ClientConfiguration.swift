import FoundationEssentials
import Glibc
import SafeTOML
import ProcessEnvironment
import Localization

/// Everything the client needs to send, resolved from flags, environment and
/// the config file, in that order of precedence.
public struct ClientConfiguration: Sendable {
    /// Where requests go.
    public var endpoint: Endpoint
    /// The key, when one was found (building and previewing need none).
    public var apiKey: APIKey?
    /// How long to wait for an answer before the outcome is unknown.
    public var timeout: Duration
    /// The config file consulted.
    public var configPath: String
    /// The config file's contents.
    public var file: ConfigFile
    /// Every profile in the config file.
    public var profiles: [Profile] = []
    /// The profile in use, if any.
    public var profile: Profile?

    /// The environment variable a curl command names for the key.
    public var keyVariable: String { profile?.keyVariable ?? APIKey.environmentVariable }

    /// The default time to wait for Exolve.
    public static let defaultTimeout: Duration = .seconds(30)

    /// Resolves the configuration. The profile is `profileFlag`, else
    /// `EXOCALL_PROFILE`, else `default_profile` (none when there is none). The
    /// base URL comes from `baseURLFlag`, then `EXOLVE_BASE_URL`, then the
    /// profile's `base_url`, then the top-level `base_url`, then the production
    /// default. The key comes from the profile's `api_key_env`/`api_key_file`
    /// when a profile is chosen (so switching profiles never sends with another
    /// application's key), else `EXOLVE_API_KEY`, then `api_key`, then `api_key_file`.
    public static func resolve(environment: [String: String] = ProcessEnvironment.variables,
                               baseURLFlag: String? = nil, timeout: Duration? = nil,
                               configPath: String? = nil, profileFlag: String? = nil) throws(ClientConfigurationError) -> ClientConfiguration {
        let path = configPath ?? ConfigFile.path(environment: environment)
        let file = try ConfigFile.load(path: path)
        let text = (try? TOMLFile.read(path)) ?? "" // load above refused a file that is there but unreadable
        let (profiles, defaultProfile, _) = ProfileReader.read(text, configPath: path, environment: environment)
        let wanted = profileFlag ?? environment["EXOCALL_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultProfile
        var profile: Profile? = nil
        if let wanted {
            guard let found = profiles.first(where: { $0.name == wanted }) else {
                throw .unknownProfile(wanted, available: profiles.map(\.name), configPath: path)
            }
            profile = found
        }
        let base = baseURLFlag ?? environment["EXOLVE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? profile?.baseURL
            ?? file.baseURL ?? Endpoint.defaultBaseURL
        let endpoint = try Endpoint(base)
        if let profile, let problem = ProfileReader.read(text, configPath: path, environment: environment).problems
            .first(where: { $0.key == "profiles.\(profile.name).api_key_env" }) {
            throw .badSetting(path: path, key: problem.key, problem: problem.text)
        }
        var key: APIKey? = nil
        if let variable = profile?.apiKeyEnv {
            key = try APIKey.read(environment[variable], source: .phrase(.keySourceVariable, ["name": .verbatim(variable)]))
        } else if let keyFile = profile?.apiKeyFile {
            var holder = ConfigFile()
            holder.apiKeyFile = keyFile
            key = try holder.keyFromFile(configPath: path)
        } else {
            key = try APIKey.read(environment[APIKey.environmentVariable], source: .phrase(.keySourceVariable, ["name": .verbatim(APIKey.environmentVariable)]))
            if key == nil { key = file.apiKey }
            if key == nil { key = try file.keyFromFile(configPath: path) }
        }
        var config = ClientConfiguration(endpoint: endpoint, apiKey: key, timeout: timeout ?? defaultTimeout, configPath: path, file: file)
        config.profiles = profiles
        config.profile = profile
        return config
    }

    /// The key, or the error that tells the operator how to provide one.
    public func requireKey() throws(ClientConfigurationError) -> APIKey {
        if apiKey == nil, let profile, profile.apiKeyEnv != nil || profile.apiKeyFile != nil {
            throw .missingProfileKey(profile: profile.name, source: profile.apiKeyEnv.map { .phrase(.keySourceVariable, ["name": .verbatim($0)]) }
                                     ?? .phrase(.keySourceFile, ["path": .verbatim(profile.apiKeyFile ?? "")]))
        }
        guard let apiKey else { throw .missingAPIKey(configPath: configPath) }
        return apiKey
    }
}
