import ExolveModel

/// The profiles of config.toml, the one in use, and where its requests go.
public struct ProfileState: Equatable, Sendable {
    /// The profiles of config.toml.
    public var list: [Profile] = []
    /// The profile in use, if any.
    public var name: String? = nil
    /// The base URL requests go to (for copy as curl).
    public var endpointURL = Endpoint.defaultBaseURL
    /// The environment variable a curl command names for the key.
    public var keyVariable = APIKey.environmentVariable

    /// No profile.
    public init() {}
}
