import CallbackCore
import CallLogModel
import ExolveModel
import Localization
import CallEvents

/// The confirmation before a send, the outcome after it, and plain messages.
enum SendViews {
    static func confirm(_ request: MakeCallbackRequest, secondAsk: Bool, state: AppState, on canvas: inout TextCanvas) {
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let width = min(state.size.width - 2, 96) - 4
        var lines: [(String, Style)] = []
        let say = state.language
        // The label column fits this language's longest label and a space ("длительность" is 12
        // letters): a label is never cut.
        let labels = [say(.confirmTo), say(.confirmProfile), say(.confirmLine, ["number": "2"]), say(.confirmDuration), "id"]
        let column = max(10, (labels.map(\.count).max() ?? 0) + 1)
        /// A labelled fact, wrapped under its label so nothing that decides a send is cut.
        func fact(_ label: String, _ text: String, _ style: Style) {
            let pad = String(repeating: " ", count: column)
            for (index, part) in TextWrap.lines(text, width: max(10, width - column)).enumerated() {
                lines.append(((index == 0 ? label.fitted(column) : pad) + part, style))
            }
        }
        switch state.target {
        case .demo(let host): fact(say(.confirmTo), say(.confirmDemoTarget, ["host": host]), Style(.demoBanner, bold: true))
        case .live(let host): fact(say(.confirmTo), say(.confirmLiveTarget, ["host": host]), Style(.warning, on: .surface, bold: true))
        }
        // Whose key and defaults: a call never goes out under a profile the operator did not see.
        if let name = state.profile.name { fact(say(.confirmProfile), "\(name) (\(state.profile.keyVariable))", Style(.text, on: .surface, bold: true)) }
        // The repeat guard first: on a small screen nothing that says "this client may be ringing now" is below the fold.
        var alert: [(String, Style)] = []
        let recent = state.sending.recentAttempts
        if let failure = state.sending.repeatCheckFailure {
            for part in TextWrap.lines(say(.confirmLogUnchecked, ["reason": failure.text(say)]), width: width) {
                alert.append((part, Style(.error, on: .surface, bold: true)))
            }
        } else if recent == nil {
            alert.append((say(.confirmChecking), muted))
        } else if let recent, !recent.isEmpty {
            let bold = Style(.error, on: .surface, bold: true)
            for part in TextWrap.lines(say(.confirmCalledWithin, ["window": state.sending.repeatWindow.text(in: say)]), width: width) { alert.append((part, bold)) }
            if recent.contains(where: \.mayBeRinging) {
                for part in TextWrap.lines(say(.confirmMayBeRinging), width: width) {
                    alert.append((part, bold))
                }
            }
            for attempt in recent {
                // With what Exolve's events say of it, when they came: the second y is decided with facts.
                let result = attempt.callID.flatMap { state.log.results[$0] }.map { " · " + $0.label(now: state.screen.wallClockNow, in: say) } ?? ""
                for part in TextWrap.lines("• " + attempt.summary.text(state.language) + result, width: width) {
                    alert.append((part, Style(.error, on: .surface)))
                }
            }
        }
        if !alert.isEmpty { lines += alert + [("", body)] }
        for (index, line) in request.lines.enumerated() {
            let logic = line.ringLogic ?? .sequential
            let numbers = line.destinations.map {
                say(.confirmRings, ["number": $0.number, "seconds": "\($0.timeout.map { Int64($0) } ?? Rules.defaultTimeout)"])
            }.joined(separator: logic == .sequential ? " → " : ", ")
            fact(say(.confirmLine, ["number": "\(index + 1)"]), numbers, body)
            fact("", say(logic == .parallel ? .confirmAllAtOnce : (line.ringLogic == nil ? .confirmOneByOneDefault : .confirmOneByOne)), muted)
            fact("", say(.confirmHears, ["audio": audioSummary(line.audio, language: say)]), muted)
        }
        if let duration = request.duration {
            fact(say(.confirmDuration), say(.confirmAtMost, ["seconds": "\(duration)"]), body)
        } else {
            fact(say(.confirmDuration), say(.confirmAtMostDefault, ["seconds": "\(Rules.defaultDuration)"]), body)
        }
        if let description = request.requestDescription { fact("id", description, muted) }
        let warnings = state.validation.warnings
        if !warnings.isEmpty {
            lines.append(("", body))
            lines.append((say(.confirmWarnings, ["count": "\(warnings.count)"]), Style(.warning, on: .surface, bold: true)))
            for warning in warnings {
                lines.append(("! \(ProblemPath.display(warning.path, in: state.language)): \(warning.message(in: say))", Style(.warning, on: .surface)))
            }
        }
        if secondAsk {
            let sameUnknown = state.sending.unknownRequests.contains(request.canonicalJSON())
            for part in TextWrap.lines(say(sameUnknown ? .confirmSameUnknown : .confirmTwice), width: width) {
                lines.append((part, Style(.error, on: .surface, bold: true)))
            }
            lines.append((say(.confirmSendAnyway), Style(.accent, on: .surface, bold: true)))
        } else if state.sending.repeatCheckFailure != nil {
            lines.append((say(.confirmCheckAgainKeys), Style(.accent, on: .surface, bold: true)))
        } else {
            lines.append((say(.confirmSend), Style(.accent, on: .surface, bold: true)))
        }
        DialogView.text(title: say(secondAsk ? .confirmTitleAgain : .confirmTitle), lines: lines, width: 96, state: state, on: &canvas)
    }

    static func audioSummary(_ audio: Audio?, language: UILanguage = .en) -> String {
        switch audio {
        case nil: return language(.audioNone)
        case .media(let id)?: return language(.audioRecording, ["id": "\(id)"])
        case .tts(let tts)?:
            let voice = VoiceCatalog.voice(id: tts.effectiveVoice)
            let emotion = tts.effectiveEmotion.flatMap { id in
                voice.flatMap { VoiceCatalog.label(of: $0, emotion: id, russian: language == .ru) }
            } ?? ""
            let text = tts.text.count > 60 ? String(tts.text.prefix(60)) + "…" : tts.text
            return language(.audioVoice, ["voice": "\(tts.effectiveVoice)", "name": voice?.name ?? "", "emotion": emotion, "text": text])
        }
    }

    static func outcome(_ call: SentCall, state: AppState, on canvas: inout TextCanvas) {
        var lines: [(String, Style)] = []
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let say = state.language
        let title: String
        switch call.result.outcome {
        case .placed(let callID, let requestID):
            title = say(.outcomePlacedTitle)
            lines.append((say(.outcomePlaced), Style(.success, on: .surface, bold: true)))
            lines.append(("call_id   \(callID)", Style(.text, on: .surface, bold: true)))
            if let requestID, !requestID.isEmpty { lines.append((say(.outcomeRequest, ["id": requestID]), muted)) }
            lines.append((say(.outcomeCopy), Style(.accent, on: .surface)))
        case .rejected(let status, let message):
            title = say(.outcomeRejectedTitle)
            lines.append((say(.outcomeRejected, ["status": "\(status)"]), Style(.error, on: .surface, bold: true)))
            lines.append((message, body))
            if !state.fields.serverProblems.isEmpty { lines.append((say(.outcomeFieldMarked), muted)) }
        case .notSent(let reason):
            title = say(.outcomeNotSentTitle)
            lines.append((say(.outcomeNotSent, ["reason": reason.text(state.language)]), Style(.warning, on: .surface, bold: true)))
            lines.append((say(.outcomeSafe), body))
        case .unknown(let reason):
            title = say(.outcomeUnknownTitle)
            lines.append((say(.outcomeMayHave), Style(.error, on: .surface, bold: true)))
            lines.append((reason.text(state.language), body))
            lines.append((say(.outcomeCheck), body))
            lines.append((say(.outcomeAsksTwice), body))
        }
        lines.append(("", body))
        var facts = [Elapsed.text(milliseconds: Int(call.result.latencyMs), in: say)]
        if let status = call.result.httpStatus { facts.insert("HTTP \(status)", at: 0) }
        if let entry = call.entryID { facts.append(say(.outcomeLogEntry, ["id": "\(entry)"])) }
        lines.append((facts.joined(separator: " · "), muted))
        if let warning = call.logWarning { lines.append((warning.text(state.language), Style(.warning, on: .surface))) }
        lines.append((say(.outcomeClose), Style(.accent, on: .surface)))
        DialogView.text(title: title, lines: lines, width: 88, state: state, on: &canvas, titleRole: role(call.result.outcome))
    }

    static func role(_ outcome: SendOutcome) -> Role {
        switch outcome {
        case .placed: return .badgePlaced
        case .rejected: return .badgeRejected
        case .notSent: return .badgeNotSent
        case .unknown: return .badgeUnknown
        }
    }

}
