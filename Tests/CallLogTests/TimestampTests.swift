import CallLog
import Foundation
import XCTest

final class TimestampTests: XCTestCase {
    func testISOMatchesFoundationsFormatterToTheMillisecond() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for ms: Int64 in [946_684_800_000, 946_684_800_005, 946_684_801_000, 1_700_000_000_123, 1_764_017_305_470, 1_764_017_305_999, 4_102_444_799_001] {
            XCTAssertEqual(Timestamp.iso(ms), formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)), "\(ms)")
        }
        XCTAssertEqual(Timestamp.iso(1_700_000_000_123), "2023-11-14T22:13:20.123Z")
    }

    /// Issue #27: a planted time is a value, not trust. Int64.min trapped in the
    /// arithmetic; INT64_MAX read as year 506713.
    func testTimesExocallCouldNotHaveWrittenAreShownAsInvalidNeverTrapped() {
        for ms: Int64 in [.min, .min + 1, -1, 0, 5, 946_684_799_999, 4_102_444_800_001, .max - 1, .max] {
            XCTAssertFalse(Timestamp.isValid(ms), "\(ms)")
            XCTAssertEqual(Timestamp.iso(ms), "invalid (\(ms))")
            XCTAssertEqual(Timestamp.local(ms).trimmingCharacters(in: .whitespaces), "invalid time")
            XCTAssertEqual(Timestamp.local(ms, language: .ru).trimmingCharacters(in: .whitespaces), "неверное время")
            XCTAssertEqual(Timestamp.local(ms).count, 19, "as wide as a time, so tables line up")
        }
        XCTAssertTrue(Timestamp.isValid(1_764_017_305_470))
    }

    func testLocalIsDateAndTimeToTheSecond() {
        let text = Timestamp.local(1_700_000_000_123)
        XCTAssertEqual(text.count, 19)
        XCTAssertNotNil(text.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#, options: .regularExpression))
    }
}
