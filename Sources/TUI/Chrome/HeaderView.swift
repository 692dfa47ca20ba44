import CallbackCore
import Localization

/// Row 0: where requests go, and whether the request is valid.
enum HeaderView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        canvas.fill(rect, style: Style(.text, on: .surface))
        let verdict: (String, Style)
        let warnings = state.validation.warnings.count
        let say = state.language
        if state.validation.isValid && warnings == 0 {
            verdict = (say(.headerValid) + " ", Style(.success, on: .surface, bold: true))
        } else if state.validation.isValid {
            verdict = (say(.headerSendableWarnings, ["count": "\(warnings)"]) + " ", Style(.warning, on: .surface, bold: true))
        } else {
            verdict = (say(.headerProblems, ["count": "\(state.validation.errors.count)"]) + " ", Style(.error, on: .surface, bold: true))
        }
        let verdictX = rect.maxX - DisplayWidth.of(verdict.0)
        canvas.put(verdict.0, x: verdictX, y: rect.y, style: verdict.1)
        var x = rect.x + canvas.put(" exocall ", x: rect.x, y: rect.y, style: Style(.primary, on: .surface, bold: true))
        let room = { verdictX - 1 - x }
        switch state.target {
        case .demo(let host):
            x += canvas.put(" " + say(.headerDemo) + " ", x: x, y: rect.y, style: Style(.demoBanner, bold: true), maxWidth: room())
            x += canvas.put(" → \(host)", x: x, y: rect.y, style: Style(.text, on: .surface), maxWidth: room())
            if state.profile.name == nil && state.log.unavailable == nil {
                x += canvas.put(" " + say(.headerStandIn), x: x, y: rect.y, style: Style(.muted, on: .surface), maxWidth: room())
            }
        case .live(let host):
            // Calls placed from here ring real people: as visible as DEMO.
            x += canvas.put(" " + say(.headerLive) + " ", x: x, y: rect.y, style: Style(.badgeRejected, bold: true), maxWidth: room())
            x += canvas.put(" → \(host)", x: x, y: rect.y, style: Style(.text, on: .surface), maxWidth: room())
        }
        // The log first when it cannot be reached: a send would be refused, and the operator should know before F5.
        if state.log.unavailable != nil, room() > 4 {
            x += canvas.put("  " + say(.headerLogDown), x: x, y: rect.y, style: Style(.error, on: .surface, bold: true), maxWidth: room())
        }
        if let profile = state.profile.name, room() > 12 {
            x += canvas.put("  " + say(.headerProfile, ["name": profile]), x: x, y: rect.y, style: Style(.accent, on: .surface, bold: true), maxWidth: room())
        }
        // Who and where: the operator entries are stamped with, and which log they go to.
        if let place = state.log.place, room() > 12 {
            let log = place.text(in: state.language)
            let who = state.log.operatorName.map { TerminalText.escaped($0) + " · " } ?? ""
            canvas.put("  " + who + log, x: x, y: rect.y, style: Style(.muted, on: .surface), maxWidth: room())
        }
    }
}
