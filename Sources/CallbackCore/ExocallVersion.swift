/// The version of exocall: `--version`, the User-Agent, and each call log entry.
public enum ExocallVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
