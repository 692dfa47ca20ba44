import CallLogModel
import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// A team log's address: `postgresql://user@host:port/dbname?sslmode=...`.
/// The password comes from the URL, else `PGPASSWORD`, else `PGPASSFILE` or
/// `~/.pgpass`; it is kept here only to connect and never appears in `display`.
public struct PostgresLocation: Sendable, Equatable {
    /// The role to connect as.
    public var user: String
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The database.
    public var database: String
    /// TLS as libpq's `sslmode` names it.
    public var sslMode: SSLMode
    /// A CA bundle to verify the server with (`sslrootcert`).
    public var sslRootCert: String?
    /// The password, when one was found (never printed).
    var password: String?

    /// libpq's `sslmode` values.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it (not verified), else plain.
        case allow
        /// TLS when the server offers it (not verified), else plain (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is verified only against `sslrootcert` when given.
        case require
        /// TLS, the certificate verified against trusted roots, any host name.
        case verifyCA = "verify-ca"
        /// TLS, the certificate verified and its host name checked.
        case verifyFull = "verify-full"
    }

    /// Whether `text` names a PostgreSQL log rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// The URL as messages show it: no password, ever.
    public var display: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgresql://\(user)@\(host):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// What a URL's text says, or why it cannot be used (the message never repeats a password).
    public static func parse(_ text: String, environment: [String: String] = ProcessEnvironment.variables) throws(CallLogError) -> PostgresLocation {
        guard isURL(text), let components = URLComponents(string: text) else {
            throw .badLocation(location: redact(text), reason: .phrase(.pgExpectedURL))
        }
        let shown = redact(text)
        guard let host = components.host, !host.isEmpty else {
            throw .badLocation(location: shown, reason: .phrase(.pgNoHost))
        }
        let user = components.user ?? environment["PGUSER"] ?? environment["USER"] ?? ""
        guard !user.isEmpty else { throw .badLocation(location: shown, reason: .phrase(.pgNoUser)) }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        if database.isEmpty { database = user }
        guard !database.contains("/") else { throw .badLocation(location: shown, reason: .phrase(.pgSlashInName, ["name": .verbatim(database)])) }
        var location = PostgresLocation(user: user, host: host, port: components.port ?? 5432, database: database,
                                        sslMode: .prefer, sslRootCert: nil, password: components.password)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw .badLocation(location: shown, reason: .phrase(.pgSSLMode, ["modes": .verbatim(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")), "value": .verbatim(item.value ?? "")]))
                }
                location.sslMode = mode
            case "sslrootcert":
                location.sslRootCert = item.value
            default:
                throw .badLocation(location: shown, reason: .phrase(.pgUnknownParameter, ["name": .verbatim(item.name)]))
            }
        }
        if location.password == nil {
            location.password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                ?? PasswordFile.lookup(location, environment: environment)
        }
        return location
    }

    /// `text` with any password in it replaced, for messages about a URL that did not parse.
    package static func redact(_ text: String) -> String {
        guard let scheme = text.firstRange(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}

/// libpq's password file: `host:port:database:user:password` lines, `*` matching
/// anything, `\:` and `\\` escaped. Ignored, as libpq does, when others can read it.
enum PasswordFile {
    /// `PGPASSFILE`, else `~/.pgpass`.
    static func path(environment: [String: String]) -> String {
        if let explicit = environment["PGPASSFILE"], !explicit.isEmpty { return explicit }
        return ProcessEnvironment.home(environment) + "/.pgpass"
    }

    /// The password file's path when it exists but was passed over because others can read it.
    static func looseFile(environment: [String: String]) -> String? {
        let path = path(environment: environment)
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        return path
    }

    static func lookup(_ location: PostgresLocation, environment: [String: String]) -> String? {
        let path = path(environment: environment)
        var info = stat()
        // A regular file only (a FIFO would block), private to its owner.
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let wanted = [location.host, String(location.port), location.database, location.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits a line at unescaped colons, unescaping `\:` and `\\`.
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
