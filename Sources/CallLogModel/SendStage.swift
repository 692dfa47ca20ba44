/// What a send in flight is waiting for, so the operator is told the truth
/// ("recording in the call log", not "sending to Exolve", while the database is slow).
public enum SendStage: String, Equatable, Sendable {
    /// Writing the entry (and, on a guarded send, checking the repeat guard) before anything goes out.
    case recording
    /// The request is out; waiting for Exolve's answer.
    case requesting
    /// The answer is in; writing it into the call log.
    case recordingOutcome
}
