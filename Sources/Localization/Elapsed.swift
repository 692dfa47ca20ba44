/// How long something took, as an operator reads it: milliseconds under a second
/// (`412 ms`), seconds with a tenth above (`30.0 s`, never `30008 ms`).
public enum Elapsed {
    /// `milliseconds` in `language`.
    public static func text(milliseconds: Int, in language: UILanguage) -> String {
        guard milliseconds >= 1000 else { return language(.outcomeMilliseconds, ["ms": "\(milliseconds)"]) }
        let tenths = milliseconds / 100 + (milliseconds % 100 >= 50 ? 1 : 0) // no overflow at Int.max (a planted row)
        return language(.outcomeSeconds, ["seconds": "\(tenths / 10).\(tenths % 10)"])
    }

    /// `value` with one decimal (`3.8`, `0.0`, `12.5`), halves rounded away from zero: what
    /// `String(format: "%.1f")` shows, without Foundation's formatter (whose first use cost
    /// the first frame a third of a millisecond, issue #32).
    public static func tenths(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value.description }
        let scaled = Int64((abs(value) * 10).rounded())
        return (value < 0 && scaled != 0 ? "-" : "") + String(scaled / 10) + "." + String(scaled % 10)
    }
}
