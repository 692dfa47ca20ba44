import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// One call in Exolve's call history: only what the spec's ruling lets us use.
public struct CallHistoryItem: Equatable, Sendable {
    /// The call's id (the `call_id` MakeCallback answered), digits.
    public var callID: String
    /// Talk time in seconds.
    public var talkSeconds: Int

    /// An item.
    public init(callID: String, talkSeconds: Int) {
        (self.callID, self.talkSeconds) = (callID, talkSeconds)
    }
}

extension ExolveClient {
    /// How many calls a call-history page asks for.
    public static let historyPageSize = 100
    /// The most pages read in one sync (a bound against a server that never ends).
    public static let historyPageLimit = 100

    /// Exolve's call history from `from` to `until` (experimental, per the spec's ruling): pages
    /// of 100 until a short page; the list under `calls` or `call_history`; `call_id` and
    /// `duration` (seconds) as numbers or strings of digits; anything else ignored. A page
    /// that is not a history, or pages without end, are a failure: nothing partial is used.
    public func listCallHistory(from: Date, until: Date) async -> Result<[CallHistoryItem], ListFailure> {
        func stamp(_ date: Date) -> String { CivilTime.iso(seconds: Int64(date.timeIntervalSince1970.rounded(.down))) }
        var items: [CallHistoryItem] = []
        var previous: [CallHistoryItem]? = nil
        for page in 0..<Self.historyPageLimit {
            let body = JSONValue.object([.init("date_from", .string(stamp(from))), .init("date_to", .string(stamp(until))),
                                         .init("limit", .number(String(Self.historyPageSize))),
                                         .init("offset", .number(String(page * Self.historyPageSize)))])
            let answer: JSONValue
            switch await listJSON(post(APIPath.callHistory, body: Array(CanonicalJSON.string(body, style: .compact).utf8))) {
            case .failure(let failure): return .failure(failure)
            case .success(let value): answer = value
            }
            guard case .array(let list)? = answer["calls"] ?? answer["call_history"] else {
                return .failure(.badAnswer(.phrase(.historyNotList)))
            }
            var found: [CallHistoryItem] = []
            for entry in list {
                guard case .object = entry, let id = entry["call_id"].flatMap(Self.text), !id.isEmpty, id.count <= 20,
                      id.allSatisfy(\.isASCIIDigit),
                      let duration = entry["duration"].flatMap(Self.text), let seconds = Int(duration), (0...86_400 * 7).contains(seconds) else {
                    return .failure(.badAnswer(.phrase(.historyBadItem)))
                }
                found.append(CallHistoryItem(callID: id, talkSeconds: seconds))
            }
            // The same page again: the server ignores the offset, and would never end.
            if let previous, !found.isEmpty, found == previous {
                return .failure(.badAnswer(.phrase(.historyUnending, ["pages": "\(page + 1)"])))
            }
            items += found
            previous = found
            if found.count < Self.historyPageSize { return .success(items) }
        }
        return .failure(.badAnswer(.phrase(.historyUnending, ["pages": "\(Self.historyPageLimit)"])))
    }
}
