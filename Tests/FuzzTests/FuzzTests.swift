import CallbackCore
import CallEvents
import ExolveClient
import Foundation
import Theming
import CallLog
import GRDB
import TUI
import XCTest

/// Random and mutated input for a bounded time into every parser that reads
/// untrusted text: a crash fails the run (the process dies), a hang fails it
/// through the watchdog. The seed is printed so a failure can be replayed
/// (EXOCALL_FUZZ_SEED); EXOCALL_FUZZ_SECONDS sets the time per target, and
/// EXOCALL_FUZZ_LAST=PATH keeps the input being tried in a file (for a crash).
final class FuzzTests: XCTestCase {
    var seconds: Double { Double(ProcessInfo.processInfo.environment["EXOCALL_FUZZ_SECONDS"] ?? "") ?? 1.5 }

    /// A small deterministic generator (SplitMix64), so a seed replays a run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Seeds from a valid document: random bytes, and the document with bytes flipped, cut or repeated.
    func inputs(from seedText: String, body: @escaping @Sendable ([UInt8]) -> Void, file: StaticString = #filePath, line: UInt = #line) {
        let seed = UInt64(ProcessInfo.processInfo.environment["EXOCALL_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        print("fuzz seed \(seed) (\(name))")
        let base = Array(seedText.utf8)
        let limit = seconds
        let finished = DispatchSemaphore(value: 0)
        let progress = Counter()
        Thread.detachNewThread {
            var generator = Generator(state: seed)
            let start = Date()
            let alphabet = Array(#"{}[]":,0123456789.-+eE truefalsnl\u0000"#.utf8) + [0x1B, 0x07, 0xC3, 0xA9, 0xFF, 0x0A, 0x0D]
            while Date().timeIntervalSince(start) < limit {
                var bytes: [UInt8]
                switch generator.next() % 4 {
                case 0: bytes = (0..<Int(generator.next() % 256)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                case 1: bytes = (0..<Int(generator.next() % 256)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                default:
                    bytes = base
                    for _ in 0..<Int(1 + generator.next() % 8) where !bytes.isEmpty {
                        let at = Int(generator.next() % UInt64(bytes.count))
                        switch generator.next() % 4 {
                        case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                        case 1: bytes.remove(at: at)
                        case 2: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
                        default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
                        }
                    }
                }
                progress.add()
                if let last = ProcessInfo.processInfo.environment["EXOCALL_FUZZ_LAST"] {
                    FileManager.default.createFile(atPath: last, contents: Data(bytes)) // what a crash was reading
                }
                body(bytes)
            }
            finished.signal()
        }
        if finished.wait(timeout: .now() + limit + 20) == .timedOut {
            XCTFail("a \(name) input hung (seed \(seed), after \(progress.value) inputs)", file: file, line: line)
        }
        XCTAssertGreaterThan(progress.value, 100, "the fuzzer barely ran", file: file, line: line)
    }

    /// How many inputs ran, read from the test's thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    let request = #"{"request_description":"x","number_code":74999999999,"callback_resource_id":1221,"duration":1800,"line_1":{"destinations":[{"number":"+7 999 123-45-67","timeout":30}],"ring_logic":1,"display_number":"7499","audio":{"tts":{"text":"Привет","voice":11,"lang":1,"volume":-19,"speed":1.1,"emotion":6}}},"line_2":{"destinations":[{"number":"sip:a@b"}],"audio":{"media_resource_id":685}}}"#

    func testTheJSONParserAndTheValidator() {
        inputs(from: request) { bytes in
            let result = RequestValidator.validate(bytes: bytes)
            if let request = result.request {
                // What validates must round-trip through its own canonical JSON.
                precondition(RequestValidator.validate(text: request.canonicalJSON()).request == request, "round trip broke")
            }
        }
    }

    /// Exolve's call events reach the receiver from the internet: the parser and the result
    /// derivation take anything without crashing, and an accepted event's identity holds.
    func testTheCallEventParser() {
        let vendor = #"{"service":"callback","date_time":"2024-01-07T10:54:57.009979Z","call_sid":"cala188947f","number":"79991112233","type":"d","uid":7149714791827935000,"started":"2024-01-07T10:54:11.385017Z","ended":"2024-01-07T10:54:56.965018Z","hangup_cause":"NORMAL_CLEARING","cause":"16","setup_time":10385,"wait_time":10385,"duration":45580,"full_duration":55965,"event_side":"A","record_call":true,}"#
        inputs(from: vendor) { bytes in
            if case .success(let event) = CallEventParser.parse(bytes) {
                precondition(event.identity.hasPrefix(String(event.uid) + "|"), "identity")
                _ = CallResult.derive([event, event]).label(now: 0, in: .en)
            }
        }
    }

    func testLoadingIntoTheFormShowsWhatValidateShows() {
        inputs(from: request) { bytes in
            guard let json = try? JSONParser.parse(bytes) else { return }
            // The same problems (a kept unknown key goes back after the known ones, so order may differ).
            let key: (ValidationProblem) -> String = { "\($0.severity) \($0.path) \($0.message)" }
            let expected = RequestValidator.validate(json).problems.map(key).sorted()
            let shown = RequestValidator.validate(FormState.loading(json).form.jsonValue).problems.map(key).sorted()
            precondition(shown == expected, "the form changed what validate shows for \(String(decoding: bytes, as: UTF8.self)): \(expected) vs \(shown)")
        }
    }

    func testTheInputDecoder() {
        // Pastes with embedded end markers and keys after them, DCS/OSC/APC strings, C1 forms.
        inputs(from: "\u{1B}[200~ab\u{1B}[201~\u{1B}[15~y\u{1B}[1;5A\u{1B}OP\u{1B}P1$rq\u{1B}\\\u{1B}]52;c;x\u{07}\u{90}d\u{9C}\u{1B}[15~") { bytes in
            var decoder = InputDecoder()
            var keys: [Key] = []
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { keys += decoder.feed(scalar) }
            for _ in 0..<12 { keys += decoder.flush() }
            // After the input runs dry for long enough, the decoder is back on the ground: a key is a key.
            if !decoder.isWaiting { precondition(decoder.feed("q") == [.character("q")], "stuck after \(keys)") }
            for key in keys {
                if case .paste(let text) = key {
                    precondition(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) },
                                 "a control character survived a paste")
                }
            }
        }
    }

    /// Random code points (joiners, marks, flags, jamo, Cyrillic) typed, pasted and
    /// deleted: the cursor always stays within the text, and the column is computable.
    func testTheLineEditor() {
        let pool: [Unicode.Scalar] = ["a", "ж", " ", "\u{FE0F}", "\u{0301}", "\u{200D}", "\u{1F1F7}", "\u{1F1FA}", "\u{1100}", "\u{1161}",
                                      "\u{11A8}", "❤", "👩", "\u{1F3FD}", "中", "\u{E0067}", "\u{202E}"]
        inputs(from: "❤\u{FE0F}🇷🇺e\u{0301}") { bytes in
            var editor = LineEditor("")
            for byte in bytes {
                let scalar = pool[Int(byte) % pool.count]
                switch byte >> 5 {
                case 0: editor.backspace()
                case 1: editor.move(Int(byte & 3) - 2)
                case 2: editor.deleteForward()
                case 3: editor.deleteWordBackward()
                default: editor.insert(String(scalar))
                }
                precondition((0...editor.text.count).contains(editor.cursor), "cursor \(editor.cursor) outside \(editor.text.count)")
                _ = editor.cursorColumn
            }
        }
    }

    /// Any text at any width: every line fits, and nothing but the spaces at a break is lost.
    func testTheTextWrapper() {
        inputs(from: "a long  word wrapped\nand описание ❤️🇷🇺 中文 x") { bytes in
            guard let width = bytes.first.map({ Int($0 % 40) + 1 }) else { return }
            let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
            let lines = TextWrap.lines(text, width: width)
            for line in lines where line.count > 1 {
                precondition(DisplayWidth.of(line) <= max(width, 2), "a line of \(DisplayWidth.of(line)) columns at width \(width)")
            }
            // Compared by code points: lines joined again can form other characters (a paragraph
            // that starts with a combining mark joins the line before it).
            let kept = Array(lines.joined().unicodeScalars.filter { $0 != " " && $0 != "\n" })
            precondition(kept == Array(text.unicodeScalars.filter { $0 != " " && $0 != "\n" }), "wrapping lost or added text")
        }
    }

    /// Rows from a SQLite log whatever each column holds: read, never trapped on.
    func testTheLogsRowDecoding() throws {
        let folder = NSTemporaryDirectory() + "exocall-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/calls.sqlite"
        let store = try SQLiteCallLog.open(path: path)
        let queue = try DatabaseQueue(path: path)
        let columns = ["created_at", "finished_at", "http_status", "latency_ms", "owner_pid", "deadline_at", "call_id", "request_description", "message"]
        inputs(from: "-9223372036854775808 9223372036854775807 1e300 x'00ff' 'text' NULL 0") { bytes in
            let values = bytes.chunks(of: 9).map { chunk -> DatabaseValue in
                switch chunk.first.map({ $0 % 6 }) ?? 0 {
                case 0: return Int64(bitPattern: UInt64(chunk.reduce(0) { ($0 << 8) | UInt64($1) })).databaseValue
                case 1: return Double(chunk.count).databaseValue
                case 2: return String(decoding: chunk, as: UTF8.self).databaseValue
                case 3: return Data(chunk).databaseValue
                case 4: return Int64.min.databaseValue
                default: return .null
                }
            }
            try? queue.write { db in
                try db.execute(sql: "DELETE FROM call")
                var arguments: [DatabaseValue] = ["live".databaseValue, "h".databaseValue, "{}".databaseValue, "7".databaseValue, "7".databaseValue, "placed".databaseValue, "v".databaseValue]
                for index in columns.indices { arguments.append(index < values.count ? values[index] : .null) }
                try db.execute(sql: """
                    INSERT INTO call (mode, endpoint_host, request_json, line_1_numbers, line_2_numbers, outcome, exocall_version, \(columns.joined(separator: ", ")))
                    VALUES (?, ?, ?, ?, ?, ?, ?, \(columns.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: StatementArguments(arguments))
            }
            // Read back through the store, as the panel and the commands read it.
            guard let entries = try? store.page(CallLogFilter(), limit: 10) else { return }
            for entry in entries {
                _ = entry.jsonValue(includeRaw: true)
                _ = entry.effectiveOutcome()
                _ = Timestamp.local(entry.createdAt)
            }
        }
    }

    func testTheThemeLoader() {
        let theme = "name = \"x\"\ninherits = \"default\"\n[roles.text]\nfg = \"#ffffff\"\nbg = 12\nattrs = [\"bold\"]\n"
        inputs(from: theme) { bytes in
            _ = ThemeFile.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz", source: "fuzz.toml")
        }
    }

    func testTheConfigReader() {
        let config = "default_profile = \"a\"\nrepeat_window = \"10m\"\n[profiles.a]\napi_key_env = \"K\"\nnumber_code = 1\n[profiles.a.line_1]\naudio = { tts = { text = \"x\" } }\n"
        inputs(from: config) { bytes in
            _ = ProfileReader.read(String(decoding: bytes, as: UTF8.self), configPath: "/nonexistent/config.toml", environment: [:])
        }
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
