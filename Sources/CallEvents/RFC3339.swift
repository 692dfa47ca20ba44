import CallbackCore

/// RFC 3339 times as Exolve writes them (`2024-01-07T10:54:57.009979Z`, offsets too), read
/// without Foundation's formatters: a receiver parses thousands a second.
public enum RFC3339 {
    /// Unix milliseconds for `text`, or nil when it is not an RFC 3339 date-time.
    public static func milliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45, let day = number(8..<10),
              bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32,
              let hour = number(11..<13), bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58, let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if digits < 3 { fraction = fraction * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 { for _ in digits..<3 { fraction *= 10 } }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case 90, 122: index += 1
        case 43, 45:
            guard let oh = number(index + 1..<index + 3), index + 3 < bytes.count, bytes[index + 3] == 58,
                  let om = number(index + 4..<index + 6), oh < 24, om < 60 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (bytes[index] == 45 ? -1 : 1)
            index += 6
        default: return nil
        }
        guard index == bytes.count else { return nil }
        // A leap second reads as the second before it; a day past its month's end rolls into the next.
        let reading = CivilTime.Reading(year: Int64(year), month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
        let seconds = CivilTime.seconds(utc: reading) - Int64(offsetSeconds)
        return seconds * 1000 + Int64(fraction)
    }
}
