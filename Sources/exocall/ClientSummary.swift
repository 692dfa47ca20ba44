import CallLogModel
import Localization

/// A client's history in one line: "7 calls, 4 connected, last connected 3 days ago".
enum ClientSummary {
    static func text(_ history: ClientHistory, now: Int64, in say: UILanguage) -> String {
        var parts = [say(.clientCalls, ["count": "\(history.calls)"]) + (history.complete ? "" : "+"),
                     say(.clientConnected, ["count": "\(history.connected)"])]
        if let last = history.lastConnected {
            let days = max(0, Int((now - last) / 86_400_000))
            parts.append(days == 0 ? say(.clientLastConnectedToday) : say(.clientLastConnectedDaysAgo, ["count": "\(days)"]))
        }
        return say(.clientSummary, ["number": history.number, "summary": parts.joined(separator: ", ")])
    }
}
