import CallbackCore
import CallLogModel
import ExolveModel
import Foundation
import TUI
import XCTest

/// A state at `size` in demo mode with an empty form.
func freshState(_ size: Size = Size(width: 120, height: 40), form: FormState = FormState()) -> AppState {
    AppState(size: size, target: .demo(host: "127.0.0.1:4000"), form: form)
}

extension AppState {
    /// Applies keys one by one, returning all effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    /// Types text character by character.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(&self, .key(.character($0))) }
    }

    /// Moves focus with Tab until `field` has it.
    mutating func focusOn(_ field: FieldID, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<200 where fields.focus != field { press(.tab) }
        XCTAssertEqual(fields.focus, field, file: file, line: line)
    }
}

/// The spec's example as a form.
func exampleForm() -> FormState {
    FormState.loading(try! JSONParser.parse("""
    {"request_description":"internal_id_148","number_code":74999999999,"callback_resource_id":1221,
     "line_1":{"destinations":[{"number":"78129999999"},{"number":"74959999999"}],"ring_logic":1,
      "audio":{"tts":{"text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"lang":1,"volume":-19,"speed":1.1,"emotion":2}}},
     "line_2":{"destinations":[{"number":"79599999999"},{"number":"79999999999"}],"ring_logic":1,"audio":{"media_resource_id":685}}}
    """)).form
}

/// The keys `text` decodes to, as one burst followed by the input running dry.
func decode(_ text: String) -> [Key] {
    var decoder = InputDecoder()
    var keys: [Key] = []
    for scalar in text.unicodeScalars { keys += decoder.feed(scalar) }
    return keys + decoder.flush()
}

/// `count` placed entries, newest first, ids from `start` up.
func logEntries(_ count: Int, from start: Int64 = 1) -> [CallLogEntry] {
    (0..<count).map { index in
        let request = RequestValidator.validate(exampleForm().jsonValue).request!
        var entry = CallLogEntry(request: request, mode: .demo, endpointHost: "h", now: Date(timeIntervalSince1970: 1_000_000))
        entry.id = start + Int64(count - 1 - index)
        entry.outcome = .placed
        entry.callID = "18900331179151\(entry.id!)"
        return entry
    }
}

/// A screen with `loaded` of `total` entries in the log panel, which has the keyboard.
func loggedState(loaded: Int, total: Int) -> AppState {
    var state = freshState()
    _ = update(&state, .logPageLoaded(entries: logEntries(loaded, from: Int64(total - loaded + 1)), total: MatchCount(value: total, isAtLeast: false), append: false))
    state.press(.function(8), .function(8))
    return state
}
