/// What the help shows beyond the key table.
public struct HelpState: Equatable, Sendable {
    /// The stand-in's failure scenarios (demo mode): set by the launcher.
    public var demoScenarios: [DemoScenario] = []

    /// No scenarios.
    public init() {}
}
