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

    /// Issue #32: the civil-date arithmetic agrees with Foundation's calendar (which loads
    /// ICU) on every day of the plausible range, and at random milliseconds.
    func testUTCArithmeticMatchesFoundationOverTheWholeRange() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var samples: [Int64] = stride(from: Timestamp.plausible.lowerBound, through: Timestamp.plausible.upperBound, by: 86_400_000).map { $0 }
        samples += [951_782_400_000, 951_868_799_999, 1_709_164_800_000, 978_307_199_999, 4_102_444_799_999]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { samples.append(Int64.random(in: Timestamp.plausible, using: &generator)) }
        for ms in samples {
            XCTAssertEqual(Timestamp.iso(ms), formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)), "\(ms)")
        }
    }

    /// The local reading follows TZ as the C library reads it, daylight saving included,
    /// and agrees with Foundation's calendar in that zone.
    func testLocalFollowsTheZoneAcrossDaylightSaving() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for zone in ["Europe/Moscow", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"] {
            guard FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + zone) else { throw XCTSkip("no tzdata for \(zone)") }
            setenv("TZ", zone, 1)
            tzset()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
            // Every hour around 2026's transitions in the northern and southern springs and autumns, and a sweep of years.
            var samples: [Int64] = []
            for start: Int64 in [1_773_014_400_000, 1_793_577_600_000, 1_775_347_200_000, 1_759_622_400_000] {
                samples += stride(from: start - 2 * 86_400_000, through: start + 2 * 86_400_000, by: 1_800_000).map { $0 }
            }
            samples += stride(from: Timestamp.plausible.lowerBound, through: Timestamp.plausible.upperBound, by: 86_400_000 * 37 + 3_600_123).map { $0 }
            for ms in samples {
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(ms / 1000)))
                func two(_ value: Int?) -> String { String(format: "%02d", value ?? -1) }
                let expected = "\(c.year!)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
                XCTAssertEqual(Timestamp.local(ms), expected, "\(zone) \(ms)")
            }
        }
    }

    /// Issue #32: command-line dates (`--since`, `--until`) read without Foundation's date
    /// formatters: the same instants as the ISO formatter and a POSIX `DateFormatter` in the
    /// zone, across daylight saving; a bare date is local midnight, or the next with `endOfDay`.
    func testParsedDatesMatchFoundationsFormattersInEachZone() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let iso = ISO8601DateFormatter()
        for text in ["2026-11-24T20:45:01Z", "2026-11-24T20:45:01+03:00", "2026-03-29T01:30:00-05:30", "2000-02-29T23:59:59Z", "2026-11-24T20:45:01+0300"] {
            XCTAssertEqual(Timestamp.parse(text, endOfDay: false), iso.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }, text)
        }
        let whole = try XCTUnwrap(Timestamp.parse("2026-11-24T20:45:01Z", endOfDay: false))
        XCTAssertEqual(Timestamp.parse("2026-11-24T20:45:01.5Z", endOfDay: false), whole + 500)
        XCTAssertEqual(Timestamp.parse("2026-11-24T20:45:01.123456Z", endOfDay: false), whole + 123)
        XCTAssertEqual(Timestamp.iso(whole + 123), "2026-11-24T20:45:01.123Z")
        for zone in ["Europe/Moscow", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"] {
            guard FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + zone) else { throw XCTSkip("no tzdata for \(zone)") }
            setenv("TZ", zone, 1)
            tzset()
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = formatter.timeZone
            // Every hour and a half around 2026's transitions, and a sweep of years.
            var samples: [Int64] = []
            for start: Int64 in [1_773_014_400, 1_793_577_600, 1_775_347_200, 1_759_622_400] {
                samples += stride(from: start - 2 * 86_400, through: start + 2 * 86_400, by: 5_400).map { $0 }
            }
            samples += stride(from: Int64(946_684_800), through: 4_102_444_800, by: 86_400 * 53 + 3_601).map { $0 }
            for seconds in samples {
                formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
                let reading = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
                for (format, text) in [("yyyy-MM-dd'T'HH:mm:ss", reading), ("yyyy-MM-dd HH:mm:ss", reading.replacingOccurrences(of: "T", with: " ")),
                                       ("yyyy-MM-dd'T'HH:mm", String(reading.prefix(16)))] {
                    formatter.dateFormat = format
                    let expected = formatter.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }
                    XCTAssertEqual(Timestamp.parse(text, endOfDay: false), expected, "\(zone) \(text)")
                }
                let day = String(reading.prefix(10))
                formatter.dateFormat = "yyyy-MM-dd"
                let midnight = try XCTUnwrap(formatter.date(from: day))
                XCTAssertEqual(Timestamp.parse(day, endOfDay: false), Int64(midnight.timeIntervalSince1970 * 1000), "\(zone) \(day)")
                let next = try XCTUnwrap(calendar.date(byAdding: .day, value: 1, to: midnight))
                XCTAssertEqual(Timestamp.parse(day, endOfDay: true), Int64(next.timeIntervalSince1970 * 1000), "\(zone) \(day) end")
            }
        }
    }

    func testDatesThatDoNotExistOrAreNotDatesAreRefused() {
        for text in ["", "yesterday", "2026-02-30", "2026-13-01", "2026-11-24T24:00", "2026-11-24T20:60", "2026-11-24T20:45:01+25:00",
                     "2026-11-24T20:45:01Zjunk", "2026/11/24", "26-11-24", "2026-11-24T", "2026-11-24 20", "2026-11-24T20:45:01.Z", "-2026-11-24"] {
            XCTAssertNil(Timestamp.parse(text, endOfDay: false), text)
        }
    }
}
