/// The version of exocall, reported by `--version` and in the User-Agent.
enum ExocallVersion {
    static let current = "0.1.0"
}
