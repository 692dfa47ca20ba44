import CallbackCore

/// A ready `curl` command for a request: the same endpoint and body exocall
/// would send, with the key as a shell variable (`$EXOLVE_API_KEY`), never the key.
public enum CurlCommand {
    /// The command, one option per line.
    public static func make(endpoint: Endpoint, keyVariable: String, body: String) -> String {
        [
            "curl -sS -X POST " + quote(endpoint.makeCallbackURL.absoluteString) + " \\",
            "  -H \"Authorization: Bearer $\(keyVariable)\" \\",
            "  -H 'Content-Type: application/json' \\",
            "  --data-binary " + quote(body),
        ].joined(separator: "\n")
    }

    /// `text` in single quotes for a POSIX shell (a quote becomes '\'').
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
