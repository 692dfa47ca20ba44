/// The rule for a destination `number` (and `display_number`), and the helper
/// that turns what operators type into the form the API wants.
///
/// Accepted: digits in international form without `+` (7 to 15 digits, first
/// not 0) — this also covers numeric SIP IDs — or a `sip:`/`sips:` URI
/// (`sip:user@host`). An 11-digit number starting with 8 is the Russian
/// domestic way of writing `7…` and is refused with that form suggested.
public enum PhoneNumber {
    /// How many digits an international number has.
    public static let digitCount: ClosedRange<Int> = 7...15

    /// The verdict on one number.
    public enum Check: Equatable, Sendable {
        /// Acceptable as it is.
        case valid
        /// Not acceptable; `reason` says why, `suggestion` is the normalized form when one exists.
        case invalid(reason: String, suggestion: String?)
    }

    /// Checks `number` against the rule.
    public static func check(_ number: String) -> Check {
        if number.isEmpty { return .invalid(reason: "must not be empty", suggestion: nil) }
        if isSIPURI(number) { return .valid }
        let lower = number.lowercased()
        if lower.hasPrefix("sip:") || lower.hasPrefix("sips:") {
            return .invalid(reason: "a SIP URI must look like sip:user@host", suggestion: nil)
        }
        if number.allSatisfy(\.isASCIIDigit) {
            if let domestic = domesticToInternational(number) {
                return .invalid(reason: "is written the domestic way; use the international form \(domestic)", suggestion: domestic)
            }
            return digitsProblem(number).map { .invalid(reason: $0, suggestion: nil) } ?? .valid
        }
        if let normalized = normalize(number) {
            return .invalid(reason: "must be digits only in international form; use \(normalized)", suggestion: normalized)
        }
        return .invalid(reason: "must be digits in international form (e.g. 79991234567) or a SIP URI (sip:user@host)", suggestion: nil)
    }

    /// Turns a typed number (`+7 (999) 123-45-67`, `8 999 123 45 67`,
    /// `00 7 999…`) into the API's form `79991234567`; a SIP URI is returned
    /// trimmed. Nil when the text cannot be read as a number at all.
    public static func normalize(_ typed: String) -> String? {
        let trimmed = typed.trimmingCharacters(in: " \t\u{A0}")
        if isSIPURI(trimmed) { return trimmed }
        var digits = ""
        var sawPlus = false
        for character in trimmed {
            if character.isASCIIDigit {
                digits.append(character)
            } else if character == "+" && digits.isEmpty && !sawPlus {
                sawPlus = true
            } else if " -().\u{A0}\t".contains(character) {
                continue
            } else {
                return nil
            }
        }
        if !sawPlus {
            if digits.hasPrefix("00") { digits.removeFirst(2) }
            else if let international = domesticToInternational(digits) { digits = international }
        }
        return digitsProblem(digits) == nil ? digits : nil
    }

    /// Whether `text` is a `sip:`/`sips:` URI with a user and a host and no spaces.
    static func isSIPURI(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("sip:") { rest = text.dropFirst(4) } else if lower.hasPrefix("sips:") { rest = text.dropFirst(5) } else { return false }
        guard !rest.contains(where: { $0.isWhitespace }) else { return false }
        let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }

    /// `8XXXXXXXXXX` (11 digits) → `7XXXXXXXXXX`; nil for anything else.
    static func domesticToInternational(_ digits: String) -> String? {
        guard digits.count == 11, digits.first == "8", digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return "7" + digits.dropFirst()
    }

    /// Why an all-digit string is not an international number, or nil when it is.
    static func digitsProblem(_ digits: String) -> String? {
        if digits.isEmpty { return "must not be empty" }
        if digits.first == "0" { return "must start with the country code, not 0" }
        if !digitCount.contains(digits.count) {
            return "must have \(digitCount.lowerBound) to \(digitCount.upperBound) digits, has \(digits.count)"
        }
        return nil
    }
}

extension Character {
    /// Whether this is one of `0`…`9` (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// This string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
