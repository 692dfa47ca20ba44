import ExolveClient
import XCTest

final class ErrorBodyTests: XCTestCase {
    func message(_ body: String, _ status: Int = 400) -> String {
        ErrorBody.message(from: Array(body.utf8), status: status)
    }

    func testReadsEveryKnownShape() {
        XCTAssertEqual(message(#"{"error":{"message":"nested"}}"#), "nested")
        XCTAssertEqual(message(#"{"code":3,"message":"grpc style","details":[]}"#), "grpc style")
        XCTAssertEqual(message(#"{"error":"flat"}"#), "flat")
        XCTAssertEqual(message("plain text\nsecond line"), "plain text")
        XCTAssertEqual(message("", 401), "401 Unauthorized (empty body)")
        XCTAssertEqual(message("   \n", 504), "504 Gateway Timeout (empty body)")
    }

    func testOddBodiesNeverCrash() {
        XCTAssertEqual(message(#"{"message":42}"#), #"{"message":42}"#)
        XCTAssertEqual(message("[1,2"), "[1,2")
        XCTAssertEqual(ErrorBody.message(from: [0xFF, 0xFE, 0x00], status: 400).isEmpty, false)
        XCTAssertEqual(message(String(repeating: "x", count: 1000)).count, 301)
    }
}
