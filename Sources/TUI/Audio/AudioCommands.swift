import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// The voice picker, emotion picker and voice explorer, and the audio fields'
/// own keys (stepping volume and speed, moving through wrapped TTS text).
enum AudioCommands {
    /// The voices a picker shows for a filter text and gender.
    static func voices(matching filter: String, gender: Gender?) -> [Voice] {
        func fold(_ text: String) -> String { text.lowercased().replacing("ё", with: "е") }
        let needle = fold(filter)
        return VoiceCatalog.voices.filter { voice in
            if let gender, voice.gender != gender { return false }
            guard !needle.isEmpty else { return true }
            let russian = voice.emotions.flatMap { [VoiceCatalog.emotionName($0.id, russian: true), VoiceCatalog.russianLabel(of: voice, emotion: $0.id)] }
                .compactMap { $0 }
            let haystack = ([String(voice.id), voice.name, voice.latin] + voice.emotions.map(\.label) + russian).joined(separator: " ")
            return fold(haystack).contains(needle)
        }
    }

    /// The leg the voice explorer edits: the focused field's, else line 1.
    static func line(for editing: FormEditing) -> Int { editing.fields.focus.line ?? 0 }

    /// Enter on Voice: the voice picker on the leg's voice.
    static func openVoicePicker(_ form: FormState, line: Int) -> Reply {
        let current = form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID
        let index = VoiceCatalog.voices.firstIndex { $0.id == current } ?? 0
        return .show(.audio(.voicePicker(line: line, filter: "", gender: nil, selected: index)))
    }

    /// Enter on Emotion: the emotion picker on the leg's emotion.
    static func openEmotionPicker(_ form: FormState, line: Int) -> Reply {
        let tts = form.lines[line].audio.tts
        let voice = VoiceCatalog.voice(id: tts.voice ?? VoiceCatalog.defaultVoiceID)
        let current = tts.emotion ?? voice?.defaultEmotion
        let index = voice?.emotions.firstIndex { $0.id == current } ?? 0
        return .show(.audio(.emotionPicker(line: line, selected: index)))
    }

    /// F9: the explorer on the focused leg's voice and emotion.
    static func openExplorer(_ editing: FormEditing) -> Reply {
        let line = line(for: editing)
        let tts = editing.form.lines[line].audio.tts
        let voiceID = tts.voice ?? VoiceCatalog.defaultVoiceID
        let row = VoiceCatalog.voices.firstIndex { $0.id == voiceID } ?? 0
        let emotion = tts.emotion ?? VoiceCatalog.voice(id: voiceID)?.defaultEmotion ?? 1
        let column = VoiceCatalog.emotionIDs.firstIndex(of: emotion) ?? 0
        return .show(.audio(.explorer(line: line, row: row, column: column)))
    }

    /// A command while an audio dialog is open.
    static func reduce(_ editing: inout FormEditing, _ dialog: AudioDialog, _ command: Command, context: ScreenContext) -> Reply {
        switch dialog {
        case .voicePicker(let line, let filter, let gender, let selected):
            return voicePicker(&editing, command, line: line, filter: filter, gender: gender, selected: selected, context: context)
        case .emotionPicker(let line, let selected):
            return emotionPicker(&editing.form, command, line: line, selected: selected)
        case .explorer(let line, let row, let column):
            return explorer(&editing, command, line: line, row: row, column: column, context: context)
        }
    }

    /// A command while the voice picker is open.
    private static func voicePicker(_ editing: inout FormEditing, _ command: Command, line: Int, filter: String, gender: Gender?,
                                    selected: Int, context: ScreenContext) -> Reply {
        var (filter, gender, selected) = (filter, gender, selected)
        let shown = voices(matching: filter, gender: gender)
        switch command {
        case .close: return .close
        case .move(let move): selected = ListNavigation.select(selected, move, count: shown.count)
        case .audio(.cycleGender):
            gender = gender == nil ? .female : (gender == .female ? .male : nil)
            selected = 0
        case .filterType, .filterErase, .filterClear:
            PickerFilter.apply(command, to: &filter, selected: &selected)
        case .accept:
            guard let voice = shown[safe: selected] else {
                return .status(StatusMessage(context.language(.noVoiceMatchesFilter, ["filter": filter]), .warning))
            }
            var reply = choose(&editing, voice: voice.id, emotion: nil, line: line, language: context.language)
            reply.dialog = .close
            return reply
        default: return .none
        }
        return .show(.audio(.voicePicker(line: line, filter: filter, gender: gender, selected: selected)))
    }

    /// A command while the emotion picker is open.
    private static func emotionPicker(_ form: inout FormState, _ command: Command, line: Int, selected: Int) -> Reply {
        let voice = VoiceCatalog.voice(id: form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID)
        let emotions = voice?.emotions ?? []
        switch command {
        case .close: return .close
        case .move(let move):
            return .show(.audio(.emotionPicker(line: line, selected: ListNavigation.select(selected, move, count: emotions.count))))
        case .accept:
            guard let emotion = emotions[safe: selected] else { return .close }
            VoiceRules.setEmotion(emotion.id, line: line, in: &form)
            return Reply(effects: [.saveDraft(form)], dialog: .close)
        default: return .none
        }
    }

    /// A command while the voice explorer is open.
    private static func explorer(_ editing: inout FormEditing, _ command: Command, line: Int, row: Int, column: Int,
                                 context: ScreenContext) -> Reply {
        switch command {
        case .close: return .close
        case .move(let move):
            var (row, column) = (row, column)
            switch move {
            case .left, .right: column = ListNavigation.select(column, move, count: VoiceCatalog.emotionIDs.count)
            case .home: column = 0 // rows have ↑↓ PgUp PgDn; Home/End go across the emotions
            case .end: column = VoiceCatalog.emotionIDs.count - 1
            case .up, .down, .pageUp, .pageDown: row = ListNavigation.select(row, move, count: VoiceCatalog.voices.count)
            }
            return .show(.audio(.explorer(line: line, row: row, column: column)))
        case .accept:
            let voice = VoiceCatalog.voices[row]
            let emotion = VoiceCatalog.emotionIDs[column]
            guard voice.supports(emotion: emotion) else {
                return .status(StatusMessage(context.language(.voiceDoesNotOffer, [
                    "voice": "\(voice.id) \(voice.name)",
                    "emotion": VoiceCatalog.emotionName(emotion, russian: context.language == .ru)!,
                ]), .warning))
            }
            var reply = choose(&editing, voice: voice.id, emotion: emotion, line: line, language: context.language)
            reply.dialog = .close
            return reply
        default: return .none
        }
    }

    /// Sets a voice (and optionally an emotion) on a leg, switching it to TTS.
    static func choose(_ editing: inout FormEditing, voice: Int, emotion: Int?, line: Int, language: UILanguage) -> Reply {
        editing.form.clearRaw(at: FieldID.audioKind(line: line).path)
        editing.form.lines[line].audio.kind = .tts
        var message = VoiceRules.setVoice(voice, line: line, in: &editing.form, language: language)
        if let emotion {
            VoiceRules.setEmotion(emotion, line: line, in: &editing.form)
            message = nil
        }
        let chosen = VoiceCatalog.voice(id: voice)!
        let emotionID = editing.form.lines[line].audio.tts.emotion ?? chosen.defaultEmotion
        let status = message ?? StatusMessage(language(.voiceChosen, [
            "line": "\(line + 1)", "voice": "\(chosen.id) \(chosen.name)",
            "emotion": "\(emotionID) \(VoiceRules.emotionName(chosen, emotionID, language))",
        ]), .success)
        editing.setFocus(.ttsVoice(line: line))
        return Reply(effects: [.saveDraft(editing.form)], status: status)
    }

    /// Left/Right step volume by 1 (PgUp/PgDn by 10) and speed by 0.1, within their ranges.
    static func step(_ editing: inout FormEditing, by steps: Int) -> Reply? {
        let delta = Double(steps)
        let field = editing.fields.focus
        let text: String
        switch field {
        case .ttsVolume:
            let current = Int64(editing.form.text(of: field)) ?? Rules.defaultVolume
            let next = min(max(current + Int64(delta), Rules.volume.lowerBound), Rules.volume.upperBound)
            text = String(next)
        case .ttsSpeed:
            let current = Double(FormState.decimalPoint(editing.form.text(of: field))) ?? Rules.defaultSpeed
            var next = ((current + delta * Rules.speedStep) * 10).rounded() / 10
            next = min(max(next, Rules.speed.lowerBound), Rules.speed.upperBound)
            text = CanonicalJSON.number(next)
        default: return nil
        }
        editing.form.setText(text, of: field)
        editing.fields.editor = LineEditor(text)
        return .effects([.saveDraft(editing.form)])
    }

    /// Up/Down inside wrapped TTS text; nil when the cursor is on the first/last row (focus moves on).
    static func moveInText(_ fields: inout FieldsState, up: Bool, width: Int) -> Reply? {
        guard case .ttsText = fields.focus else { return nil }
        let wrapped = WrappedText(fields.editor.text, width: width)
        let row = wrapped.row(of: fields.editor.cursor)
        let target = up ? row - 1 : row + 1
        guard wrapped.rows.indices.contains(target) else { return nil }
        let column = fields.editor.cursor - wrapped.rows[row].lowerBound
        fields.editor = LineEditor(fields.editor.text, cursor: wrapped.cursor(row: target, column: column))
        return Reply.none
    }
}
