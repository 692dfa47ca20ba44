import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// An operator's note or disposition on a call: kept with every earlier one (who and when),
/// the latest shown with the entry. It never changes the request or the outcome.
public struct Annotation: Equatable, Sendable {
    /// A note (free text) or a disposition (a name from the team's list).
    public enum Kind: String, Sendable, CaseIterable {
        case note, disposition
    }

    /// The entry it is on.
    public var entryID: Int64
    /// Which it is.
    public var kind: Kind
    /// The note's text or the disposition's name; empty clears it.
    public var text: String
    /// Who wrote it (as entries are stamped).
    public var operatorName: String?
    /// When, ms since 1970, UTC.
    public var at: Int64

    /// An annotation.
    public init(entryID: Int64, kind: Kind, text: String, operatorName: String?, at: Int64) {
        (self.entryID, self.kind, self.text, self.operatorName, self.at) = (entryID, kind, text, operatorName, at)
    }

    /// How long a note may be, in characters.
    public static let noteLimit = 2000
    /// How long a disposition's name may be, in characters.
    public static let dispositionLimit = 64

    /// `text` as it is kept: line ends made `\n`, surrounding blank space and blank lines dropped.
    public static func normalized(_ text: String) -> String {
        text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
            .trimmingWhitespace()
    }

    /// Why `text` cannot be a `kind` (nil: it can): a note is up to 2,000 characters on any
    /// number of lines; a disposition one line of up to 64; neither holds control characters.
    public static func problem(_ text: String, kind: Kind) -> AnnotationProblem? {
        let limit = kind == .note ? noteLimit : dispositionLimit
        if text.count > limit { return .tooLong(limit: limit, count: text.count) }
        for scalar in text.unicodeScalars where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
            if kind == .note && scalar == "\n" { continue }
            return .control("U+" + String(scalar.value, radix: 16, uppercase: true))
        }
        return nil
    }
}

/// Why a note or a disposition was refused.
public enum AnnotationProblem: Error, Equatable, Sendable {
    /// Longer than allowed.
    case tooLong(limit: Int, count: Int)
    /// A control character (named as U+XXXX).
    case control(String)

    /// The refusal in words, naming the field, the rule and the value.
    public func text(kind: Annotation.Kind, in say: UILanguage) -> String {
        let field = say(kind == .note ? .annotateFieldNote : .annotateFieldDisposition)
        switch self {
        case .tooLong(let limit, let count): return say(.annotateTooLong, ["field": field, "limit": "\(limit)", "count": "\(count)"])
        case .control(let name): return say(.annotateControl, ["field": field, "char": name])
        }
    }
}

extension CallLogEntry {
    /// The entry with `annotation` as its latest note or disposition (empty text clears it).
    public mutating func take(_ annotation: Annotation) {
        let value = annotation.text.isEmpty ? nil : annotation.text
        switch annotation.kind {
        case .note: (note, noteBy, noteAt) = (value, annotation.operatorName, annotation.at)
        case .disposition: (disposition, dispositionBy, dispositionAt) = (value, annotation.operatorName, annotation.at)
        }
    }
}
