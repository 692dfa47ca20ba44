import Foundation

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

    /// The default time to wait for Exolve.
    public static let defaultTimeout: Duration = .seconds(30)

    /// Resolves the configuration. The base URL comes from `baseURLFlag`, then
    /// `EXOLVE_BASE_URL`, then `base_url`, then the production default; the key
    /// from `EXOLVE_API_KEY`, then `api_key`, then `api_key_file`.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                               baseURLFlag: String? = nil, timeout: Duration? = nil,
                               configPath: String? = nil) throws(ClientConfigurationError) -> ClientConfiguration {
        let path = configPath ?? environment["EXOCALL_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ConfigFile.defaultPath(environment: environment)
        let file = try ConfigFile.load(path: path)
        let base = baseURLFlag ?? environment["EXOLVE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? file.baseURL ?? Endpoint.defaultBaseURL
        let endpoint = try Endpoint(base)
        var key = environment["EXOLVE_API_KEY"].flatMap(APIKey.init)
        if key == nil { key = file.apiKey }
        if key == nil { key = try file.keyFromFile(configPath: path) }
        return ClientConfiguration(endpoint: endpoint, apiKey: key, timeout: timeout ?? defaultTimeout, configPath: path, file: file)
    }

    /// The key, or the error that tells the operator how to provide one.
    public func requireKey() throws(ClientConfigurationError) -> APIKey {
        guard let apiKey else { throw .missingAPIKey(configPath: configPath) }
        return apiKey
    }
}
