import ExolveClient
import Localization
import XCTest

/// A message stored in English in the call log reads back in Russian exactly as
/// the outcome would have said it; a text exocall did not write stays verbatim.
final class StoredMessageTests: XCTestCase {
    func testEveryOutcomeStoredInEnglishReadsBackInRussian() {
        let outcomes: [SendOutcome] = [
            .placed(callID: "1592485880698592018", requestID: nil),
            .rejected(status: 403, message: "customer not active. Call: support"),
            .notSent(reason: .phrase(.transportRefused)),
            .notSent(reason: .phrase(.transportCouldNotConnectBecause, ["error": "connect(descriptor:addr:size:): No such file (errno: 2)"])),
            .notSent(reason: .phrase(.transportUntrusted)),
            .unknown(reason: .phrase(.transportNoAnswerInTime)),
            .unknown(reason: .phrase(.answerServerError, ["status": "500 Internal Server Error", "detail": "internal error: try later."])),
            .unknown(reason: .phrase(.answerServerErrorEmpty, ["status": "504 Gateway Timeout"])),
            .unknown(reason: .phrase(.answerTooLarge, ["status": "200", "size": "1048576", "dropped": "3"])),
            .unknown(reason: .phrase(.transportClosedMidAnswer)),
        ]
        for outcome in outcomes {
            let stored = outcome.message
            XCTAssertEqual(SendOutcome.readMessage(stored).text(.ru), outcome.message(in: .ru), stored)
            XCTAssertEqual(SendOutcome.readMessage(stored).text(.en), stored, "English reads as it was stored")
        }
    }

    func testALongStoredMessageReadsBackWhole() {
        // A team log may hold any text; reading it is linear in its length, not quadratic.
        let long = String(repeating: "x. ", count: 40_000)
        let stored = SendOutcome.rejected(status: 400, message: long).message
        XCTAssertEqual(SendOutcome.readMessage(stored).text(.ru), "Exolve отклонил запрос (HTTP 400): " + long)
    }

    func testTheInterruptedMessageAndForeignTextRead() {
        let interrupted = Catalog.text(.entryInterruptedMessage, .en)
        XCTAssertEqual(SendOutcome.readMessage(interrupted).text(.ru), "прерван: exocall остановился, пока запрос был в пути; звонок МОГ быть создан")
        let foreign = "written by a future exocall: something new"
        XCTAssertEqual(SendOutcome.readMessage(foreign), .verbatim(foreign), "text no phrase made is kept as it is")
        XCTAssertEqual(SendOutcome.readMessage("").text(.ru), "")
    }
}
