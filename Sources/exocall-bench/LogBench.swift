import CallbackCore
import CallLog
import CallLogModel
import Foundation
import TmuxKit
import TUI

/// A realistic call log at scale, its queries, a frame rendered over it, and
/// the TUI's peak memory with it open.
struct LogBench {
    let path: String
    let entries: Int

    /// A unique number to search for, inserted once.
    static let needle = "79995550001"
    /// Text that a third of the entries carry.
    static let common = "Здравствуйте"

    /// Writes `entries` entries in batches (a bulk path, not one send each); returns ms.
    func generate() throws -> Double {
        try? FileManager.default.removeItem(atPath: path)
        let store = try SQLiteCallLog.open(path: path)
        let phrases = ["Здравствуйте, ваш заказ готов", "Ваш курьер будет через 15 минут", "Подтвердите запись на завтра",
                       "Hello, this is a reminder", "Оператор свяжется с вами"]
        let outcomes: [EntryOutcome] = [.placed, .placed, .placed, .placed, .placed, .placed, .placed, .rejected, .unknown, .notSent]
        let start = Date().addingTimeInterval(-90 * 86_400)
        var generator = SystemRandomNumberGenerator()
        let needleAt = entries / 3
        return try milliseconds {
            var batch: [CallLogEntry] = []
            batch.reserveCapacity(10_000)
            for index in 0..<entries {
                let first = index == needleAt ? LogBench.needle : "79" + String(format: "%09d", Int.random(in: 0..<1_000_000_000, using: &generator))
                let second = "7" + String(format: "%010d", Int.random(in: 0..<10_000_000_000, using: &generator))
                let text = phrases[index % phrases.count]
                let request = MakeCallbackRequest(requestDescription: "order-\(index)", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                                  line1: Line(destinations: [Destination(number: first)], audio: .tts(TTS(text: text, voice: 1 + index % 5))),
                                                  line2: Line(destinations: [Destination(number: second)], audio: .media(685)))
                var entry = CallLogEntry(request: request, mode: index % 10 == 0 ? .demo : .live, endpointHost: "api.exolve.ru",
                                         now: start.addingTimeInterval(Double(index) * 90 * 86_400 / Double(entries)))
                entry.outcome = outcomes[index % outcomes.count]
                entry.finishedAt = entry.createdAt + 180
                entry.latencyMs = 180
                entry.httpStatus = entry.outcome == .placed ? 200 : (entry.outcome == .rejected ? 400 : nil)
                entry.callID = entry.outcome == .placed ? String(1_800_000_000_000_000_000 + UInt64(index)) : nil
                entry.message = entry.outcome == .placed ? "placed: call_id \(entry.callID!)" : "outcome \(entry.outcome.rawValue)"
                entry.rawResponse = entry.callID.map { #"{"call_id":"\#($0)"}"# }
                batch.append(entry)
                if batch.count == 10_000 {
                    try store.bulkInsert(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try store.bulkInsert(batch) }
        }
    }

    /// p50 and max of what the panel does for each filter on the SQLite log.
    func queries(runs: Int) async throws -> [(String, Stats)] {
        try await LogBench.queries(try SQLiteCallLog.open(path: path), runs: runs)
    }

    /// p50 and max of what the panel does for each filter, on any backend: open it
    /// (the first page of 100 and the match count, read together) and scroll on (the next page).
    static func queries(_ store: any CallLogStore, runs: Int) async throws -> [(String, Stats)] {
        let filters: [(String, CallLogFilter)] = [
            ("newest page", CallLogFilter()),
            ("search a number that occurs once", CallLogFilter(search: LogBench.needle)),
            ("search a text that occurs often", CallLogFilter(search: LogBench.common)),
            ("filter by outcome (unknown)", CallLogFilter(outcome: .unknown)),
            ("last digits of a number", CallLogFilter(search: String(LogBench.needle.suffix(5)))),
        ]
        var results: [(String, Stats)] = []
        for (name, filter) in filters {
            _ = try await store.page(filter, limit: 100) // warm the cache as an open panel has it
            var opening: [Double] = []
            var scrolling: [Double] = []
            for _ in 0..<runs {
                var page: [CallLogEntry] = []
                // What the panel opens with: the first page and how many match.
                opening.append(try await milliseconds {
                    page = try await store.firstPage(filter, limit: 100).entries
                })
                if let last = page.last {
                    scrolling.append(try await milliseconds { _ = try await store.page(filter, after: CallLogCursor(after: last), limit: 100) })
                }
            }
            results.append((name + ": page + count", Stats(opening)))
            if !scrolling.isEmpty { results.append((name + ": next page", Stats(scrolling))) }
        }
        // A client's history (issue #31): every call to the newest entry's leg-2 number.
        if let client = try await store.page(CallLogFilter(), limit: 1).first?.line2Numbers.split(separator: " ").first.map(String.init) {
            _ = try await store.clientHistory(client)
            var times: [Double] = []
            for _ in 0..<runs { times.append(try await milliseconds { _ = try await store.clientHistory(client) }) }
            results.append(("a client's history (every call to one number)", Stats(times)))
        }
        return results
    }

    /// One full frame at 200x60 with the log panel showing this database, built and drawn in-process.
    func render(frames: Int) throws -> (render: Stats, keyAndRender: Stats) {
        let store = try SQLiteCallLog.open(path: path)
        var state = AppState(size: Size(width: 200, height: 60), target: .live(host: "api.exolve.ru"))
        _ = update(&state, .logPageLoaded(entries: try store.page(.all, limit: 100), total: try store.count(.all), append: false))
        _ = update(&state, .fileLoaded(path: "x", result: .text(#"{"request_description":"bench","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}],"audio":{"tts":{"text":"Здравствуйте","voice":15}}},"line_2":{"destinations":[{"number":"79599999999"}]}}"#)))
        var renderOnly: [Double] = []
        var both: [Double] = []
        for index in 0..<frames {
            both.append(milliseconds {
                _ = update(&state, .key(index % 2 == 0 ? .character("ж") : .backspace))
                _ = TUI.render(state)
            })
            renderOnly.append(milliseconds { _ = TUI.render(state) })
        }
        return (Stats(renderOnly), Stats(both))
    }

    /// Peak RSS (VmHWM, kB) of the TUI opened on this database and scrolled through the log.
    func peakRSS(exocall: String, scratch: String) -> Int? {
        let home = scratch + "/home-rss"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        guard let tmux = try? Tmux(home: home, command: Tmux.command("\(exocall) --db \(path)")) else { return nil }
        defer { tmux.close() }
        let count = MatchCount(value: entries, isAtLeast: false).text
        guard tmux.poll(timeout: 30, { $0.contains("Call log (\(count))") }) else { return nil }
        tmux.keys("F8", "F8")
        for _ in 0..<30 { tmux.keys("PageDown") }
        usleep(500_000) // let the pages those keys asked for arrive
        let pid = tmux.panePID()
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}
