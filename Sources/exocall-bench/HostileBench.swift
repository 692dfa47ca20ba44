import CallbackCore
import CallLog
import Foundation
import TUI

/// Issue #27's rows: what an attacker's input costs, measured where an operator
/// would feel it. A 5 MB paste through the decoder into a field; a log row and an
/// open entry whose description has 80,000 characters (a valid request); and
/// `config check` on a file of 10,000 keys (refused past 4,096) and of 4,000 (all checked).
struct HostileBench {
    let exocall: String
    let scratch: String

    /// Milliseconds to decode a 5 MB paste and hand it to the description field.
    func paste(runs: Int) -> Stats {
        let body = Array(String(repeating: "описание ", count: 5_000_000 / 17).unicodeScalars)
        var samples: [Double] = []
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
            })
        }
        return Stats(samples)
    }

    /// Milliseconds per frame with an 80,000-character description: the row in the panel, and the entry open.
    func longDescription(frames: Int) throws -> (panel: Stats, entry: Stats) {
        let description = String(repeating: "описание ", count: 8_800)
        let json = #"{"request_description":"\#(description)","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#
        guard let request = RequestValidator.validate(try JSONParser.parse(json)).request else { return (Stats([]), Stats([])) }
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

    /// Milliseconds for `exocall config check --file` on `keys` unknown keys.
    func configCheck(keys: Int, runs: Int) throws -> Stats {
        let path = scratch + "/keys-\(keys).toml"
        try (0..<keys).map { "unknown_\($0) = \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var samples: [Double] = []
        for _ in 0..<runs {
            samples.append(milliseconds {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: exocall)
                process.arguments = ["config", "check", "--file", path]
                process.environment = ["HOME": scratch, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try? process.run()
                process.waitUntilExit()
            })
        }
        return Stats(samples)
    }
}
