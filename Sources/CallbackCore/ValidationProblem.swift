/// One thing wrong with a request, written for an operator.
public struct ValidationProblem: Equatable, Sendable, Codable, CustomStringConvertible {
    /// Where: a JSON path with 0-based indexes (`line_2.destinations[3].timeout`);
    /// empty for the document as a whole.
    public var path: String
    /// What is wrong: the rule and the value given.
    public var message: String
    /// A value that would fix it, when one is obvious (a normalized phone number).
    public var suggestion: String?

    /// Creates a problem.
    public init(path: String, message: String, suggestion: String? = nil) {
        self.path = path
        self.message = message
        self.suggestion = suggestion
    }

    enum CodingKeys: String, CodingKey { case path, message }

    /// Encodes as `{"path", "message"}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(message, forKey: .message)
    }

    /// Decodes `{"path", "message"}`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        message = try container.decode(String.self, forKey: .message)
    }

    /// `path: message` (or just the message for the whole document).
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// What validation found: the problems, and the request when there are none.
public struct ValidationResult: Equatable, Sendable {
    /// Every problem, in document order.
    public var problems: [ValidationProblem]
    /// The validated request; non-nil exactly when `problems` is empty.
    public var request: MakeCallbackRequest?

    /// Whether the request may be sent.
    public var isValid: Bool { request != nil }
}
