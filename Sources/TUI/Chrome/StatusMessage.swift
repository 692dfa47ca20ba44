import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// A message in the status line.
public struct StatusMessage: Equatable, Sendable {
    /// How it reads.
    public enum Tone: Equatable, Sendable { case info, success, warning, error }
    /// The text as written: the reducer writes it in the operator's language of the
    /// moment; a message made from the catalog keeps its English here.
    public var text: String
    /// The same from the catalog, drawn in the operator's language (a message from the runtime, which does not know it).
    public var localized: Localized?
    /// Its colour.
    public var tone: Tone

    /// Creates a message.
    public init(_ text: String, _ tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }

    /// Creates a message from the catalog.
    public init(_ localized: Localized, _ tone: Tone = .info) {
        self.init(localized.text(.en), tone)
        self.localized = localized
    }

    /// The text in `language`.
    public func text(in language: UILanguage) -> String { localized?.text(language) ?? text }
}
