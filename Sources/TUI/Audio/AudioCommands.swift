import CallbackCore
import Localization
import Foundation

/// The voice picker, emotion picker and voice explorer, and the audio fields'
/// own keys (stepping volume and speed, moving through wrapped TTS text).
enum AudioCommands {
    /// The voices a picker shows for a filter text and gender.
    static func voices(matching filter: String, gender: Gender?) -> [Voice] {
        func fold(_ text: String) -> String { text.lowercased().replacingOccurrences(of: "ё", with: "е") }
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
    static func line(for state: AppState) -> Int { state.fields.focus.line ?? 0 }

    static func openVoicePicker(_ state: inout AppState, line: Int) {
        let current = state.form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID
        let index = VoiceCatalog.voices.firstIndex { $0.id == current } ?? 0
        state.dialog = .voicePicker(line: line, filter: "", gender: nil, selected: index)
    }

    static func openEmotionPicker(_ state: inout AppState, line: Int) {
        let tts = state.form.lines[line].audio.tts
        let voice = VoiceCatalog.voice(id: tts.voice ?? VoiceCatalog.defaultVoiceID)
        let current = tts.emotion ?? voice?.defaultEmotion
        let index = voice?.emotions.firstIndex { $0.id == current } ?? 0
        state.dialog = .emotionPicker(line: line, selected: index)
    }

    static func openExplorer(_ state: inout AppState) {
        let line = line(for: state)
        let tts = state.form.lines[line].audio.tts
        let voiceID = tts.voice ?? VoiceCatalog.defaultVoiceID
        let row = VoiceCatalog.voices.firstIndex { $0.id == voiceID } ?? 0
        let emotion = tts.emotion ?? VoiceCatalog.voice(id: voiceID)?.defaultEmotion ?? 1
        let column = VoiceCatalog.emotionIDs.firstIndex(of: emotion) ?? 0
        state.dialog = .voiceExplorer(line: line, row: row, column: column)
    }

    /// A command while the voice picker is open.
    static func voicePicker(_ command: Command, key: Key, line: Int, filter: String, gender: Gender?, selected: Int,
                            in state: inout AppState) -> [Effect] {
        var (filter, gender, selected) = (filter, gender, selected)
        let shown = voices(matching: filter, gender: gender)
        switch command {
        case .close: state.dialog = nil; return []
        case .move: selected = ListNavigation.select(selected, ListMove(key) ?? .down, count: shown.count)
        case .cycleGender:
            gender = gender == nil ? .female : (gender == .female ? .male : nil)
            selected = 0
        case .filterType, .filterErase, .filterClear:
            PickerFilter.apply(command, key: key, to: &filter, selected: &selected)
        case .accept:
            guard let voice = shown[safe: selected] else {
                state.status = StatusMessage(state.language(.noVoiceMatchesFilter, ["filter": filter]), .warning)
                return []
            }
            state.dialog = nil
            return choose(&state, voice: voice.id, emotion: nil, line: line)
        default: return []
        }
        state.dialog = .voicePicker(line: line, filter: filter, gender: gender, selected: selected)
        return []
    }

    /// A command while the emotion picker is open.
    static func emotionPicker(_ command: Command, key: Key, line: Int, selected: Int, in state: inout AppState) -> [Effect] {
        let voice = VoiceCatalog.voice(id: state.form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID)
        let emotions = voice?.emotions ?? []
        switch command {
        case .close: state.dialog = nil
        case .move:
            state.dialog = .emotionPicker(line: line, selected: ListNavigation.select(selected, ListMove(key) ?? .down, count: emotions.count))
        case .accept:
            state.dialog = nil
            guard let emotion = emotions[safe: selected] else { return [] }
            VoiceRules.setEmotion(emotion.id, line: line, in: &state.form)
            return [.saveDraft(state.form)]
        default: break
        }
        return []
    }

    /// A command while the voice explorer is open.
    static func explorer(_ command: Command, key: Key, line: Int, row: Int, column: Int, in state: inout AppState) -> [Effect] {
        switch command {
        case .close: state.dialog = nil
        case .move:
            var (row, column) = (row, column)
            switch ListMove(key) {
            case .left?, .right?: column = ListNavigation.select(column, ListMove(key)!, count: VoiceCatalog.emotionIDs.count)
            case .home?: column = 0 // rows have ↑↓ PgUp PgDn; Home/End go across the emotions
            case .end?: column = VoiceCatalog.emotionIDs.count - 1
            case let move?: row = ListNavigation.select(row, move, count: VoiceCatalog.voices.count)
            case nil: break
            }
            state.dialog = .voiceExplorer(line: line, row: row, column: column)
        case .accept:
            let voice = VoiceCatalog.voices[row]
            let emotion = VoiceCatalog.emotionIDs[column]
            guard voice.supports(emotion: emotion) else {
                state.status = StatusMessage(state.language(.voiceDoesNotOffer, [
                    "voice": "\(voice.id) \(voice.name)",
                    "emotion": VoiceCatalog.emotionName(emotion, russian: state.language == .ru)!,
                ]), .warning)
                return []
            }
            state.dialog = nil
            return choose(&state, voice: voice.id, emotion: emotion, line: line)
        default: break
        }
        return []
    }

    /// Sets a voice (and optionally an emotion) on a leg, switching it to TTS.
    static func choose(_ state: inout AppState, voice: Int, emotion: Int?, line: Int) -> [Effect] {
        state.form.clearRaw(at: FieldID.audioKind(line: line).path)
        state.form.lines[line].audio.kind = .tts
        var message = VoiceRules.setVoice(voice, line: line, in: &state.form, language: state.language)
        if let emotion {
            VoiceRules.setEmotion(emotion, line: line, in: &state.form)
            message = nil
        }
        let chosen = VoiceCatalog.voice(id: voice)!
        let emotionID = state.form.lines[line].audio.tts.emotion ?? chosen.defaultEmotion
        state.status = message ?? StatusMessage(state.language(.voiceChosen, [
            "line": "\(line + 1)", "voice": "\(chosen.id) \(chosen.name)",
            "emotion": "\(emotionID) \(VoiceRules.emotionName(chosen, emotionID, state.language))",
        ]), .success)
        state.setFocus(.ttsVoice(line: line))
        return [.saveDraft(state.form)]
    }

    /// Left/Right step volume by 1 (PgUp/PgDn by 10) and speed by 0.1, within their ranges.
    static func step(_ state: inout AppState, _ key: Key) -> [Effect]? {
        let delta: Double
        switch key {
        case .right: delta = 1
        case .left: delta = -1
        case .pageUp: delta = 10
        case .pageDown: delta = -10
        default: return nil
        }
        let field = state.fields.focus
        let text: String
        switch field {
        case .ttsVolume:
            let current = Int64(state.form.text(of: field)) ?? Rules.defaultVolume
            let next = min(max(current + Int64(delta), Rules.volume.lowerBound), Rules.volume.upperBound)
            text = String(next)
        case .ttsSpeed:
            let current = Double(state.form.text(of: field).replacingOccurrences(of: ",", with: ".")) ?? Rules.defaultSpeed
            var next = ((current + delta * Rules.speedStep) * 10).rounded() / 10
            next = min(max(next, Rules.speed.lowerBound), Rules.speed.upperBound)
            text = CanonicalJSON.number(next)
        default: return nil
        }
        state.form.setText(text, of: field)
        state.fields.editor = LineEditor(text)
        return [.saveDraft(state.form)]
    }

    /// Up/Down inside wrapped TTS text; nil when the cursor is on the first/last row (focus moves on).
    static func moveInText(_ state: inout AppState, _ key: Key, width: Int) -> [Effect]? {
        guard case .ttsText = state.fields.focus, key == .up || key == .down else { return nil }
        let wrapped = WrappedText(state.fields.editor.text, width: width)
        let row = wrapped.row(of: state.fields.editor.cursor)
        let target = key == .up ? row - 1 : row + 1
        guard wrapped.rows.indices.contains(target) else { return nil }
        let column = state.fields.editor.cursor - wrapped.rows[row].lowerBound
        state.fields.editor = LineEditor(state.fields.editor.text, cursor: wrapped.cursor(row: target, column: column))
        return []
    }
}
