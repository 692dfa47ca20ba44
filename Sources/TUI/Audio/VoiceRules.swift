import CallbackCore
import Localization

/// What changing a leg's voice does to its emotion, in one place for the
/// choice field, the voice picker and the voice explorer: a supported emotion
/// is kept; one the new voice lacks becomes that voice's default, and the
/// operator is told.
enum VoiceRules {
    /// Sets `voice` on `line` and returns the status message to show, if any.
    static func setVoice(_ voice: Int?, line: Int, in form: inout FormState, language: UILanguage = .en) -> StatusMessage? {
        form.clearRaw(at: FieldID.ttsVoice(line: line).path)
        var tts = form.lines[line].audio.tts
        defer { form.lines[line].audio.tts = tts }
        tts.voice = voice
        guard let chosen = VoiceCatalog.voice(id: voice ?? VoiceCatalog.defaultVoiceID) else { return nil }
        // The emotion the operator chose comes back with a voice that has it.
        if let preferred = tts.preferredEmotion, chosen.supports(emotion: preferred) {
            tts.emotion = preferred
            tts.preferredEmotion = nil
            return StatusMessage(language(.voiceEmotionBack, ["voice": "\(chosen.id) \(chosen.name)",
                                                              "emotion": "\(preferred) \(emotionName(chosen, preferred, language))"]), .info)
        }
        guard let emotion = tts.emotion, !chosen.supports(emotion: emotion) else { return nil }
        let old = VoiceCatalog.emotionName(emotion, russian: language == .ru) ?? String(emotion)
        let new = emotionName(chosen, chosen.defaultEmotion, language)
        if tts.preferredEmotion == nil { tts.preferredEmotion = emotion }
        tts.emotion = chosen.defaultEmotion
        return StatusMessage(language(.voiceLacksEmotion, ["voice": "\(chosen.id) \(chosen.name)", "old": old,
                                                           "new": "\(chosen.defaultEmotion) \(new)"]), .warning)
    }

    /// `voice`'s own name for emotion `id` in `language` (voice 1's 2: kind, «добрая»).
    static func emotionName(_ voice: Voice, _ id: Int, _ language: UILanguage) -> String {
        VoiceCatalog.label(of: voice, emotion: id, russian: language == .ru) ?? ""
    }

    /// The operator chose an emotion (or the default): it is the one to keep.
    static func setEmotion(_ emotion: Int?, line: Int, in form: inout FormState) {
        form.clearRaw(at: FieldID.ttsEmotion(line: line).path)
        form.lines[line].audio.tts.emotion = emotion
        form.lines[line].audio.tts.preferredEmotion = nil
    }

    /// How long `text` takes to say at `speed`, in seconds: an estimate from a
    /// typical Russian TTS rate of about 14 characters a second at speed 1.0.
    static func estimatedSeconds(_ text: String, speed: Double) -> Double { Rules.estimatedSpeechSeconds(text, speed: speed) }
}
