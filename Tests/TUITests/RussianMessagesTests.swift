import CallLog
import CallbackCore
import ExolveClient
import Localization
import XCTest
@testable import TUI

/// What the network, the call log and the repeat guard report is drawn in the
/// operator's language, and follows a live switch (Alt-L).
final class RussianMessagesTests: XCTestCase {
    func screen(_ state: AppState) -> String {
        render(state).canvas.text.replacingOccurrences(of: "│", with: " ")
    }

    func testATimeoutIsExplainedInRussianAndSwitchesWithTheLanguage() {
        var state = freshState(Size(width: 120, height: 40), form: exampleForm())
        state.language = .ru
        state.press(.function(5), .enter)
        let result = SendResult(outcome: .unknown(reason: .phrase(.transportNoAnswerInTime)), httpStatus: nil, rawBody: nil, latencyMs: 3)
        _ = update(&state, .sendFinished(SentCall(result: result, entryID: 1, logWarning: nil)))
        XCTAssertTrue(screen(state).contains("полный ответ не пришёл за отведённое время"), screen(state))
        XCTAssertFalse(screen(state).contains("within the timeout"))
        state.language = .en // what Alt-L does
        XCTAssertTrue(screen(state).contains("no complete answer within the timeout"), screen(state))
    }

    func testAnUnavailableTeamLogIsExplainedInRussian() {
        var state = freshState(Size(width: 120, height: 40))
        state.language = .ru
        let error = CallLogError.unavailable(location: "postgresql://anna@db/calls", detail: "connection refused")
        _ = update(&state, .logUnavailable(error.text))
        XCTAssertTrue(screen(state).contains("недоступен"), screen(state))
        XCTAssertFalse(screen(state).contains("unavailable"))
    }

    func testUndoAndRedoSayWhatTheyDidInRussian() {
        var state = freshState(Size(width: 120, height: 40))
        state.language = .ru
        state.type("ab")
        state.press(.control("z"))
        XCTAssertEqual(state.status?.text(in: .ru), "отменено (Ctrl-R вернёт; назад ещё 0 шагов)")
        state.press(.control("r"))
        XCTAssertEqual(state.status?.text(in: .ru), "возвращено")
    }

    func testTheRepeatGuardListsEarlierAttemptsInRussian() {
        let attempt = RecentAttempt(entryID: 7, createdAt: 0, outcome: .unknown, callID: nil, number: "79599999999", interrupted: false, operatorName: "anna")
        let text = attempt.summary.text(.ru)
        XCTAssertTrue(text.hasSuffix("отправил anna  79599999999  исход неизвестен: звонок мог быть создан  (запись 7)"), text)
        var state = freshState(Size(width: 120, height: 40), form: exampleForm())
        state.language = .ru
        state.press(.function(5))
        state.sending.recentAttempts = [attempt]
        XCTAssertTrue(screen(state).contains("исход неизвестен: звонок мог быть создан"), screen(state))
    }
}
