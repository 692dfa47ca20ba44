import CallLog
import CallbackCore
import ExolveClient

/// A message in the status line.
public struct StatusMessage: Equatable, Sendable {
    /// How it reads.
    public enum Tone: Equatable, Sendable { case info, success, warning, error }
    /// The text.
    public var text: String
    /// Its colour.
    public var tone: Tone

    /// Creates a message.
    public init(_ text: String, _ tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }
}
