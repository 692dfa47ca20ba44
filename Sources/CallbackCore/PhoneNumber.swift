import Localization

/// The rule for a destination `number`, and the helper that turns what
/// operators type into the form the API wants.
///
/// An **error** (the API cannot use it): empty, or neither a phone number
/// (digits, optionally with the usual `+`, spaces, dashes and brackets) nor a
/// `sip:`/`sips:` URI. A **warning** (sent as written; a fix is offered where
/// one exists): not the international digits-only form (`+7…`, `8…`, spaces,
/// dashes, brackets), fewer than 7 or more than 15 digits, 10 digits starting
/// with 9 (a Russian mobile without its country code), a leading 0, or a SIP URI
/// without a user part.
public enum PhoneNumber {
    /// How many digits an international number usually has.
    public static let digitCount: ClosedRange<Int> = 7...15

    /// The verdict on one number.
    public enum Check: Equatable, Sendable {
        /// Acceptable as it is.
        case valid
        /// Sendable, but looks like a mistake; `suggestion` is the fix when one exists.
        case warning(reason: Localized, suggestion: String?)
        /// Not acceptable; `reason` says why.
        case invalid(reason: Localized, suggestion: String?)
    }

    /// The characters a typed phone number may hold besides digits.
    static let separators: Set<Character> = ["+", " ", "-", "(", ")", "\u{A0}"]

    /// Checks `number` against the rule.
    public static func check(_ number: String) -> Check {
        if number.isEmpty { return .invalid(reason: .phrase(.phoneEmpty), suggestion: nil) }
        // Digits only, the usual case (every destination is checked at each keystroke), is
        // neither a SIP URI nor anything to normalize: straight to the digits' own checks.
        if !number.utf8.allSatisfy(\.isASCIIDigit) {
            let lower = number.lowercased()
            if lower.hasPrefix("sip:") || lower.hasPrefix("sips:") {
                let rest = number.drop { $0 != ":" }.dropFirst()
                guard !rest.isEmpty, !rest.contains(where: \.isWhitespace) else {
                    return .invalid(reason: .phrase(.phoneSIPShape), suggestion: nil)
                }
                let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty { return .valid }
                if parts.count <= 2, parts.last?.isEmpty == false {
                    return .warning(reason: .phrase(.phoneSIPNoUser), suggestion: nil)
                }
                return .invalid(reason: .phrase(.phoneSIPShape), suggestion: nil)
            }
            guard number.contains(where: \.isASCIIDigit), number.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) else {
                return .invalid(reason: .phrase(.phoneNotANumber), suggestion: nil)
            }
            let fix = normalize(number)
            return .warning(reason: fix.map { .phrase(.phoneNotInternationalFix, ["fix": .verbatim($0)]) } ?? .phrase(.phoneNotInternational),
                            suggestion: fix)
        }
        if let domestic = domesticToInternational(number) {
            return .warning(reason: .phrase(.phoneDomestic, ["fix": .verbatim(domestic)]), suggestion: domestic)
        }
        if number.count == 10, number.first == "9" {
            return .warning(reason: .phrase(.phoneNoCountryCode, ["fix": .verbatim("7" + number)]), suggestion: "7" + number)
        }
        if let problem = digitsProblem(number) { return .warning(reason: problem, suggestion: nil) }
        return .valid
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

    /// Why an all-digit string does not look like an international number, or nil when it does.
    static func digitsProblem(_ digits: String) -> Localized? {
        if digits.isEmpty { return .phrase(.phoneEmpty) }
        if digits.first == "0" { return .phrase(.phoneLeadingZero) }
        if !digitCount.contains(digits.count) {
            return .phrase(digits.count < digitCount.lowerBound ? .phoneShort : .phoneLong,
                           ["count": "\(digits.count)", "min": "\(digitCount.lowerBound)", "max": "\(digitCount.upperBound)"])
        }
        return nil
    }
}

extension UInt8 {
    /// Whether this byte is one of ASCII `0`…`9`.
    public var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}

extension Character {
    /// Whether this is one of `0`…`9` (not other scripts' digits), without asking Unicode's tables.
    public var isASCIIDigit: Bool { asciiValue?.isASCIIDigit ?? false }
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
