import CallbackCore
import FoundationEssentials
import Glibc

/// The stand-in's `statistics/call-history/v1/GetList`: the calls it placed, with the talk
/// time each one's life had (talk=N: N seconds; busy or no answer: 0), in the window asked
/// for, paged by `limit` and `offset`. As the spec's ruling expects of the real one, the
/// first page lists them under `call_history` and later pages under `calls`, and every
/// other id is a string. A key of `stub:garbage`, `stub:types`, `stub:500` or `stub:endless`
/// (full pages that never end) makes it fail on purpose.
enum CallHistoryListing {
    /// One call the stand-in placed.
    struct Call: Sendable {
        let callID: String
        let at: Date
        let talkSeconds: Int
    }

    static func respond(_ calls: [Call], body: [UInt8], token: String) -> StubResponse {
        switch token {
        case "stub:garbage": return AccountListing.text(200, "<html>upstream glitch")
        case "stub:500": return AccountListing.text(500, #"{"code":13,"message":"internal error"}"#)
        case "stub:types": return AccountListing.json(.object([.init("calls", .string("many"))]))
        default: break
        }
        guard let request = try? JSONParser.parse(body) else {
            return AccountListing.text(400, #"{"error": "proto: syntax error (line 1:1): invalid value"}"#)
        }
        func number(_ key: String) -> Int? {
            if case .number(let lexeme)? = request[key] { return Int(lexeme) }
            return nil
        }
        func date(_ key: String) -> Date? {
            if case .string(let text)? = request[key], case .instant(let ms)? = CivilTime.parse(text) { return Date(timeIntervalSince1970: Double(ms) / 1000) }
            return nil
        }
        let limit = max(1, min(number("limit") ?? 100, 1000)), offset = max(0, number("offset") ?? 0)
        if token == "stub:endless" {
            let page = (0..<limit).map { index in
                CallbackCore.JSONValue.object([.init("call_id", .number(String(7_000_000_000_000_000_000 + offset + index))), .init("duration", .number("1"))])
            }
            return AccountListing.json(.object([.init("calls", .array(page))]))
        }
        let from = date("date_from") ?? .distantPast, until = date("date_to") ?? .distantFuture
        let inWindow = calls.filter { $0.at >= from && $0.at <= until }
        let page = inWindow.dropFirst(offset).prefix(limit).enumerated().map { index, call in
            CallbackCore.JSONValue.object([
                .init("call_id", index % 2 == 0 ? .string(call.callID) : .number(call.callID)),
                .init("duration", .number(String(call.talkSeconds))),
                .init("direction", .string("outbound")),
            ])
        }
        return AccountListing.json(.object([.init(offset == 0 ? "call_history" : "calls", .array(Array(page)))]))
    }
}
