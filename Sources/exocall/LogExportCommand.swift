import Console
import ArgumentParser
import Localization
import CallbackCore
import CallEvents
import CallLog
import FoundationEssentials
import Glibc

/// `exocall log export`: the log as JSON Lines or CSV.
struct LogExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export entries as JSON Lines or CSV (newest first), with the same filters as `exocall log`."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @OptionGroup var database: DatabaseOption
    @OptionGroup var filters: LogFilterOptions

    @Option(help: "jsonl (one JSON object per line) or csv.")
    var format: Format = .jsonl

    @Option(help: ArgumentHelp("Write to this file instead of standard output (an existing file is not overwritten).", valueName: "FILE"))
    var output: String?

    func run() async throws {
        let filter = try filters.filter()
        guard let store = try await LogReader.open(try database.resolved(command: "log export")) else { return }
        // The file's descriptor; standard output goes through Console.
        let sink: Int32
        if let output {
            // Created here or not at all: an existing file, or a link (even to nowhere), is never written through.
            let descriptor = open(output, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            // errno read at once: what runs before the message (the language choice) may change it.
            let failure = errno
            guard descriptor >= 0 else {
                printError("exocall log export: " + LanguageOption.current()(failure == EEXIST ? .exportExists : .exportCannotCreate, ["path": output]))
                throw ExitCode(1)
            }
            sink = descriptor
        } else {
            sink = 1
        }
        var buffer = ""
        var failed: String? = nil
        func flush(force: Bool) {
            guard failed == nil, force || buffer.utf8.count > 1 << 16 else { return }
            if output == nil {
                Console.print(buffer, terminator: "")
                if !Console.flushOutput() {
                    let code = Console.outputFailure ?? EIO
                    failed = code == EPIPE ? LanguageOption.current()(.exportStdoutClosed) : Console.reason(code)
                }
            } else {
                if !Console.write(buffer, to: sink) { failed = Console.reason(errno) }
            }
            buffer = ""
        }
        if format == .csv { buffer += CSV.row(CSV.header) }
        var count = 0
        do {
            // Page by page, each page's calls' results read from their events in one query.
            var cursor: CallLogCursor? = nil
            while true {
                let page = try await store.page(filter, after: cursor, limit: 500)
                if page.isEmpty { break }
                cursor = page.last.map(CallLogCursor.init(after:))
                let results = try await store.results(of: page)
                for entry in page {
                    let result = entry.callID.flatMap { results[$0] }
                    switch format {
                    case .jsonl: buffer += CanonicalJSON.string(LogListCommand.json(entry, result: result, includeRaw: true), style: .compact) + "\n"
                    case .csv: buffer += CSV.row(CSV.fields(entry, result: result))
                    }
                    count += 1
                    flush(force: false)
                }
                if page.count < 500 { break }
            }
        } catch {
            removePartial(sink)
            printError("exocall log export: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        flush(force: true)
        if failed == nil, output != nil {
            // The data reaches the disk before "done" is said (a full disk can fail only here).
            if fsync(sink) != 0 { failed = Console.reason(errno) }
        }
        if let failed {
            removePartial(sink)
            printError("exocall log export: " + LanguageOption.current()(.exportIncomplete, ["reason": failed]))
            throw ExitCode(1)
        }
        if output != nil {
            close(sink)
            printError(LanguageOption.current()(.exportDone, ["count": "\(count)", "path": output!]))
        }
    }
}

extension LogExportCommand {
    /// A failed export leaves no file behind: a partial one would pass for the whole
    /// log, and the retry would refuse to overwrite it.
    func removePartial(_ sink: Int32) {
        guard let output else { return }
        close(sink)
        unlink(output)
    }
}

/// RFC 4180 CSV. Cells are safe to open: control characters are shown escaped,
/// and a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR
/// first) gets a leading `'`.
enum CSV {
    static let header = ["id", "created_at", "finished_at", "mode", "operator", "endpoint", "outcome", "http_status", "call_id",
                         "latency_ms", "request_description", "line_1_numbers", "line_2_numbers", "tts_text", "message", "request",
                         "result", "talk_seconds", "disposition", "note", "note_by", "note_at"]

    /// An entry's cells; `result` and `talk_seconds` from its call's events (empty for a send that never became a call).
    static func fields(_ entry: CallLogEntry, result: CallResult? = nil) -> [String] {
        let placed = entry.effectiveOutcome() == .placed
        return [String(entry.id ?? 0), Timestamp.iso(entry.createdAt), entry.finishedAt.map(Timestamp.iso) ?? "", entry.mode.rawValue,
                entry.operatorName ?? "", entry.endpointHost, entry.effectiveOutcome().rawValue, entry.httpStatus.map(String.init) ?? "", entry.callID ?? "",
                entry.latencyMs.map(String.init) ?? "", entry.requestDescription ?? "", entry.line1Numbers, entry.line2Numbers,
                entry.ttsText ?? "", entry.effectiveMessage() ?? "", entry.requestJSON,
                placed ? (result ?? CallResult()).state.rawValue : "", result?.talkSeconds.map(String.init) ?? "",
                entry.disposition ?? "", entry.note ?? "", entry.noteBy ?? "", entry.noteAt.map(Timestamp.iso) ?? ""]
    }

    /// A cell a spreadsheet will not run and a terminal will not obey.
    static func neutral(_ field: String) -> String {
        let shown = TerminalText.escaped(field)
        guard let first = field.first, "=+-@\t\r".contains(first) else { return shown }
        return "'" + shown
    }

    static func row(_ fields: [String]) -> String {
        fields.map(neutral).map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacing("\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
