import Foundation
import CallLog
import CallbackCore
import Localization

/// The lines of an open call log entry: the view draws them, the reducer
/// counts them to keep the scroll within the text.
enum LogEntryContent {
    /// The dialog's width at `size`.
    static func width(for size: Size) -> Int { min(size.width - 2, 92) }

    /// How many lines the dialog shows at `size`.
    static func visibleRows(for size: Size) -> Int { max(1, size.height - 4) }

    /// The entry as styled lines, wrapped to fit `width`.
    static func lines(_ entry: CallLogEntry, width: Int) -> [(String, Style)] {
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let wrap = max(10, width - 8)
        var lines: [(String, Style)] = [
            ("outcome   \(LogPanelView.badge(entry.outcome).trimmingCharacters(in: .whitespaces).lowercased())", Style(LogPanelView.badgeRole(entry.outcome), bold: true)),
        ]
        lines += TextWrap.lines("message   \(entry.message ?? "—")", width: wrap).map { ($0, body) }
        lines += [
            ("call_id   \(entry.callID ?? "—")", body),
            ("HTTP      \(entry.httpStatus.map(String.init) ?? "—")    latency \(entry.latencyMs.map { "\($0) ms" } ?? "—")", body),
            ("endpoint  \(entry.endpointHost)    mode \(entry.mode.rawValue)", body),
            ("operator  \(entry.operatorName ?? "—")    sent from \(entry.senderHost ?? "—")", body),
            ("created   \(Timestamp.local(entry.createdAt))    finished \(entry.finishedAt.map { Timestamp.local($0) } ?? "—")", body),
            ("", body),
            ("Request, as sent:", Style(.primary, on: .surface, bold: true)),
        ]
        if let json = entry.requestValue {
            for line in PreviewDocument(json).lines { lines.append((line.text, Style(.jsonString, on: .surface))) }
        }
        lines.append(("", body))
        lines.append(("Response body:", Style(.primary, on: .surface, bold: true)))
        let raw = entry.rawResponse.map { $0.isEmpty ? "(empty)" : $0 } ?? "(no response)"
        lines += raw.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: wrap) }.map { ($0, muted) }
        return lines
    }
}
