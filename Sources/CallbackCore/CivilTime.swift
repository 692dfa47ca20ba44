#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock readings of instants and instants of readings, with the civil-date
/// arithmetic itself (UTC, any offset) and the C library's `localtime_r`/`mktime` (the
/// local zone, as TZ or /etc/localtime say). Foundation's `Calendar`, `TimeZone` and
/// date formatters need ICU's tables, which exocall no longer links (issue #32).
public enum CivilTime {
    /// A wall-clock reading.
    public struct Reading: Equatable, Sendable {
        /// The year (proleptic Gregorian).
        public var year: Int64
        /// 1...12.
        public var month: Int
        /// 1...31.
        public var day: Int
        /// 0...23.
        public var hour: Int
        /// 0...59.
        public var minute: Int
        /// 0...59.
        public var second: Int

        /// A reading.
        public init(year: Int64, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
            (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
        }

        /// Whether the day exists in its month and the time of day is one.
        public var isValid: Bool {
            (1...12).contains(month) && (1...CivilTime.days(inMonth: month, year: year)).contains(day)
                && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
        }
    }

    /// The UTC reading of `seconds` since 1970 (Howard Hinnant's `civil_from_days`).
    public static func utc(_ seconds: Int64) -> Reading {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Reading(year: year, month: month, day: day, hour: inDay / 3_600, minute: inDay % 3_600 / 60, second: inDay % 60)
    }

    /// The seconds since 1970 of a UTC `reading` (`days_from_civil`).
    public static func seconds(utc reading: Reading) -> Int64 {
        let year = reading.month <= 2 ? reading.year - 1 : reading.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = Int64(reading.month > 2 ? reading.month - 3 : reading.month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(reading.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + Int64(reading.hour * 3_600 + reading.minute * 60 + reading.second)
    }

    /// The local reading of `seconds` since 1970 (UTC when the C library cannot say).
    public static func local(_ seconds: Int64) -> Reading {
        var clock = time_t(seconds)
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else { return utc(seconds) }
        return Reading(year: Int64(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                       hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }

    /// The seconds since 1970 of a local `reading`. A reading a DST change repeats is its
    /// later occurrence (as Foundation's formatters read it); one it skips is read with
    /// the offset before the change (`mktime`'s answer).
    public static func seconds(local reading: Reading) -> Int64? {
        guard let year = Int32(exactly: reading.year - 1900) else { return nil }
        func make(_ isDST: Int32) -> Int64? {
            var parts = tm()
            parts.tm_year = year
            parts.tm_mon = Int32(reading.month - 1)
            parts.tm_mday = Int32(reading.day)
            parts.tm_hour = Int32(reading.hour)
            parts.tm_min = Int32(reading.minute)
            parts.tm_sec = Int32(reading.second)
            parts.tm_isdst = isDST
            errno = 0
            let result = mktime(&parts)
            return result == -1 && errno != 0 ? nil : Int64(result)
        }
        // Both readings of the clock, standard and daylight time; the later that shows it.
        let exact = [make(0), make(1)].compactMap { $0 }.filter { local($0) == reading }
        return exact.max() ?? make(-1)
    }

    /// Days in `month` of `year`.
    public static func days(inMonth month: Int, year: Int64) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-11-24` and `23:45:01`.
    public static func parts(_ r: Reading) -> (date: String, time: String) {
        func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
        return (String(r.year) + "-" + two(r.month) + "-" + two(r.day), two(r.hour) + ":" + two(r.minute) + ":" + two(r.second))
    }

    /// `2026-11-24T20:45:01Z` (ISO 8601, UTC).
    public static func iso(seconds: Int64) -> String {
        let (date, time) = parts(utc(seconds))
        return date + "T" + time + "Z"
    }

    /// `2026-11-24T20:45:01.123Z` (ISO 8601, UTC, milliseconds).
    public static func iso(milliseconds ms: Int64) -> String {
        let (date, time) = parts(utc(wholeSeconds(ms)))
        let millis = Int(((ms % 1000) + 1000) % 1000)
        return date + "T" + time + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + String(millis) + "Z"
    }

    /// The whole second `ms` falls in (rounded down, before 1970 too).
    public static func wholeSeconds(_ ms: Int64) -> Int64 { ms >= 0 ? ms / 1000 : (ms - 999) / 1000 }

    /// What a date or time on a command line or in a request says.
    public enum Parsed: Equatable, Sendable {
        /// An instant: ISO 8601 with `Z` or an offset (milliseconds since 1970).
        case instant(Int64)
        /// A wall-clock reading without a zone (the caller's zone applies).
        case local(Reading, millis: Int)
        /// A bare date.
        case day(Reading)
    }

    /// `2026-11-24T20:45:01Z`, `…+03:00`, `….123Z` (instants); `2026-11-24T20:45:01`,
    /// `2026-11-24 20:45`, seconds optional (local readings); `2026-11-24` (a day).
    /// Nil for anything else, or a reading that does not exist (Feb 30, 24:00).
    public static func parse(_ text: String) -> Parsed? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0, count = 0
            while index < bytes.count, count < maximum, (48...57).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4, 4), take(45), let month = number(1, 2), take(45), let day = number(1, 2) else { return nil }
        var reading = Reading(year: Int64(year), month: month, day: day)
        if index == bytes.count { return reading.isValid ? .day(reading) : nil }
        guard take(84) || take(32), let hour = number(1, 2), take(58), let minute = number(1, 2) else { return nil }
        (reading.hour, reading.minute) = (hour, minute)
        var millis = 0
        if take(58) {
            guard let second = number(1, 2) else { return nil }
            reading.second = second
            if take(46) {
                let start = index
                guard let fraction = number(1, 9) else { return nil }
                let digits = index - start
                // To milliseconds: "5" is 500, "123456" is 123.
                var (scaled, places) = (fraction, digits)
                while places < 3 { (scaled, places) = (scaled * 10, places + 1) }
                while places > 3 { (scaled, places) = (scaled / 10, places - 1) }
                millis = scaled
            }
        }
        guard reading.isValid else { return nil }
        if index == bytes.count { return .local(reading, millis: millis) }
        var offset = 0
        if take(90) {
            offset = 0
        } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
            let sign = bytes[index] == 45 ? -1 : 1
            index += 1
            guard let hours = number(2, 2), hours <= 23 else { return nil }
            _ = take(58)
            guard let minutes = number(2, 2), minutes <= 59 else { return nil }
            offset = sign * (hours * 3_600 + minutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        return .instant((seconds(utc: reading) - Int64(offset)) * 1000 + Int64(millis))
    }
}
