import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// A saved template as the picker shows it.
public struct TemplateItem: Equatable, Sendable {
    /// Its name.
    public var name: String
    /// Its request JSON, or nil when the file is unreadable.
    public var json: JSONValue?
    /// Why it could not be read.
    public var problem: Localized?

    /// Creates an item.
    public init(name: String, json: JSONValue?, problem: Localized?) {
        self.name = name
        self.json = json
        self.problem = problem
    }
}
