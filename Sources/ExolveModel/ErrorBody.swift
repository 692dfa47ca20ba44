import Localization
import CallbackCore

/// Reads the message out of an error response, whatever shape it has:
/// `{"error":{"message":…}}`, `{"code":…,"message":…}` (gRPC gateway),
/// `{"error":"…"}`, `{"message":…}`, plain text or nothing.
public enum ErrorBody {
    /// The message for the operator; never fails.
    public static func message(from body: [UInt8], status: Int) -> String {
        detail(from: body) ?? "\(HTTPStatusText.name(status)) (empty body)"
    }

    /// The message the body carries, or nil when it is empty.
    public static func detail(from body: [UInt8]) -> String? {
        let text = String(decoding: body.prefix(SendResult.rawBodyLimit), as: UTF8.self)
            .trimmingWhitespace()
        if let json = try? JSONParser.parse(body) {
            if case .string(let message)? = json["error"]?["message"], !message.isEmpty { return message }
            if case .string(let message)? = json["message"], !message.isEmpty { return message }
            if case .string(let message)? = json["error"], !message.isEmpty { return message }
            if case .string(let message)? = json["error_description"], !message.isEmpty { return message }
        }
        if text.isEmpty { return nil }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return firstLine.count > 300 ? String(firstLine.prefix(300)) + "…" : firstLine
    }
}

/// Reason phrases for the statuses an operator may meet.
public enum HTTPStatusText {
    /// "404 Not Found" style text.
    public static func name(_ status: Int) -> String {
        let names: [Int: String] = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            408: "Request Timeout", 409: "Conflict", 413: "Payload Too Large", 415: "Unsupported Media Type",
            422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return names[status].map { "\(status) \($0)" } ?? "HTTP \(status)"
    }
}

import FoundationEssentials
import Glibc
