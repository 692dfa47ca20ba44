import CallLog
import CallbackCore
import ExolveClient
import Foundation
import Localization
import XCTest
@testable import TUI

/// Every screen and dialog drawn in Russian, scanned for English words: what is
/// left must be a key name, a JSON field, a vendor or voice name, or data the
/// operator typed. A new English string on any of these screens fails here.
final class RussianScreensScanTests: XCTestCase {
    /// Latin words that are not English prose: key names, the API's field names,
    /// names of the vendor, the product and its voices, protocol words, data.
    static let allowed: Set<String> = [
        // Keys.
        "Enter", "Ctrl", "Space", "Backspace", "Home", "PgUp", "PgDn", "Tab", "Shift", "Delete", "Insert",
        // Commands, and the language's own name for itself in the language switch.
        "send", "English",
        // Names and protocols.
        // ("Exolv": the form's «Номер Exolve» label where a dialog's box covers its last letter.)
        "exocall", "Exolve", "Exolv", "HTTP", "JSON", "call_id", "OSC", "curl", "SIP", "sip", "host", "user", "stub", "SECONDS", "sqlite3", "demo",
        "Alyona", "Ermil", "Jane", "Omazh", "Zakhar", "Dasha", "Yulia", "Lera", "Marina", "Alexander", "Kirill", "Anton", "Masha",
        // The request's fields and values as the API names them.
        "request_description", "number_code", "callback_resource_id", "duration", "line_1", "line_2", "destinations", "number",
        "timeout", "ring_logic", "display_number", "audio", "media_resource_id", "text", "voice", "lang", "volume", "speed", "emotion",
        "true", "false", "null", "internal_id_148", "Gateway", "Timeout", "Internal", "Server", "Error",
        // Theme names and data typed in the tests.
        "default", "light", "high", "contrast", "solarized", "dark", "shop", "anna", "json", "request", "calls", "example", "root", "postgresql", "ENOSPC",
    ]

    func englishWords(in screen: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in screen + " " {
            if character.isASCII && (character.isLetter || character == "_" || character.isNumber) {
                word.append(character)
            } else {
                // An id cut at the edge of a column (internal_id_148 → nal_id_148) is data.
                let isID = word.contains("_id")
                if word.count >= 4, word.contains(where: \.isLetter), !isID,
                   !Self.allowed.contains(word), !Self.allowed.contains(word.lowercased()) {
                    words.append(word)
                }
                word = ""
            }
        }
        return words
    }

    func ru(_ size: Size, form: FormState = exampleForm()) -> AppState {
        var state = freshState(size, form: form)
        state.language = .ru
        return state
    }

    func entry(_ outcome: EntryOutcome, message: String) -> CallLogEntry {
        let request = RequestValidator.validate(exampleForm().jsonValue).request!
        var entry = CallLogEntry(request: request, mode: .demo, endpointHost: "127.0.0.1:8080", now: Date(timeIntervalSince1970: 1_764_000_000))
        entry.id = 1
        entry.outcome = outcome
        entry.message = message
        return entry
    }

    /// The states to scan, by name.
    func screens(_ size: Size) -> [(String, AppState)] {
        var result: [(String, AppState)] = []
        func add(_ name: String, _ change: (inout AppState) -> Void) {
            var state = ru(size)
            change(&state)
            result.append(("\(name) at \(size.width)x\(size.height)", state))
        }
        add("the example") { _ in }
        add("the empty form") { $0 = self.ru(size, form: FormState()) }
        add("the help") { $0.press(.function(1)) }
        add("the problems list") { $0 = self.ru(size, form: FormState()); $0.press(.function(4)) }
        add("the palette") { $0.press(.control("p")) }
        add("the confirmation") { $0.press(.function(5)) }
        add("a send in flight") { $0.press(.function(5), .enter) }
        add("the voice explorer") { $0.press(.function(9)) }
        add("the theme picker") { $0.dialog = .theme(.picker(selected: 0, original: "default")) }
        add("the template name") { $0.dialog = .templates(.name(LineEditor(""))) }
        add("the template picker") { $0.dialog = .templates(.picker(selected: 0)) }
        add("the profile picker") { $0.dialog = .profiles(.picker(selected: 0)) }
        add("quit while sending") { $0.dialog = .quit(.whileSending) }
        add("the file prompt") { $0.dialog = .files(.prompt(.open, LineEditor("request.json"))) }
        add("the log search") { $0.dialog = .log(.search(LineEditor(""))) }
        let outcomes: [SendOutcome] = [
            .placed(callID: "1592485880698592018", requestID: "r-1"),
            .notSent(reason: .phrase(.transportRefused)),
            .unknown(reason: .phrase(.transportNoAnswerInTime)),
            .unknown(reason: .phrase(.answerServerErrorEmpty, ["status": "504 Gateway Timeout"])),
        ]
        for outcome in outcomes {
            add("the outcome \(outcome.name)") {
                $0.press(.function(5), .enter)
                _ = update(&$0, .sendFinished(SentCall(result: SendResult(outcome: outcome, httpStatus: nil, rawBody: nil, latencyMs: 3),
                                                        entryID: 1, logWarning: .phrase(.logWarningNotRecorded, ["id": "1", "reason": "ENOSPC 28"]))))
            }
        }
        for (outcome, message) in [(EntryOutcome.placed, SendOutcome.placed(callID: "1592485880698592018", requestID: nil).message),
                                   (.unknown, SendOutcome.unknown(reason: .phrase(.transportClosedMidAnswer)).message),
                                   (.unknown, CallLogEntry.interruptedMessage)] {
            add("the log entry \(outcome.rawValue)") {
                let logged = self.entry(outcome, message: message)
                _ = update(&$0, .logPageLoaded(entries: [logged], total: MatchCount(value: 1, isAtLeast: false), append: false))
                $0.dialog = .log(.entry(logged, scroll: 0))
            }
        }
        add("the log panel") {
            _ = update(&$0, .logPageLoaded(entries: [self.entry(.placed, message: "")], total: MatchCount(value: 1, isAtLeast: false), append: false))
            $0.press(.function(8), .function(8))
        }
        add("an unavailable log") {
            _ = update(&$0, .logUnavailable(CallLogError.unavailable(location: "postgresql://anna@db/calls", detail: .phrase(.pgNoAnswerInTime, ["seconds": "5"])).text))
        }
        add("the repeat guard") {
            $0.press(.function(5))
            $0.sending.recentAttempts = [RecentAttempt(entryID: 1, createdAt: 0, outcome: .sending, callID: nil, number: "79599999999", interrupted: true, operatorName: "anna")]
        }
        return result
    }

    func testNoEnglishWordIsLeftOnAnyRussianScreen() {
        var found: [String] = []
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 20)] {
            for (name, state) in screens(size) {
                let words = englishWords(in: render(state).canvas.text)
                if !words.isEmpty { found.append("\(name): \(Set(words).sorted().joined(separator: ", "))") }
            }
        }
        XCTAssertEqual(found, [], "English left on Russian screens:\n" + found.joined(separator: "\n"))
    }

    func testTheScanFindsEnglish() {
        XCTAssertEqual(englishWords(in: "отправка · sending to host … Ctrl-R call_id"), ["sending"])
    }
}
