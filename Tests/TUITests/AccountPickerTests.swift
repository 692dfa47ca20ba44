import CallbackCore
import ExolveClient
@testable import TUI
import XCTest

/// The account's numbers and callback resources in the form.
final class AccountPickerTests: XCTestCase {
    let numbers = [
        AccountNumber(number: "74953000000", description: "отдел продаж", type: "ABC", region: "Москва", outgoingCalls: true),
        AccountNumber(number: "79991200013", description: "поддержка", type: "DEF", region: "Санкт-Петербург", outgoingCalls: true),
        AccountNumber(number: "78001000009", description: "горячая линия", type: "KDU", region: "Вся Россия", outgoingCalls: false),
    ]

    func loaded(_ form: FormState = FormState()) -> AppState {
        var state = freshState(form: form)
        _ = update(&state, .numbersListed(.success(numbers)))
        _ = update(&state, .callbackResourcesListed(.success([CallbackResource(id: "1221", name: "Основной")])))
        return state
    }

    func testNumberCodeOffersOnlyNumbersThatCanPlaceCallsAndFiltersByDigitsOrWords() {
        var state = loaded()
        state.focusOn(.numberCode)
        state.press(.enter)
        XCTAssertEqual(AccountPickerCommands.rows(state.account, target: .numberCode, filter: "").map(\.value), ["74953000000", "79991200013"])
        state.type("поддер")
        XCTAssertTrue(render(state).canvas.text.contains("79991200013"))
        XCTAssertFalse(render(state).canvas.text.contains("74953000000"))
        state.press(.control("u"))
        state.type("7495")
        state.press(.enter)
        XCTAssertEqual(state.form.numberCode, "74953000000")
        XCTAssertTrue(state.preview.text.contains(#""number_code": 74953000000"#))
        state.press(.control("z"))
        XCTAssertEqual(state.form.numberCode, "", "choosing is undoable")
    }

    func testDisplayNumberOffersEveryNumber() {
        var state = loaded(exampleForm())
        state.focusOn(.displayNumber(line: 0))
        state.press(.enter)
        XCTAssertEqual(AccountPickerCommands.rows(state.account, target: .displayNumber(line: 0), filter: "").count, 3)
        state.type("8001")
        state.press(.enter)
        XCTAssertEqual(state.form.lines[0].displayNumber, "78001000009")
    }

    func testANumberCodeTheAccountCannotCallFromIsAWarningOnceTheListIsKnown() {
        var form = exampleForm()
        form.numberCode = "78001000009"
        var state = freshState(form: form)
        XCTAssertTrue(state.validation.warnings.isEmpty, "unknown until the list arrives")
        _ = update(&state, .numbersListed(.success(numbers)))
        let warning = state.validation.warnings.first { $0.path == "number_code" }
        XCTAssertNotNil(warning)
        XCTAssertTrue(warning?.message.contains("not one of the account's 2 numbers that can place calls") ?? false)
        XCTAssertNotNil(state.validation.request, "a warning: the request can still be sent")
    }

    func testAFailedCallbackListFallsBackToTypingWithAHint() {
        var state = freshState()
        _ = update(&state, .callbackResourcesListed(.failure(.rejected(status: 404, message: "Not Found"))))
        state.focusOn(.callbackResourceID)
        state.press(.enter)
        XCTAssertNil(state.dialog)
        XCTAssertTrue(state.status?.text.contains("type the callback resource id") ?? false)
        state.type("1221")
        XCTAssertEqual(state.form.callbackResourceID, "1221")
    }

    func testAFailedNumbersListSaysWhyInThePickerAndCtrlRReadsAgain() {
        var state = freshState()
        _ = update(&state, .numbersListed(.failure(.badAnswer("not a JSON object"))))
        state.focusOn(.numberCode)
        state.press(.enter)
        XCTAssertTrue(render(state).canvas.text.contains("could not list them"), render(state).canvas.text)
        XCTAssertEqual(state.press(.control("r")), [.listAccount])
    }
}
