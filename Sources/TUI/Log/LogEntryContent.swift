import Synchronization
import FoundationEssentials
import Glibc
import CallLogModel
import CallbackCore
import CallEvents
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
        var result: CallResult?
        var evidence: String?
        var noSign: Bool
        var width: Int
        var language: UILanguage
        var lines: [(String, Style)]
    }
    nonisolated(unsafe) private static var last: Laid?
    private static let lock = Mutex(())

    /// The entry as styled lines, wrapped to fit `width`.
    static func lines(_ entry: CallLogEntry, result: CallResult? = nil, evidence: String? = nil, noSign: Bool = false, width: Int,
                      language say: UILanguage = .en) -> [(String, Style)] {
        if let cached = lock.withLock({ _ in last }), cached.width == width, cached.language == say, cached.entry == entry, cached.result == result,
           cached.evidence == evidence, cached.noSign == noSign {
            return cached.lines
        }
        let lines = layOut(entry, result: result, evidence: evidence, noSign: noSign, width: width, language: say)
        lock.withLock { _ in last = Laid(entry: entry, result: result, evidence: evidence, noSign: noSign, width: width, language: say, lines: lines) }
        return lines
    }

    /// What Exolve's events say: the result, then each leg's timeline (rang, answered after,
    /// hung up, cause in words with its Q.850 code and hangup_cause, talk time, recorded).
    static func timeline(_ result: CallResult, width: Int, language say: UILanguage) -> [(String, Style)] {
        var lines: [(String, Style)] = [(say(.entryResult, ["result": result.label(now: nil, in: say)]),
                                         Style(LogPanelView.resultRole(result.state), on: .surface, bold: true))]
        func clock(_ ms: Int64) -> String { String(Timestamp.local(ms).suffix(8)) }
        for (leg, phrase) in [(result.a, Phrase.entryLegOperator), (result.b, Phrase.entryLegClient)] {
            var parts: [String] = []
            if !leg.heard { parts.append(say(.timelineNotRung)) }
            if let rang = leg.rangAt, rang > 0 { parts.append(say(.timelineRang, ["time": clock(rang)])) }
            if let answered = leg.answeredAt, answered > 0, let rang = leg.rangAt, rang > 0 {
                parts.append(say(.timelineAnsweredAfter, ["seconds": "\(max(0, (answered - rang + 500) / 1000))"]))
            } else if leg.heard && !leg.answered && leg.settled {
                parts.append(say(.timelineNotAnswered))
            }
            if let hung = leg.hungUpAt, hung > 0 { parts.append(say(.timelineHungUp, ["time": clock(hung)])) }
            if leg.defined { parts.append(CallResult.causeInFull(leg.cause, hangupCause: leg.hangupCause, in: say)) }
            if let ms = leg.durationMs, ms > 0 { parts.append(say(.timelineTalk, ["time": CallResult.clock(Int((ms + 500) / 1000))])) }
            if let ms = leg.fullDurationMs, ms > 0, ms != leg.durationMs { parts.append(say(.timelineWithMessage, ["time": CallResult.clock(Int((ms + 500) / 1000))])) }
            if let recorded = leg.recorded { parts.append(say(recorded ? .timelineRecorded : .timelineNotRecorded)) }
            let text = say(phrase, ["timeline": parts.joined(separator: " · ")])
            for (index, part) in TextWrap.lines(text, width: width).enumerated() {
                lines.append(((index == 0 ? "" : "          ") + part, Style(.text, on: .surface)))
            }
        }
        return lines
    }

    private static func layOut(_ entry: CallLogEntry, result: CallResult?, evidence: String?, noSign: Bool, width: Int,
                               language say: UILanguage) -> [(String, Style)] {
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let wrap = max(10, width - 8)
        var lines: [(String, Style)] = [
            (say(.entryOutcome, ["outcome": LogPanelView.badgeWord(entry.outcome, language: say).lowercased()]), Style(LogPanelView.badgeRole(entry.outcome), bold: true)),
        ]
        // An unknown send the events show a call for: the evidence, never a changed outcome.
        if let evidence {
            lines += TextWrap.lines(say(.entryEvidence, ["uid": evidence]), width: wrap).map { ($0, Style(.success, on: .surface, bold: true)) }
        }
        if noSign {
            lines += TextWrap.lines(say(.entryNoSign), width: wrap).map { ($0, Style(.warning, on: .surface, bold: true)) }
        }
        if let result { lines += timeline(result, width: wrap, language: say) }
        // The operator's disposition and note (the latest; `exocall log show` counts the earlier ones).
        if let disposition = entry.latestDisposition {
            let byline = say(.annotationByline, ["who": disposition.operatorName ?? "—", "time": Timestamp.local(disposition.at)])
            lines += TextWrap.lines(say(.entryDisposition, ["name": disposition.text, "byline": byline]), width: wrap)
                .map { ($0, Style(.primary, on: .surface, bold: true)) }
        }
        if let note = entry.latestNote {
            lines += TextWrap.lines(say(.entryNote, ["note": note.text]), width: wrap).enumerated()
                .map { ($0.offset == 0 ? $0.element : "          " + $0.element, body) }
            lines.append(("          " + say(.annotationByline, ["who": note.operatorName ?? "—", "time": Timestamp.local(note.at)]), muted))
        }
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
