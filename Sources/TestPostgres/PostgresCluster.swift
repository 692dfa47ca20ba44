import Foundation

/// A throwaway PostgreSQL server for tests and the benchmark: a new cluster in a
/// temporary folder, on a free loopback port, with a password for its superuser.
/// Run as the `postgres` user when this process is root (initdb refuses root).
/// Removed when the process exits, and by a watchdog if the process is killed.
public final class PostgresCluster: @unchecked Sendable {
    /// The server's port on 127.0.0.1.
    public let port: Int
    /// The folder holding the cluster, its socket and its log.
    public let folder: String
    /// The superuser's password.
    public let password: String
    /// The superuser.
    public let superuser = "postgres"
    /// The server's `max_connections`.
    public let maxConnections: Int
    private let binaries: String
    private let runAs: String?

    /// Why no cluster could be started.
    public struct Unavailable: Error, CustomStringConvertible {
        /// What was missing or failed.
        public let description: String
    }

    private init(port: Int, folder: String, password: String, binaries: String, runAs: String?, maxConnections: Int) {
        self.maxConnections = maxConnections
        self.port = port
        self.folder = folder
        self.password = password
        self.binaries = binaries
        self.runAs = runAs
    }

    /// A URL for `database` as the superuser, with the password in it when `withPassword`.
    public func url(database: String, user: String? = nil, password: String? = nil, withPassword: Bool = true) -> String {
        let role = user ?? superuser
        let secret = password ?? (role == superuser ? self.password : nil)
        let credentials = withPassword && secret != nil ? "\(role):\(secret!)" : role
        return "postgresql://\(credentials)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Runs SQL as the superuser (through psql) and returns what it printed.
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres") throws -> String {
        let result = try Self.run(binaries + "/psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port),
                                                       "-U", superuser, "-d", database, "-c", statement],
                                  environment: ["PGPASSWORD": password])
        guard result.status == 0 else { throw Unavailable(description: "psql failed: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A new, empty database (a fresh name each call), returned by name.
    public func createDatabase(_ prefix: String = "exocall_test") throws -> String {
        let name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        try sql("CREATE DATABASE \(name)")
        return name
    }

    /// Stops the server (open connections are cut), keeping every committed write.
    public func stopServer() throws {
        let result = try Self.run(binaries + "/pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "stop"], runAs: runAs)
        guard result.status == 0 else { throw Unavailable(description: "pg_ctl stop failed: \(result.output)") }
    }

    /// Starts the server again on the same port.
    public func startServer() throws {
        let options = "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=\(maxConnections)"
        let result = try Self.run(binaries + "/pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-o", options, "-w", "-t", "60", "start"], runAs: runAs)
        guard result.status == 0 else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw Unavailable(description: "pg_ctl start failed: \(result.output) \(log.suffix(800))")
        }
    }

    /// Stops the server and removes its folder.
    public func destroy() {
        _ = try? Self.run(binaries + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"], runAs: runAs)
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Starting

    nonisolated(unsafe) private static var sharedResult: Result<PostgresCluster, Unavailable>?
    private static let sharedLock = NSLock()

    /// One cluster for the whole process, started on first use and removed at exit.
    public static func shared() throws -> PostgresCluster {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if sharedResult == nil {
            sharedResult = Result { () throws(Unavailable) -> PostgresCluster in try start() }
            if case .success = sharedResult! {
                atexit { if case .success(let cluster)? = PostgresCluster.sharedResult { cluster.destroy() } }
            }
        }
        return try sharedResult!.get()
    }

    /// Where PostgreSQL's programs are: `PG_BINDIR`, else the newest /usr/lib/postgresql/N/bin.
    public static func binaryFolder() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["PG_BINDIR"], !explicit.isEmpty { return explicit }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        return nil
    }

    /// Starts a new cluster allowing `maxConnections` connections.
    public static func start(maxConnections: Int = 200) throws(Unavailable) -> PostgresCluster {
        guard let binaries = binaryFolder() else {
            throw Unavailable(description: "no PostgreSQL server programs (initdb) in /usr/lib/postgresql: install the Debian package postgresql")
        }
        let runAs: String? = getuid() == 0 ? "postgres" : nil
        var owner: (uid_t, gid_t)? = nil
        if let runAs {
            guard let entry = getpwnam(runAs) else { throw Unavailable(description: "running as root, and there is no \(runAs) user to run the server as") }
            owner = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        var template = Array((NSTemporaryDirectory() + "exocall-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Unavailable(description: "cannot make a temporary folder") }
        let folder = String(cString: made)
        chmod(folder, 0o700)
        if let owner { chown(folder, owner.0, owner.1) }
        let password = "pw" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let passwordFile = folder + "/pwfile"
        FileManager.default.createFile(atPath: passwordFile, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
        if let owner { chown(passwordFile, owner.0, owner.1) }
        do {
            let initdb = try run(binaries + "/initdb", ["-D", folder + "/data", "-U", "postgres", "--pwfile=" + passwordFile, "-E", "UTF8",
                                                         "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"], runAs: runAs)
            guard initdb.status == 0 else { throw Unavailable(description: "initdb failed: \(initdb.output)") }
            let cluster = PostgresCluster(port: try freePort(), folder: folder, password: password, binaries: binaries, runAs: runAs, maxConnections: maxConnections)
            try cluster.startServer()
            watch(cluster)
            return cluster
        } catch let error as Unavailable {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw Unavailable(description: "\(error)")
        }
    }

    /// A watchdog that stops the server and removes its folder once this process is gone,
    /// however it ends (a crash, kill -9): no server outlives its tests.
    private static func watch(_ cluster: PostgresCluster) {
        let stop = (cluster.runAs.map { "runuser -u \($0) -- " } ?? "") + "'\(cluster.binaries)/pg_ctl' -D '\(cluster.folder)/data' -m immediate stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(cluster.folder)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    /// A port nothing listens on now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(description: "no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw Unavailable(description: "cannot bind a free port") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to completion, as `runAs` when given, returning its status and output.
    /// posix_spawn and waitpid, not Foundation's Process: the child is reaped here,
    /// whatever thread or run loop the caller is on.
    static func run(_ program: String, _ arguments: [String], runAs: String? = nil,
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let argv = runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", program] } ?? [program]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        // Output goes to a file, not a pipe: the server pg_ctl starts would hold a
        // pipe's write end open, and reading it to the end would never finish.
        let outputPath = NSTemporaryDirectory() + "exocall-pg-run-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = (argv + arguments).map { strdup($0) } + [nil]
        let cEnvironment = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw Unavailable(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}
