import FoundationEssentials
import Glibc
import ProcessEnvironment

/// Where the call log lives: `--db`, else `EXOCALL_DB`, else the config's `db`,
/// else `$XDG_DATA_HOME/exocall/calls.sqlite` (`~/.local/share/exocall/calls.sqlite`).
/// Each is a SQLite path or a `postgresql://` URL.
public enum CallLogLocation {
    /// The location to use. `configured` (the config's `db`) is asked for only when
    /// neither the flag nor the environment decides, so a config is read only when it matters.
    public static func resolve(flag: String?, configured: () throws -> String?,
                               environment: [String: String] = ProcessEnvironment.variables) rethrows -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["EXOCALL_DB"], !env.isEmpty { return env }
        if let configured = try configured(), !configured.isEmpty { return configured }
        return dataDirectory(environment: environment) + "/calls.sqlite"
    }

    /// `$XDG_DATA_HOME/exocall` or `~/.local/share/exocall`.
    public static func dataDirectory(environment: [String: String] = ProcessEnvironment.variables) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/exocall" }
        let home = ProcessEnvironment.home(environment)
        return home + "/.local/share/exocall"
    }
}
