import CallbackCore
import CallLog
import Foundation
import TmuxKit
import TUI

/// Issue #27's rows: what an attacker's input costs, measured where an operator
/// would feel it. A 5 MB paste through the decoder into a field; a log row and an
/// open entry whose description has 80,000 characters (a valid request); and
/// `config check` on a file of 10,000 keys (refused past 4,096) and of 4,000 (all checked).
struct HostileBench {
    let exocall: String
    let scratch: String

    /// Milliseconds to decode a 5 MB paste and hand it to the description field, which refuses it
    /// (checked: a paste the field took would be timing something else).
    func paste(runs: Int) throws -> Stats {
        let body = Array(String(repeating: "описание ", count: 5_000_000 / 17).unicodeScalars)
        var samples: [Double] = []
        var kept = 0
        for _ in 0..<runs {
            samples.append(milliseconds {
                var decoder = InputDecoder()
                var keys: [Key] = []
                for scalar in "\u{1B}[200~".unicodeScalars { keys += decoder.feed(scalar) }
                for scalar in body { keys += decoder.feed(scalar) }
                for scalar in "\u{1B}[201~".unicodeScalars { keys += decoder.feed(scalar) }
                keys += decoder.flush()
                var state = AppState(size: Size(width: 120, height: 40), target: .demo(host: "127.0.0.1:1"))
                for key in keys { _ = update(&state, .key(key)) }
                _ = render(state)
                kept = max(kept, state.form.requestDescription.utf8.count)
            })
        }
        guard kept < 1_000_000 else { throw BenchError("the description field took the 5 MB paste (\(kept) bytes) instead of refusing it") }
        return Stats(samples)
    }

    /// Milliseconds per frame with an 80,000-character description: the row in the panel, and the entry open.
    func longDescription(frames: Int) throws -> (panel: Stats, entry: Stats) {
        let description = String(repeating: "описание ", count: 8_800)
        let json = #"{"request_description":"\#(description)","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#
        guard let request = RequestValidator.validate(try JSONParser.parse(json)).request else {
            throw BenchError("the request with an 80,000-character description did not validate: nothing to time")
        }
        var entry = CallLogEntry(request: request, mode: .demo, endpointHost: "127.0.0.1:1")
        entry.id = 1
        entry.outcome = .placed
        entry.callID = "1592485880698592018"
        var state = AppState(size: Size(width: 200, height: 60), target: .demo(host: "127.0.0.1:1"))
        _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        var panel: [Double] = []
        for index in 0..<frames {
            panel.append(milliseconds {
                _ = update(&state, .key(index % 2 == 0 ? .character("ж") : .backspace))
                _ = render(state)
            })
        }
        state.dialog = .log(.entry(entry, scroll: 0))
        var open: [Double] = []
        for index in 0..<frames {
            open.append(milliseconds {
                _ = update(&state, .key(index % 2 == 0 ? .pageDown : .pageUp))
                _ = render(state)
            })
        }
        return (Stats(panel), Stats(open))
    }

    /// Milliseconds for `exocall config check --file` on `keys` unknown keys. Checked as well as
    /// timed: it exits 2, and its report names every key (up to 4,096) or refuses the file past 4,096.
    func configCheck(keys: Int, runs: Int) throws -> Stats {
        let path = scratch + "/keys-\(keys).toml"
        try (0..<keys).map { "unknown_\($0) = \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let report = scratch + "/keys-\(keys).report"
        var samples: [Double] = []
        for _ in 0..<runs {
            FileManager.default.createFile(atPath: report, contents: nil)
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: report))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: exocall)
            process.arguments = ["config", "check", "--file", path]
            process.environment = ["HOME": scratch, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let end = ProcessEnd(process)
            samples.append(try milliseconds {
                try process.run()
                end.wait()
            })
            try output.close()
            let said = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
            let named = said.split(separator: "\n").filter { $0.contains("unknown setting") }.count
            let answered = keys > 4_096 ? said.contains("more than 4096 keys") : named == keys
            guard process.terminationStatus == 2, answered else {
                throw BenchError("config check on \(keys) keys: exit \(process.terminationStatus), \(named) keys named: \(said.prefix(200))")
            }
        }
        return Stats(samples)
    }
}
