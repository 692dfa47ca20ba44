import NIOSSL

/// Where and how to connect.
public struct WireConfiguration: Sendable {
    /// TLS as `sslmode` asks: none, when the server offers it, or required.
    public enum TLS: Sendable {
        /// Never: the session is in the clear.
        case disable
        /// When the server offers it, else in the clear.
        case prefer(NIOSSLContext)
        /// Always: a server without TLS is refused (`WireError.tlsUnsupported`).
        case require(NIOSSLContext)
    }

    /// The server's name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to sign in as.
    public var user: String
    /// Its password, when the server asks for one.
    public var password: String?
    /// The database (the server's default, the user's name, when nil).
    public var database: String?
    /// TLS as `sslmode` asks.
    public var tls: TLS
    /// The name TLS sends (SNI) and `verify-full` checks the certificate against; nil when
    /// `host` is an address, which is never sent as a name (the peer's address is checked).
    public var serverName: String?
    /// Shown in the server's `pg_stat_activity`.
    public var applicationName: String?
    /// How long the TCP connection may take.
    public var connectTimeout: Duration = .seconds(3)

    /// Where to connect, as whom, and how.
    public init(host: String, serverName: String?, port: Int, user: String, password: String?, database: String?, tls: TLS,
                applicationName: String?) {
        self.host = host
        self.serverName = serverName
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
        self.applicationName = applicationName
    }
}
