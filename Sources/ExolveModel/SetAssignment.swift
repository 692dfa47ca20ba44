import CallbackCore
import Localization

/// `--set PATH=VALUE`: changes one field of a request by its JSON path.
/// Numeric fields take a number, every other field a string; a path through
/// something that does not exist is an error (a typo must not pass silently).
public enum SetAssignment {
    /// The request fields whose values are JSON numbers (from the wire schema).
    public static let numericFields: Set<String> = WireSchema.numericNames

    /// Why an assignment could not be applied.
    public struct Failure: Error, Equatable, CustomStringConvertible, OperatorFacingError {
        /// The message.
        public var text: Localized
        /// The message in English.
        public var description: String { text.text(.en) }
    }

    /// Applies `assignment` (`line_2.destinations[0].number=79991234567`) to `json`.
    public static func apply(_ assignment: String, to json: inout JSONValue) throws(Failure) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw Failure(text: .phrase(.setNoEquals, ["assignment": .verbatim(assignment)]))
        }
        let pathText = String(assignment[..<equals])
        let raw = String(assignment[assignment.index(after: equals)...])
        guard let path = JSONPath(parsing: pathText) else {
            throw Failure(text: .phrase(.setNotAPath, ["assignment": .verbatim(assignment), "path": .verbatim(pathText)]))
        }
        let value: JSONValue
        if case .key(let last)? = path.components.last, numericFields.contains(last) {
            guard case .number? = try? JSONParser.parse(raw) else {
                throw Failure(text: .phrase(.setTakesNumber, ["assignment": .verbatim(assignment), "path": .verbatim(pathText), "value": .verbatim(raw)]))
            }
            value = .number(raw)
        } else {
            value = .string(raw)
        }
        do {
            try json.set(value, at: path)
        } catch {
            throw Failure(text: .phrase(.setFailed, ["assignment": .verbatim(assignment), "reason": error.reason]))
        }
    }
}
