import CallbackCore
import Localization

/// Why a body is not an event (the receiver answers 400 and counts it by `reason`).
public enum EventRefusal: Error, Equatable, Sendable {
    /// Not JSON at all (trailing commas are accepted).
    case notJSON
    /// JSON, but not an object.
    case notObject
    /// A required field is missing (`uid`, `type`, `event_side`, `date_time`).
    case missing(String)
    /// `uid` is not an unsigned 64-bit integer (a number or a string of digits).
    case badUID
    /// `type` is not one of o, s, h, d, e.
    case badType
    /// `event_side` is not A or B.
    case badSide

    /// A short label for metrics (`refused{reason="..."}`).
    public var reason: String {
        switch self {
        case .notJSON: return "not_json"
        case .notObject: return "not_object"
        case .missing(let field): return "missing_\(field)"
        case .badUID: return "bad_uid"
        case .badType: return "bad_type"
        case .badSide: return "bad_side"
        }
    }

    /// For the receiver's answer and log line, in English (it faces Exolve, not an operator).
    public var message: String {
        switch self {
        case .notJSON: return "the body is not JSON"
        case .notObject: return "the body is not a JSON object"
        case .missing(let field): return "\(field) is missing"
        case .badUID: return "uid is not an unsigned 64-bit integer"
        case .badType: return "type is not one of o, s, h, d, e"
        case .badSide: return "event_side is not A or B"
        }
    }
}

/// Reads one event body by the spec's rulings: trailing commas accepted, unknown fields kept
/// (the raw body is stored), `uid` read exactly (64 bits, never through a double), numbers or
/// strings of digits alike; anything that is not an event is refused with its reason.
public enum CallEventParser {
    /// The largest body an event may have (the receiver refuses more, unread, with 413).
    public static let maxBodyBytes = 64 * 1024

    /// The event in `body`, or why it is not one.
    public static func parse(_ body: [UInt8]) -> Result<CallEvent, EventRefusal> {
        guard body.count <= maxBodyBytes else { return .failure(.notJSON) }
        let json: JSONValue
        do { json = try JSONParser.parse(body, trailingCommas: true) } catch { return .failure(.notJSON) }
        guard case .object = json else { return .failure(.notObject) }
        guard let uidValue = json["uid"] else { return .failure(.missing("uid")) }
        guard let uid = unsigned(uidValue) else { return .failure(.badUID) }
        guard let typeValue = json["type"] else { return .failure(.missing("type")) }
        guard case .string(let typeText) = typeValue, let kind = CallEvent.Kind(rawValue: typeText) else { return .failure(.badType) }
        guard let sideValue = json["event_side"] else { return .failure(.missing("event_side")) }
        guard case .string(let sideText) = sideValue, let side = CallEvent.Side(rawValue: sideText.uppercased()) else { return .failure(.badSide) }
        guard case .string(let dateTime)? = json["date_time"] else { return .failure(.missing("date_time")) }
        var event = CallEvent(uid: uid, side: side, kind: kind, dateTime: dateTime, raw: String(decoding: body, as: UTF8.self))
        event.number = text(json["number"])
        event.callSID = text(json["call_sid"])
        event.hangupCause = text(json["hangup_cause"])
        event.cause = json["cause"].flatMap(unsigned).flatMap { $0 <= 1000 ? Int($0) : nil }
        event.durationMs = json["duration"].flatMap(unsigned).map { Int64(clamping: $0) }
        event.fullDurationMs = json["full_duration"].flatMap(unsigned).map { Int64(clamping: $0) }
        event.waitMs = json["wait_time"].flatMap(unsigned).map { Int64(clamping: $0) }
        event.startedAt = text(json["started"]).flatMap(RFC3339.milliseconds)
        event.endedAt = text(json["ended"]).flatMap(RFC3339.milliseconds)
        if case .bool(let recorded)? = json["record_call"] { event.recordCall = recorded }
        return .success(event)
    }

    /// A JSON number or string of digits as an exact UInt64 (`7149714791827935000` is past 2^53).
    static func unsigned(_ value: JSONValue) -> UInt64? {
        let digits: String
        switch value {
        case .number(let lexeme): digits = lexeme
        case .string(let text): digits = text.trimmingASCIISpaces
        default: return nil
        }
        guard !digits.isEmpty, digits.utf8.count <= 20, digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return UInt64(digits)
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        if case .number(let lexeme)? = value { return lexeme }
        return nil
    }
}

private extension String {
    /// Without leading and trailing U+0020 only (a tab or other space is not a digit string's padding).
    var trimmingASCIISpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
