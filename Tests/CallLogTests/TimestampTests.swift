import CallLog
import Foundation
import XCTest

final class TimestampTests: XCTestCase {
    func testISOMatchesFoundationsFormatterToTheMillisecond() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for ms: Int64 in [0, 5, 1_000, 1_700_000_000_123, 1_764_017_305_470, 1_764_017_305_999, 4_102_444_799_001] {
            XCTAssertEqual(Timestamp.iso(ms), formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)), "\(ms)")
        }
        XCTAssertEqual(Timestamp.iso(1_700_000_000_123), "2023-11-14T22:13:20.123Z")
    }

    func testLocalIsDateAndTimeToTheSecond() {
        let text = Timestamp.local(1_700_000_000_123)
        XCTAssertEqual(text.count, 19)
        XCTAssertNotNil(text.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#, options: .regularExpression))
    }
}
