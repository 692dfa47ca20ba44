import CallbackCore

/// What changing a leg's voice does to its emotion, in one place for the
/// choice field, the voice picker and the voice explorer: a supported emotion
/// is kept; one the new voice lacks becomes that voice's default, and the
/// operator is told.
enum VoiceRules {
    /// Sets `voice` on `line` and returns the status message to show, if any.
    static func setVoice(_ voice: Int?, line: Int, in form: inout FormState) -> StatusMessage? {
        form.lines[line].audio.tts.voice = voice
        let chosen = VoiceCatalog.voice(id: voice ?? VoiceCatalog.defaultVoiceID)
        guard let chosen, let emotion = form.lines[line].audio.tts.emotion, !chosen.supports(emotion: emotion) else { return nil }
        let old = VoiceCatalog.emotionNames[emotion] ?? String(emotion)
        let new = chosen.label(forEmotion: chosen.defaultEmotion) ?? ""
        form.lines[line].audio.tts.emotion = chosen.defaultEmotion
        return StatusMessage("voice \(chosen.id) \(chosen.name) has no \(old) emotion: set to its default, \(chosen.defaultEmotion) \(new)", .warning)
    }

    /// How long `text` takes to say at `speed`, in seconds: an estimate from a
    /// typical Russian TTS rate of about 14 characters a second at speed 1.0.
    static func estimatedSeconds(_ text: String, speed: Double) -> Double {
        Double(Rules.characterCount(text)) / (14.0 * max(speed, Rules.speed.lowerBound))
    }
}
