/// How long something took, as an operator reads it: milliseconds under a second
/// (`412 ms`), seconds with a tenth above (`30.0 s`, never `30008 ms`).
public enum Elapsed {
    /// `milliseconds` in `language`.
    public static func text(milliseconds: Int, in language: UILanguage) -> String {
        guard milliseconds >= 1000 else { return language(.outcomeMilliseconds, ["ms": "\(milliseconds)"]) }
        let tenths = milliseconds / 100 + (milliseconds % 100 >= 50 ? 1 : 0) // no overflow at Int.max (a planted row)
        return language(.outcomeSeconds, ["seconds": "\(tenths / 10).\(tenths % 10)"])
    }
}
