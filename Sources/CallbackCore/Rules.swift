/// Every numeric bound and default of the MakeCallback spec, in one place.
/// The validator enforces these; forms and pickers read them to show ranges
/// and step values. Nothing else writes these numbers down.
public enum Rules {
    /// `duration`: max length of the bridged call, seconds.
    public static let duration: ClosedRange<Int64> = 300...3600
    /// `duration` when absent.
    public static let defaultDuration: Int64 = 1800
    /// `line_N.destinations`: how many subscribers a leg may ring.
    public static let destinationsPerLine: ClosedRange<Int> = 1...10
    /// `destinations[].timeout`: max ringing time, seconds.
    public static let timeout: ClosedRange<Int64> = 10...600
    /// `destinations[].timeout` when absent.
    public static let defaultTimeout: Int64 = 30
    /// `tts.text` length, in Unicode characters (code points), as the API counts them.
    public static let ttsText: ClosedRange<Int> = 1...1000
    /// `tts.volume`: gain, -145 quietest, 0 loudest.
    public static let volume: ClosedRange<Int64> = -145...0
    /// `tts.volume` when absent.
    public static let defaultVolume: Int64 = -19
    /// `tts.speed`: 1.0 is normal.
    public static let speed: ClosedRange<Double> = 0.1...3.0
    /// `tts.speed` when absent.
    public static let defaultSpeed: Double = 1.0
    /// The step operators move speed by in forms.
    public static let speedStep: Double = 0.1

    /// How `tts.text` length is counted: Unicode code points, as
    /// protoc-gen-validate's `max_len` does on the server. "Ёж" is 2, "😀" is 1.
    public static func characterCount(_ text: String) -> Int { text.unicodeScalars.count }

    /// How long `text` takes to say at `speed`, in seconds: an estimate from a
    /// typical Russian TTS rate of about 14 characters a second at speed 1.0.
    public static func estimatedSpeechSeconds(_ text: String, speed: Double) -> Double {
        Double(characterCount(text)) / (14.0 * max(speed, Self.speed.lowerBound))
    }
}
