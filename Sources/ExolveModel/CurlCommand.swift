import CallbackCore
import FoundationEssentials

/// A ready `curl` command for a request: the same endpoint and body exocall
/// would send, with the key as a shell variable (`$EXOLVE_API_KEY`), never the key.
public enum CurlCommand {
    /// The command, one option per line.
    /// Everything it prints is quoted for the shell; a variable name that is not a
    /// plain name (`[A-Za-z_][A-Za-z0-9_]*`, refused by the config reader too) falls
    /// back to the default variable rather than reach the shell.
    public static func make(endpoint: Endpoint, keyVariable: String, body: String) -> String {
        let keyVariable = APIKey.isVariableName(keyVariable) ? keyVariable : APIKey.environmentVariable
        return [
            "curl -sS -X POST " + quote(endpoint.makeCallbackURL.absoluteString) + " \\",
            "  -H \"Authorization: Bearer $\(keyVariable)\" \\",
            "  -H 'Content-Type: application/json' \\",
            "  --data-binary " + quote(body),
        ].joined(separator: "\n")
    }

    /// `text` in single quotes for a POSIX shell (a quote becomes '\'').
    public static func quote(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
