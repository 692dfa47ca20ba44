/// Why a PostgreSQL operation failed.
public enum WireError: Error, Sendable {
    /// The server refused: its fields (SQLSTATE, message...).
    case server(ServerFields)
    /// The connection could not be made or broke: the networking or TLS library's error.
    case connection(any Error)
    /// The connection was closed (by either side) before the operation ended.
    case closed
    /// The server asked for a password and none was given.
    case needsPassword
    /// The server asked for a way of signing in exocall does not speak (Kerberos, SSPI...).
    case unsupportedAuthentication(Int32)
    /// `sslmode` asks for TLS and the server does not offer it.
    case tlsUnsupported
    /// The SCRAM exchange failed on the client's side (a server that cannot prove itself).
    case sasl(String)
    /// The server's answer broke the protocol, or a column could not be read.
    case protocolViolation(String)
}
