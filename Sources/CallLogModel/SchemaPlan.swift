/// One version of a call log's schema: its name and the statements that take the
/// version before it to this one (one statement per string, for PostgreSQL's
/// extended protocol; SQLite runs the same list).
public struct SchemaStep: Sendable {
    /// Its name, as the log records it once applied.
    public let name: String
    /// The statements, in order.
    public let statements: [String]

    /// A step called `name`.
    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

/// A backend's schema, version by version, and the one rule both backends follow to
/// bring a log up to date: the steps a log lacks are applied in order, each once;
/// a log that has applied a step this binary does not know is from a newer
/// exocall and is refused, never altered. Never edit a shipped step: add one.
public struct SchemaPlan: Sendable {
    /// What to do with a log.
    public enum Decision: Equatable, Sendable {
        /// Nothing: every step is applied.
        case upToDate
        /// Apply these steps (by index in `steps`), in order.
        case apply(Range<Int>)
        /// The log has steps this binary does not know: refuse it.
        case newer
    }

    /// The steps, version 1 first.
    public let steps: [SchemaStep]

    /// A plan of `steps`.
    public init(_ steps: [SchemaStep]) {
        self.steps = steps
    }

    /// The newest version this binary knows.
    public var current: Int { steps.count }

    /// What to do with a log that has applied the steps named `applied` (in any order).
    public func decide(applied: [String]) -> Decision {
        let known = Set(steps.map(\.name))
        if applied.contains(where: { !known.contains($0) }) { return .newer }
        let done = Set(applied)
        guard let first = steps.firstIndex(where: { !done.contains($0.name) }) else { return .upToDate }
        return .apply(first..<steps.count)
    }

    /// The same for a log that records how many steps it applied (version n: steps 1...n).
    public func decide(version: Int) -> Decision {
        if version > current { return .newer }
        return decide(applied: steps.prefix(max(0, version)).map(\.name))
    }
}
