import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// A failure the demo stand-in plays when the description starts with its tag.
public struct DemoScenario: Equatable, Sendable {
    /// `stub:504` and the like.
    public var tag: String
    /// What it does.
    public var effect: Localized

    /// Creates a scenario.
    public init(tag: String, effect: Localized) {
        self.tag = tag
        self.effect = effect
    }
}
