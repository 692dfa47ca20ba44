/// The body of a 200 answer to MakeCallback.
public struct MakeCallbackResponse: Codable, Equatable, Sendable {
    /// Id of the callback placed: a uint64 sent as a string (it exceeds 2^53).
    public var callID: String
    /// The echoed client-side request id, under `request_id` or (as in the
    /// vendor's example) `request_description`.
    public var requestID: String?

    /// Creates a response.
    public init(callID: String, requestID: String? = nil) {
        self.callID = callID
        self.requestID = requestID
    }

    enum CodingKeys: String, CodingKey {
        case callID = "call_id"
        case requestID = "request_id"
        case requestDescription = "request_description"
    }

    /// Decodes `call_id` (a string, or a bare integer) and either request id key; unknown fields are ignored.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? container.decode(String.self, forKey: .callID) {
            callID = text
        } else {
            callID = String(try container.decode(UInt64.self, forKey: .callID))
        }
        requestID = try container.decodeIfPresent(String.self, forKey: .requestID)
            ?? container.decodeIfPresent(String.self, forKey: .requestDescription)
    }

    /// Encodes as `{"call_id": "...", "request_id": "..."}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(callID, forKey: .callID)
        try container.encodeIfPresent(requestID, forKey: .requestID)
    }

    /// Reads a response body tolerantly: nil unless it is a JSON object with a
    /// non-empty `call_id` (a string, or an integer kept exactly as written).
    public static func parse(_ body: [UInt8]) -> MakeCallbackResponse? {
        guard let json = try? JSONParser.parse(body), case .object = json else { return nil }
        let callID: String
        switch json["call_id"] {
        case .string(let text)? where !text.isEmpty: callID = text
        case .number(let lexeme)? where UInt64(lexeme) != nil: callID = lexeme
        default: return nil
        }
        var requestID: String?
        if case .string(let text)? = json["request_id"] { requestID = text }
        else if case .string(let text)? = json["request_description"] { requestID = text }
        return MakeCallbackResponse(callID: callID, requestID: requestID)
    }
}
