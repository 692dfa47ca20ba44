import CallbackCore
import Localization

/// The voice picker, the emotion picker and the voice explorer.
enum AudioPickerViews {
    static func voicePicker(line: Int, filter: String, gender: Gender?, selected: Int, state: AppState,
                            on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let voices = AudioCommands.voices(matching: filter, gender: gender)
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 74), height: min(size.height - 2, VoiceCatalog.voices.count + 5), in: size)
        let say = state.language
        DialogView.frame(rect, title: say(.voicePickerTitle, ["line": "\(line + 1)"]), on: &canvas)
        let inner = rect.inset(1)
        let genderText = say(gender.map { $0 == .female ? .genderFemale : .genderMale } ?? .genderAll)
        let filterLabel = say(.voiceFilter)
        canvas.put(filterLabel, x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface))
        let filterX = inner.x + 1 + DisplayWidth.of(filterLabel)
        canvas.put(filter, x: filterX, y: inner.y, style: Style(.text, on: .selection))
        let genderShown = say(.voiceGender, ["gender": genderText])
        canvas.put(genderShown, x: inner.maxX - max(16, DisplayWidth.of(genderShown) + 2), y: inner.y, style: Style(.accent, on: .surface))
        let current = state.form.lines[line].audio.tts.voice ?? VoiceCatalog.defaultVoiceID
        if voices.isEmpty {
            canvas.put(say(.noVoiceMatches), x: inner.x + 1, y: inner.y + 2, style: Style(.warning, on: .surface))
        }
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        ListView.draw(count: voices.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            let voice = voices[index]
            var x = inner.x + 1
            x += canvas.put(voice.id == current ? "●" : " ", x: x, y: y, style: Style(.accent, on: background))
            x += canvas.put(String(voice.id).leftPadding(3) + "  ", x: x, y: y, style: Style(.muted, on: background))
            x += canvas.put((voice.name + " (" + voice.latin + ")").fitted(24), x: x, y: y, style: Style(.text, on: background, bold: chosen))
            x += canvas.put(VoiceCatalog.genderMark(voice.gender, russian: say == .ru) + "  ", x: x, y: y, style: Style(.muted, on: background))
            let emotions = voice.emotions.map { VoiceRules.emotionName(voice, $0.id, say) + ($0.id == voice.defaultEmotion ? "*" : "") }
                .joined(separator: ", ")
            canvas.put(emotions, x: x, y: y, style: Style(.text, on: background), maxWidth: inner.maxX - x - 1)
        }
        return (filterX + DisplayWidth.of(filter), inner.y)
    }

    static func emotionPicker(line: Int, selected: Int, state: AppState, on canvas: inout TextCanvas) {
        let tts = state.form.lines[line].audio.tts
        let voice = VoiceCatalog.voice(id: tts.voice ?? VoiceCatalog.defaultVoiceID)
        let emotions = voice?.emotions ?? []
        let rect = DialogView.centered(width: min(state.size.width - 4, 56), height: emotions.count + 4, in: state.size)
        let say = state.language
        let title = voice.map { say(.emotionsOf, ["voice": "\($0.id) \($0.name) (\($0.latin))"]) } ?? say(.emotionsTitle)
        DialogView.frame(rect, title: title, on: &canvas)
        let inner = rect.inset(1)
        canvas.put(say(.emotionsOnly), x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface))
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        ListView.draw(count: emotions.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            let emotion = emotions[index]
            let mark = emotion.id == voice?.defaultEmotion ? " *" : ""
            canvas.put("\(emotion.id)  \(voice.map { VoiceRules.emotionName($0, emotion.id, say) } ?? emotion.label)\(mark)", x: inner.x + 2, y: y, style: Style(.text, on: background, bold: chosen))
        }
    }

    static func explorer(line: Int, row: Int, column: Int, state: AppState, on canvas: inout TextCanvas) {
        let voices = VoiceCatalog.voices
        let emotions = VoiceCatalog.emotionIDs
        // The grid fits the terminal: at full size each cell reads "◆ default";
        // narrower, the name column and the cells shrink to bare marks (the legend explains them).
        // 13 columns a cell when there is room: the longest emotion name ("раздражённая") whole.
        let width = min(state.size.width - 2, 30 + 13 * emotions.count + 4)
        let nameWidth = width >= 100 ? 30 : 26
        let cell = max(6, min(13, (width - nameWidth - 4) / emotions.count))
        let wide = cell >= 11
        let rect = DialogView.centered(width: width, height: min(state.size.height - 2, voices.count + 6), in: state.size)
        let say = state.language
        DialogView.frame(rect, title: say(.explorerTitle, ["line": "\(line + 1)"]), on: &canvas)
        let inner = rect.inset(1)
        var x = inner.x + 1 + nameWidth
        for id in emotions {
            let name = VoiceCatalog.emotionName(id, russian: say == .ru)!
            // A name wider than its cell ends in "…" (the canvas marks it), never a bare cut.
            canvas.put(name, x: x, y: inner.y, style: Style(.primary, on: .surface, bold: true), maxWidth: cell - 1)
            x += cell
        }
        let tts = state.form.lines[line].audio.tts
        let currentVoice = tts.voice ?? VoiceCatalog.defaultVoiceID
        let currentEmotion = tts.emotion ?? VoiceCatalog.voice(id: currentVoice)?.defaultEmotion
        let height = inner.height - 3
        let top = max(0, row - height + 1)
        for (index, voice) in voices.enumerated().dropFirst(top).prefix(height) {
            let y = inner.y + 1 + index - top
            let label = "\(String(voice.id).leftPadding(2)) \(voice.name) (\(voice.latin)) \(VoiceCatalog.genderMark(voice.gender, russian: say == .ru))"
            canvas.put(label, x: inner.x + 1, y: y, style: Style(voice.id == currentVoice ? .accent : .text, on: .surface, bold: index == row), maxWidth: nameWidth - 1)
            var cx = inner.x + 1 + nameWidth
            for (columnIndex, id) in emotions.enumerated() {
                let mark: String
                let role: Role
                if voice.defaultEmotion == id { mark = wide ? "◆ " + say(.explorerDefault) : "◆"; role = .success }
                else if voice.supports(emotion: id) {
                    let generic = VoiceCatalog.emotionName(id, russian: say == .ru)
                    let labelled = VoiceCatalog.label(of: voice, emotion: id, russian: say == .ru)
                    let own = labelled == generic ? "" : labelled ?? ""
                    mark = own.isEmpty ? "●" : "● " + own
                    role = .text
                }
                else { mark = "·"; role = .muted }
                let isCursor = index == row && columnIndex == column
                let isCurrent = voice.id == currentVoice && id == currentEmotion
                let background: Role = isCursor ? .selection : .surface
                if isCursor { canvas.fill(Rect(x: cx - 1, y: y, width: cell, height: 1), style: Style(.text, on: .selection)) }
                // The current choice's ✓ always shows: the mark gives way (cut with "…") before it does.
                let used = canvas.put(mark, x: cx, y: y, style: Style(role, on: background, bold: isCursor || isCurrent),
                                      maxWidth: cell - 1 - (isCurrent ? 2 : 0))
                if isCurrent { canvas.put(" ✓", x: cx + used, y: y, style: Style(.success, on: background, bold: true), maxWidth: 2) }
                cx += cell
            }
        }
        let legend = say(.explorerLegend, ["line": "\(line + 1)"])
        canvas.put(legend, x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
    }
}
