import CallLog
import Localization

/// An entry's outcome as the human output of `log` names it (`--json` keeps the raw value).
enum OutcomeWord {
    /// The catalog's word for `outcome`.
    static func phrase(_ outcome: EntryOutcome) -> Phrase {
        switch outcome {
        case .sending: return .outcomeWordSending
        case .placed: return .outcomeWordPlaced
        case .rejected: return .outcomeWordRejected
        case .notSent: return .outcomeWordNotSent
        case .unknown: return .outcomeWordUnknown
        }
    }
}
