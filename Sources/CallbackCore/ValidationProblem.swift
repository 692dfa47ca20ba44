import Localization

/// How much a problem matters: an error blocks sending; a warning informs (the
/// request can still be sent). Decided in one place, `RequestValidator`, as the
/// spec's "Errors and warnings" ruling lists them.
public enum Severity: String, Equatable, Sendable, Codable {
    case error, warning
}

/// One thing wrong with a request, written for an operator.
public struct ValidationProblem: Equatable, Sendable, CustomStringConvertible {
    /// Where: a JSON path with 0-based indexes (`line_2.destinations[3].timeout`);
    /// empty for the document as a whole.
    public var path: String
    /// What is wrong: the rule and the value given, to be shown in the operator's language.
    public var text: Localized
    /// A value that would fix it, when one is obvious (a normalized phone number).
    public var suggestion: String?
    /// Whether it blocks sending.
    public var severity: Severity

    /// Creates a problem.
    public init(path: String, text: Localized, suggestion: String? = nil, severity: Severity = .error) {
        self.path = path
        self.text = text
        self.suggestion = suggestion
        self.severity = severity
    }

    /// What is wrong, in English (as `--json` and the stand-in give it).
    public var message: String { text.text(.en) }

    /// What is wrong, in `language`.
    public func message(in language: UILanguage) -> String { text.text(language) }

    /// Whether it blocks sending.
    public var isError: Bool { severity == .error }

    /// `path: message` (or just the message for the whole document).
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// What validation found: the problems, and the request when no error blocks it.
public struct ValidationResult: Equatable, Sendable {
    /// Every problem, errors and warnings, in document order.
    public var problems: [ValidationProblem]
    /// The request as it goes on the wire; non-nil exactly when no problem is an error.
    public var request: MakeCallbackRequest?

    /// Creates a result.
    public init(problems: [ValidationProblem], request: MakeCallbackRequest?) {
        self.problems = problems
        self.request = request
    }

    /// Whether the request may be sent (warnings do not stop it).
    public var isValid: Bool { request != nil }
    /// The problems that block sending.
    public var errors: [ValidationProblem] { problems.filter(\.isError) }
    /// The problems that only inform.
    public var warnings: [ValidationProblem] { problems.filter { !$0.isError } }
    /// The problems, errors first (each group in document order).
    public var errorsFirst: [ValidationProblem] { errors + warnings }

    /// `--strict`: every warning counts as an error, so a request with any is not sent.
    public func strict() -> ValidationResult {
        ValidationResult(problems: problems.map { var problem = $0; problem.severity = .error; return problem },
                         request: problems.isEmpty ? request : nil)
    }
}
