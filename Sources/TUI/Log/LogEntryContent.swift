import Foundation
import CallLogModel
import CallbackCore
import Localization

/// The lines of an open call log entry: the view draws them, the reducer
/// counts them to keep the scroll within the text.
enum LogEntryContent {
    /// The dialog's width at `size`.
    static func width(for size: Size) -> Int { min(size.width - 2, 92) }

    /// How many lines the dialog shows at `size`.
    static func visibleRows(for size: Size) -> Int { max(1, size.height - 4) }

    /// The last entry laid out, with what it was laid out for: the reducer (to keep the
    /// scroll within the text) and the view (to draw it) ask for the same lines on every
    /// key, and an entry can hold 80,000 characters of description. A pure function's
    /// memo: the same arguments give the same lines.
    private struct Laid: @unchecked Sendable {
        var entry: CallLogEntry
        var width: Int
        var language: UILanguage
        var lines: [(String, Style)]
    }
    nonisolated(unsafe) private static var last: Laid?
    private static let lock = NSLock()

    /// The entry as styled lines, wrapped to fit `width`.
    static func lines(_ entry: CallLogEntry, width: Int, language say: UILanguage = .en) -> [(String, Style)] {
        if let cached = lock.withLock({ last }), cached.width == width, cached.language == say, cached.entry == entry {
            return cached.lines
        }
        let lines = layOut(entry, width: width, language: say)
        lock.withLock { last = Laid(entry: entry, width: width, language: say, lines: lines) }
        return lines
    }

    private static func layOut(_ entry: CallLogEntry, width: Int, language say: UILanguage) -> [(String, Style)] {
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let wrap = max(10, width - 8)
        var lines: [(String, Style)] = [
            (say(.entryOutcome, ["outcome": LogPanelView.badge(entry.outcome, language: say).trimmingCharacters(in: .whitespaces).lowercased()]), Style(LogPanelView.badgeRole(entry.outcome), bold: true)),
        ]
        lines += TextWrap.lines(say(.entryMessage, ["message": entry.messageText?.text(say) ?? "—"]), width: wrap).map { ($0, body) }
        lines += [
            ("call_id   \(entry.callID ?? "—")", body),
            (say(.entryHTTP, ["status": entry.httpStatus.map(String.init) ?? "—",
                              "latency": entry.latencyMs.map { Elapsed.text(milliseconds: Int($0), in: say) } ?? "—"]), body),
            (say(.entryEndpoint, ["host": entry.endpointHost, "mode": entry.mode.label.text(say)]), body),
            (say(.entryOperator, ["name": entry.operatorName ?? "—", "host": entry.senderHost ?? "—"]), body),
            (say(.entryCreated, ["created": Timestamp.local(entry.createdAt, language: say), "finished": entry.finishedAt.map { Timestamp.local($0, language: say) } ?? "—"]), body),
            ("", body),
            (say(.entryRequest), Style(.primary, on: .surface, bold: true)),
        ]
        if let json = entry.requestValue {
            for line in PreviewDocument(json).lines { lines.append((line.text, Style(.jsonString, on: .surface))) }
        }
        lines.append(("", body))
        lines.append((say(.entryResponse), Style(.primary, on: .surface, bold: true)))
        let raw = entry.rawResponse.map { $0.isEmpty ? say(.entryEmpty) : $0 } ?? say(.entryNoResponse)
        lines += raw.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: wrap) }.map { ($0, muted) }
        return lines
    }
}
