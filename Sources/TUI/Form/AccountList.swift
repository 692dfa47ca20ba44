import Localization

/// A list the account knows (its numbers, its callback resources), as the form has it.
public enum AccountList<Item: Equatable & Sendable>: Equatable, Sendable {
    /// Not asked for (no key, or not yet).
    case notAsked
    /// Being read in the background; the form never waits for it.
    case loading
    /// Read.
    case loaded([Item])
    /// Could not be read, and why (manual entry always works).
    case failed(Localized)
}
