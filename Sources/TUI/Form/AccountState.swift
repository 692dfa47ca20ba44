import ExolveModel

/// The account's lists, as last asked for the profile in use.
public struct AccountState: Equatable, Sendable {
    /// The account's numbers.
    public var numbers: AccountList<AccountNumber> = .notAsked
    /// The application's callback resources (an undocumented list).
    public var resources: AccountList<CallbackResource> = .notAsked

    /// Nothing asked yet.
    public init() {}
}
