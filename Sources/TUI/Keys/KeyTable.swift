
/// Every key of the app, by place: the help dialog lists them all, the
/// footer shows the ones that work where the focus is.
public enum KeyHelp {
    /// A key and what it does.
    public typealias Entry = (keys: String, action: String)

    /// Keys that work everywhere.
    public static let global: [Entry] = [
        ("F1 / ?", "this help (? outside text fields)"),
        ("F5", "send: confirm first, then the outcome"),
        ("F2", "save the request to a JSON file"),
        ("F3", "open a request file"),
        ("F4", "the problems list; Enter jumps to a field"),
        ("F9", "the voice explorer: every voice and emotion as a grid"),
        ("F8 / Ctrl-T", "next pane (next tab when narrow)"),
        ("F12 / t", "the theme list, previewed live (t outside text fields)"),
        ("F11 / p", "switch profile: fills empty fields with its defaults (p outside text fields)"),
        ("F6", "save the form as a named template"),
        ("F7", "the templates, previewed; Enter loads one (Ctrl-Z undoes)"),
        ("Ctrl-Y", "copy the request as a curl command (the key stays $VARIABLE)"),
        ("F10 / Ctrl-Q", "quit (the form is kept as a draft)"),
    ]

    /// Keys of the form.
    public static let form: [Entry] = [
        ("Tab / Shift-Tab", "next / previous field"),
        ("↑ ↓", "previous / next field"),
        ("Enter", "next field; activates buttons"),
        ("← →  Home End", "move the cursor (Ctrl-A / Ctrl-E too)"),
        ("Ctrl-← Ctrl-→", "word left / right (Alt-B / Alt-F too)"),
        ("Backspace Del", "delete a character"),
        ("Ctrl-U / Ctrl-K", "delete to the start / end"),
        ("Ctrl-W", "delete the word before the cursor"),
        ("Ctrl-F", "use the suggested fix (a normalized phone number)"),
        ("← → on a choice", "change the value; Del returns it to the default"),
        ("Ctrl-N", "add a destination below (in a destination row)"),
        ("Ctrl-D", "remove the destination row"),
        ("Alt-↑ Alt-↓", "move the destination row up / down (Ctrl-↑ ↓ too)"),
    ]

    /// Keys of the audio fields.
    public static let audio: [Entry] = [
        ("← → on Audio", "none / recorded / text-to-speech (values are kept)"),
        ("Enter on Voice", "the voice picker: type to filter, Tab for gender"),
        ("Enter on Emotion", "only the emotions the voice offers"),
        ("← → on Voice", "next voice; an emotion it lacks becomes its default"),
        ("← → on Volume/Speed", "step 1 / 0.1 (PgUp PgDn: volume by 10)"),
        ("↑ ↓ in Text", "move between wrapped lines"),
    ]

    /// Keys of the preview and the log panel.
    public static let panes: [Entry] = [
        ("↑ ↓ PgUp PgDn", "scroll the preview / move in the call log"),
        ("Home End", "top / bottom"),
        ("/ in the log", "search numbers, description, call_id, TTS text"),
        ("o in the log", "cycle the outcome filter; Esc clears filters"),
        ("Enter in the log", "the entry in full: request as sent, response, status"),
        ("r in the log", "load the entry's request into the form (Ctrl-Z undoes)"),
        ("e in the log", "save the entry's request to a file"),
    ]

    /// Keys of sending.
    public static let sending: [Entry] = [
        ("F5", "check, then confirm: Enter or y sends, Esc cancels"),
        ("c", "copy the call_id of a placed call (OSC 52)"),
        ("Ctrl-Z", "after r: bring the previous form back"),
    ]

    /// The stand-in's failure scenarios, by request description (its own catalog).
    public static func demoScenarios(_ state: AppState) -> [Entry] { state.demoScenarios.map { ($0.tag, $0.effect) } }

    /// The footer's hints for the current place.
    public static func footer(for state: AppState) -> [Entry] {
        if state.dialog != nil {
            switch state.dialog! {
            case .help: return [("↑↓", "scroll"), ("Esc", "close")]
            case .problems: return [("↑↓", "choose"), ("Enter", "go to field"), ("Esc", "close")]
            case .filePrompt: return [("Enter", "confirm"), ("Esc", "cancel")]
            case .confirmOverwrite: return [("y", "overwrite"), ("n / Esc", "cancel")]
            case .voicePicker: return [("type", "filter"), ("Tab", "gender"), ("↑↓", "choose"), ("Enter", "set"), ("Esc", "cancel")]
            case .emotionPicker: return [("↑↓", "choose"), ("Enter", "set"), ("Esc", "cancel")]
            case .voiceExplorer: return [("←↑↓→", "move"), ("Enter", "set voice + emotion"), ("Esc", "close")]
            case .confirmSend(_, let secondAsk): return secondAsk ? [("y", "send again"), ("Esc", "cancel")] : [("Enter / y", "send"), ("Esc", "cancel")]
            case .outcome: return [("c", "copy call_id"), ("Enter / Esc", "close")]
            case .message: return [("Enter / Esc", "close")]
            case .logSearch: return [("Enter", "search"), ("Esc", "cancel")]
            case .logEntry: return [("↑↓", "scroll"), ("r", "reuse"), ("e", "export"), ("c", "copy call_id"), ("Esc", "close")]
            case .themePicker: return [("↑↓", "preview"), ("Enter", "keep"), ("Esc", "revert")]
            case .profilePicker: return [("↑↓", "choose"), ("Enter", "switch"), ("Esc", "cancel")]
            case .templateName: return [("Enter", "save"), ("Esc", "cancel")]
            case .templateExists: return [("y", "replace"), ("n", "keep")]
            case .templatePicker: return [("↑↓", "preview"), ("Enter", "load"), ("Esc", "cancel")]
            case .saveTheme: return [("y", "save to config"), ("n", "this session only")]
            }
        }
        let tail: [Entry] = [("F5", "send"), ("F2", "save"), ("F3", "open"), ("F4", "problems"), ("F1", "help"), ("F10", "quit")]
        switch state.pane {
        case .preview: return [("↑↓ PgUp PgDn", "scroll"), ("F8", "next pane")] + tail
        case .log: return [("↑↓", "move"), ("Enter", "open"), ("/", "search"), ("o", "outcome"), ("r", "reuse"), ("e", "export"), ("F5", "send")] + tail
        case .form:
            var hints: [Entry]
            switch state.focus.kind {
            case .choice:
                hints = [("←→", "change"), ("Del", "default"), ("Tab", "next")]
                if case .ttsVoice = state.focus { hints.insert(("Enter", "pick"), at: 0) }
                if case .ttsEmotion = state.focus { hints.insert(("Enter", "pick"), at: 0) }
            case .button: hints = [("Enter", "add"), ("Tab", "next")]
            case .text: hints = [("Tab", "next"), ("S-Tab", "prev")]
            }
            if case .destinationNumber = state.focus { hints += [("^N", "add row"), ("^D", "remove"), ("Alt-↑↓", "move")] }
            if case .destinationTimeout = state.focus { hints += [("^N", "add row"), ("^D", "remove"), ("Alt-↑↓", "move")] }
            if state.focus.line != nil { hints.append(("F9", "voices")) }
            return hints + tail
        }
    }
}
