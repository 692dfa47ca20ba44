import ArgumentParser
import CallLog
import CallLogModel
import ExolveClient
import ExolveModel
import FoundationEssentials
import Glibc
import Localization
import ProcessEnvironment

/// `exocall log sync`: talk times from Exolve's call history onto the log's placed calls.
struct LogSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Read Exolve's call history (experimental) and record each call's talk time on its entry.",
        discussion: """
        For operators without an event receiver: asks statistics/call-history/v1/GetList for
        the window (pages of 100), and records the talk time of each call exocall placed on
        the entry with that call_id, so `exocall log` and the TUI say "connected 0:45 (call
        history)". Exolve's events, where there are any, win. The source is documented only
        in part: any answer that is not a call history is refused with one line, and nothing
        is written. It is never asked again by itself.
        """
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var exolve: ExolveListOptions

    @Option(help: ArgumentHelp("The window's start: 2026-11-24, 2026-11-24T09:30 (local time) or with a zone (default: 7 days ago).", valueName: "DATE"))
    var since: String?

    func validate() throws {
        if let since { _ = try DateArgument.parse(since, option: "--since", endOfDay: false) }
    }

    func run() async throws {
        let say = LanguageOption.current()
        let now = Date()
        let from = try since.map { Date(timeIntervalSince1970: Double(try DateArgument.parse($0, option: "--since", endOfDay: false)) / 1000) }
            ?? now.addingTimeInterval(-7 * 86_400)
        let client = try exolve.client(command: "log sync")
        let location = try database.resolved(command: "log sync")
        // The whole history first: a failure on any page writes nothing.
        let items: [CallHistoryItem]
        // A minute past now: clocks differ, and a call placed this second is in.
        switch await client.listCallHistory(from: from, until: now.addingTimeInterval(60)) {
        case .failure(let failure):
            printError("exocall log sync: " + say(.syncFailed, ["reason": failure.text.text(say)]))
            throw ExitCode(1)
        case .success(let read): items = read
        }
        let store: any CallLogStore
        do { store = try await CallLogOpener.open(location, session: LogReader.session(for: location)) } catch {
            printError("exocall log sync: " + say.describe(error))
            throw ExitCode(1)
        }
        var seconds: [String: Int] = [:]
        for item in items { seconds[item.callID] = item.talkSeconds }
        do {
            let updated = try await store.recordTalkTimes(seconds, at: Int64((now.timeIntervalSince1970 * 1000).rounded()))
            await store.close()
            printError(say(.syncDone, ["calls": "\(items.count)", "updated": "\(updated)", "since": Timestamp.local(Int64(from.timeIntervalSince1970 * 1000))]))
        } catch {
            await store.close()
            printError("exocall log sync: " + say.describe(error))
            throw ExitCode(1)
        }
    }
}
