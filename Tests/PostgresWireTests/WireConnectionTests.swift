import CallLog
import Foundation
import NIOSSL
@testable import PostgresWire
import PostgresTestSupport
import TestPostgres
import XCTest

/// exocall's PostgreSQL client against a real server: values both ways, errors that leave the
/// session usable, notifications between operations, every way of signing in, and TLS.
final class WireConnectionTests: XCTestCase {
    private func configuration(_ cluster: PostgresCluster, database: String = "postgres", user: String? = nil, password: String? = nil,
                               tls: WireConfiguration.TLS = .disable) -> WireConfiguration {
        WireConfiguration(host: "127.0.0.1", serverName: nil, port: cluster.port, user: user ?? cluster.superuser, password: password ?? cluster.password,
                          database: database, tls: tls, applicationName: "exocall wire-test")
    }

    /// Every kind of value exocall sends comes back as it went, NULL included; text that
    /// looks like SQL or an array's syntax stays a value.
    func testValuesGoAsParametersAndComeBackAsTheyWent() async throws {
        let cluster = try requirePostgres()
        let connection = try await WireConnection.connect(configuration(cluster))
        let text = "it's \"quoted\" \\ back, {braces}, NULL; DROP TABLE call; -- Алёна ☎\n"
        let none: String? = nil
        let rows = try await connection.query("""
            SELECT \(text)::text, \(none)::text, \(Int64.max)::int8, \(Int64.min)::int8, \(true)::bool, \(Int32(-7))::int4,
                   \([text, "NULL", "", ","])::text[] = ARRAY[\(text)::text, 'NULL', '', ','], cardinality(\([Int64(1), 2, 3])::int8[])
            """)
        XCTAssertEqual(rows.count, 1)
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(try row[0].decode(String.self), text)
        XCTAssertNil(try row[1].decode(String?.self))
        XCTAssertEqual(try row[2].decode(Int64.self), .max)
        XCTAssertEqual(try row[3].decode(Int64.self), .min)
        XCTAssertEqual(try row[4].decode(Bool.self), true)
        XCTAssertEqual(try row[5].decode(Int.self), -7)
        XCTAssertEqual(try row[6].decode(Bool.self), true)
        XCTAssertEqual(try row[7].decode(Int.self), 3)
        // A NULL where a value is needed, a column that is not there, text that is not a number: errors, named.
        XCTAssertThrowsError(try row[1].decode(String.self))
        XCTAssertThrowsError(try row[9].decode(String.self))
        XCTAssertThrowsError(try row[0].decode(Int64.self)) { error in
            guard case .protocolViolation(let words) = error as? WireError else { return XCTFail("\(error)") }
            XCTAssertTrue(words.contains("column 0"), words)
        }
        await connection.close()
        XCTAssertTrue(connection.isClosed)
    }

    /// The server's refusal names its SQLSTATE and message, and the session goes on; a
    /// statement with a zero byte is refused before it is sent.
    func testARefusedStatementLeavesTheSessionUsable() async throws {
        let cluster = try requirePostgres()
        let connection = try await WireConnection.connect(configuration(cluster))
        do {
            try await connection.query("SELECT * FROM no_such_table")
            XCTFail("the statement should fail")
        } catch {
            guard case .server(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.sqlState, "42P01")
            XCTAssertEqual(fields.message, "relation \"no_such_table\" does not exist")
        }
        do {
            try await connection.query(WireQuery(sql: "SELECT 1\u{0}"))
            XCTFail("a zero byte should be refused")
        } catch {
            guard case .protocolViolation = error else { return XCTFail("\(error)") }
        }
        // A failed transaction is rolled back by the caller and the session goes on.
        try await connection.query("BEGIN")
        _ = try? await connection.query("SELECT 1/0")
        try await connection.query("ROLLBACK")
        let sum = try await connection.query("SELECT 41 + \(1)").first?[0].decode(Int.self)
        XCTAssertEqual(sum, 42)
        await connection.close()
    }

    /// A wrong password is the server's own words (SQLSTATE 28P01), never the password.
    func testAWrongPasswordIsTheServersRefusal() async throws {
        let cluster = try requirePostgres()
        do {
            _ = try await WireConnection.connect(configuration(cluster, password: "not-the-password"))
            XCTFail("the connection should be refused")
        } catch {
            guard case .server(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.sqlState, "28P01")
            XCTAssertFalse("\(fields)".contains("not-the-password"))
        }
        var none = configuration(cluster)
        none.password = nil
        do {
            _ = try await WireConnection.connect(none)
            XCTFail("a password is needed")
        } catch {
            guard case .needsPassword = error else { return XCTFail("\(error)") }
        }
    }

    /// Notifications sent while the session runs other statements arrive on the listener,
    /// in order; when the connection goes, the listener ends with an error.
    func testNotificationsArriveBetweenOperationsAndEndWithTheConnection() async throws {
        let cluster = try requirePostgres()
        let listener = try await WireConnection.connect(configuration(cluster))
        let notifications = try await listener.listen("exocall \"wire\" test")
        let sender = try await WireConnection.connect(configuration(cluster))
        for n in 1...3 { try await sender.query("SELECT pg_notify('exocall \"wire\" test', \(String(n)))") }
        // Operations on the listening connection go on meanwhile.
        let between = try await listener.query("SELECT 1")
        XCTAssertEqual(between.count, 1)
        var iterator = notifications.makeAsyncIterator()
        var payloads: [String] = []
        for _ in 1...3 { payloads.append(try await iterator.next()?.payload ?? "-") }
        XCTAssertEqual(payloads, ["1", "2", "3"])
        // The server ends the listening session: the sequence throws instead of waiting forever.
        let pid = try await listener.query("SELECT pg_backend_pid()").first![0].decode(Int.self)
        try await sender.query("SELECT pg_terminate_backend(\(pid)::int)")
        do {
            while try await iterator.next() != nil {}
            XCTFail("the sequence should end with the connection's error")
        } catch {}
        XCTAssertTrue(listener.isClosed)
        await sender.close()
    }

    /// The pool lends each connection to one operation at a time, never makes more than
    /// its maximum, and replaces a connection the server closed.
    func testThePoolHoldsItsMaximumAndReplacesALostConnection() async throws {
        let cluster = try requirePostgres()
        let pool = WirePool(configuration(cluster), maximum: 3)
        let pids = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.withConnection { connection in
                        try await connection.query("SELECT pg_sleep(0.05)")
                        return try await connection.query("SELECT pg_backend_pid()").first![0].decode(Int.self)
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        XCTAssertLessThanOrEqual(pids.count, 3)
        for pid in pids { _ = try cluster.sql("SELECT pg_terminate_backend(\(pid))") }
        // A connection the server ended is found out when the socket says so, or at the
        // latest by the operation that uses it (which fails); the next connects again.
        var fresh: Int?
        for _ in 0..<(pids.count + 1) where fresh == nil {
            fresh = try? await pool.withConnection { try await $0.query("SELECT pg_backend_pid()").first![0].decode(Int.self) }
        }
        XCTAssertNotNil(fresh)
        XCTAssertFalse(pids.contains(fresh ?? -1))
        await pool.close()
        do {
            _ = try await pool.withConnection { _ in 1 }
            XCTFail("a closed pool lends nothing")
        } catch {
            XCTAssertTrue(error is WirePool.Closed, "\(error)")
        }
    }

    /// TLS on a server of its own with a self-signed certificate: `prefer` and `require`
    /// encrypt (the server's pg_stat_ssl says so), the certificate is checked when asked
    /// (verify-full passes for its name, fails for another), and a server without TLS is
    /// refused by `require`. The same server signs in by md5 and by cleartext password.
    func testTLSAndEveryPasswordMethodOnAServerConfiguredForThem() async throws {
        _ = try requirePostgres()
        let cluster = try PostgresCluster.start(maxConnections: 20)
        defer { cluster.destroy() }
        let data = cluster.folder + "/data"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost", "-keyout", data + "/server.key", "-out", data + "/server.crt"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        XCTAssertEqual(openssl.terminationStatus, 0)
        var folder = stat()
        XCTAssertEqual(stat(data, &folder), 0)
        for file in ["server.key", "server.crt"] {
            chown(data + "/" + file, folder.st_uid, folder.st_gid)
            chmod(data + "/" + file, 0o600)
        }
        let hba = try String(contentsOfFile: data + "/pg_hba.conf", encoding: .utf8)
        try ("host all md5_user 127.0.0.1/32 md5\nhost all plain_user 127.0.0.1/32 password\n" + hba)
            .write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        try cluster.sql("ALTER SYSTEM SET ssl = on")
        try cluster.sql("SET password_encryption = 'md5'; CREATE ROLE md5_user LOGIN PASSWORD 'md5-secret'")
        try cluster.sql("CREATE ROLE plain_user LOGIN PASSWORD 'plain-secret'")
        try cluster.sql("SELECT pg_reload_conf()")

        let root = try NIOSSLCertificate.fromPEMFile(data + "/server.crt")
        func context(_ verification: CertificateVerification) throws -> NIOSSLContext {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(root)
            tls.certificateVerification = verification
            return try NIOSSLContext(configuration: tls)
        }
        func encrypted(_ configuration: WireConfiguration) async throws -> Bool {
            let connection = try await WireConnection.connect(configuration)
            defer { Task { await connection.close() } }
            return try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first![0].decode(Bool.self)
        }
        // The server takes a moment to read its new configuration.
        let deadline = Date().addingTimeInterval(10)
        var preferred = false
        while !preferred, Date() < deadline { preferred = (try? await encrypted(configuration(cluster, tls: .prefer(try context(.none))))) ?? false }
        XCTAssertTrue(preferred, "prefer should encrypt once the server offers TLS")
        let required = try await encrypted(configuration(cluster, tls: .require(try context(.noHostnameVerification))))
        XCTAssertTrue(required)
        var byName = configuration(cluster, tls: .require(try context(.fullVerification)))
        byName.host = "localhost"
        byName.serverName = "localhost"
        let verified = try await encrypted(byName)
        XCTAssertTrue(verified)
        // By address, the certificate (issued to "localhost" only) does not match: refused.
        do {
            _ = try await WireConnection.connect(configuration(cluster, tls: .require(try context(.fullVerification))))
            XCTFail("a certificate for another name should be refused")
        } catch {
            guard case .connection? = error as? WireError else { return XCTFail("\(error)") }
        }
        // The team log says so in words, naming neither BoringSSL's internals nor the password.
        do {
            _ = try await CallLogOpener.open("postgresql://postgres:\(cluster.password)@127.0.0.1:\(cluster.port)/postgres"
                                             + "?sslmode=verify-full&sslrootcert=\(data)/server.crt")
            XCTFail("the log should not open")
        } catch {
            XCTAssertTrue("\(error)".contains("TLS handshake failed: the server's certificate was issued for another name"), "\(error)")
            XCTAssertFalse("\(error)".contains("OPENSSL_internal") || "\(error)".contains(cluster.password), "\(error)")
        }
        // A certificate no root vouches for: not trusted.
        do {
            _ = try await CallLogOpener.open("postgresql://postgres:\(cluster.password)@localhost:\(cluster.port)/postgres?sslmode=verify-ca")
            XCTFail("the log should not open")
        } catch {
            XCTAssertTrue("\(error)".contains("TLS handshake failed: the server's certificate is not trusted"), "\(error)")
        }
        // md5 and cleartext password, each with a wrong password refused too.
        for (user, password) in [("md5_user", "md5-secret"), ("plain_user", "plain-secret")] {
            do {
                let inTheClear = try await encrypted(configuration(cluster, user: user, password: password))
                XCTAssertFalse(inTheClear, user)
            } catch {
                XCTFail("\(user): \(error)")
            }
        }
        for user in ["md5_user", "plain_user"] {
            do {
                _ = try await WireConnection.connect(configuration(cluster, user: user, password: "wrong"))
                XCTFail("\(user): a wrong password should be refused")
            } catch {
                guard case .server(let fields) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(fields.sqlState, "28P01")
            }
        }
        // The shared cluster has no TLS: require refuses it, prefer goes on in the clear.
        let plain = try requirePostgres()
        do {
            _ = try await WireConnection.connect(configuration(plain, tls: .require(try context(.none))))
            XCTFail("require should refuse a server without TLS")
        } catch {
            guard case .tlsUnsupported? = error as? WireError else { return XCTFail("\(error)") }
        }
        let clear = try await encrypted(configuration(plain, tls: .prefer(try context(.none))))
        XCTAssertFalse(clear)
    }
}
