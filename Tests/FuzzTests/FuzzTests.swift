import CallbackCore
import ExolveClient
import Foundation
import Theming
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
        inputs(from: "\u{1B}[200~ab\u{1B}[201~\u{1B}[1;5A\u{1B}OP\u{1B}[15~") { bytes in
            var decoder = InputDecoder()
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { _ = decoder.feed(scalar) }
            _ = decoder.flush()
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
