import NIOSSL

/// Where and how to connect.
public struct WireConfiguration: Sendable {
    /// TLS as `sslmode` asks: none, when the server offers it, or required.
    public enum TLS: Sendable {
        case disable
        case prefer(NIOSSLContext)
        case require(NIOSSLContext)
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String?
    public var tls: TLS
    /// Shown in the server's `pg_stat_activity`.
    public var applicationName: String?
    /// How long the TCP connection may take.
    public var connectTimeout: Duration = .seconds(3)

    public init(host: String, port: Int, user: String, password: String?, database: String?, tls: TLS, applicationName: String?) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
        self.applicationName = applicationName
    }
}
