import ArgumentParser
import Localization
import CallLog
import CallLogPostgres
import FoundationEssentials
import Glibc
import ProcessEnvironment

/// `exocall log migrate --to URL`: copies a local SQLite log into a team's PostgreSQL log.
struct LogMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a local call log into a team log on PostgreSQL (running it again copies nothing twice).",
        discussion: """
        Creates the team log's schema when the database has none (the role needs the
        right to create tables the first time). Each entry is copied with its origin
        (this log's identity and the entry's id), so a second run skips what the first
        copied. The local file is only read.

        Example:
          exocall log migrate --to postgresql://exocall_owner@db.example:5432/calls
        """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite log to copy (default: EXOCALL_DB if a path, else ~/.local/share/exocall/calls.sqlite).", valueName: "PATH"))
    var path: String?

    @Option(help: ArgumentHelp("The team log: postgresql://user@host:port/dbname?sslmode=...", valueName: "URL"))
    var to: String

    func validate() throws {
        guard PostgresLocation.isURL(to) else { throw ValidationError(LanguageOption.current()(.optTo, ["value": CallLogOpener.display(to)])) }
        if let path, PostgresLocation.isURL(path) { throw ValidationError(LanguageOption.current()(.optDBNotURL)) }
    }

    func run() async throws {
        // The source is a local file: a team URL in EXOCALL_DB is where copies go, not
        // where they come from (the default file is then the source).
        var environment = ProcessEnvironment.variables
        if let db = environment["EXOCALL_DB"], PostgresLocation.isURL(db) { environment["EXOCALL_DB"] = nil }
        let source = CallLogLocation.resolve(flag: path, configured: { nil }, environment: environment)
        let target: PostgresCallLog
        do {
            target = try await PostgresCallLog.open(try PostgresLocation.parse(to), session: LogReader.session(for: to))
        } catch {
            printError("exocall log migrate: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        defer { Task { await target.close() } }
        let local: SQLiteCallLog?
        do {
            local = try SQLiteCallLog.openForReading(path: source)
        } catch {
            printError("exocall log migrate: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        guard let local else {
            printError(LanguageOption.current()(.migrateNothingLocal, ["location": target.location, "source": source]))
            return
        }
        do {
            let identity = try local.identity()
            var copied = 0, seen = 0
            var batch: [(entry: CallLogEntry, origin: String)] = []
            func flush() async throws {
                copied += try await target.importEntries(batch)
                batch.removeAll(keepingCapacity: true)
            }
            var cursor: CallLogCursor? = nil
            while true {
                let page = try local.page(.all, after: cursor, limit: 500)
                for entry in page {
                    var copy = entry
                    copy.senderHost = copy.senderHost ?? Operator.host
                    batch.append((copy, "sqlite:\(identity):\(entry.id ?? 0)"))
                }
                seen += page.count
                try await flush()
                guard page.count == 500, let last = page.last else { break }
                cursor = CallLogCursor(after: last)
            }
            let counts = ["copied": "\(copied)", "seen": "\(seen)", "source": source, "location": target.location, "before": "\(seen - copied)"]
            say(LanguageOption.current()(copied < seen ? .migrateCopiedSome : .migrateCopied, counts))
        } catch {
            printError("exocall log migrate: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}
