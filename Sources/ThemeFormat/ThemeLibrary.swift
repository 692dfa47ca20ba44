import FoundationEssentials
import Glibc
import ProcessEnvironment
import SafeTOML
import Localization

/// Where a theme comes from.
public enum ThemeOrigin: String, Sendable {
    /// Built into exocall (from the repository's `themes/`).
    case bundled
    /// The operator's `$XDG_CONFIG_HOME/exocall/themes/`.
    case user
    /// A file named with `--theme PATH`.
    case file
}

/// A theme available by name.
public struct ThemeEntry: Sendable {
    /// Its name.
    public var name: String
    /// Where it comes from.
    public var origin: ThemeOrigin
    /// Its file (or `bundled:NAME`).
    public var location: String
    /// Its text.
    public var text: String
}

/// The themes exocall knows: bundled ones, overridden by user themes of the
/// same name. Resolves inheritance and refuses a theme with any problem, so
/// nothing starts half-themed.
public struct ThemeLibrary: Sendable {
    /// Every theme by name.
    public private(set) var entries: [String: ThemeEntry] = [:]
    /// The bundled themes' files, by name.
    private let bundled: [String: String]
    /// A bundled theme as resolved when exocall was built (Theming's `BundledThemes`),
    /// so a start does not parse its text again (about 0.7 ms of a first frame, issue #32).
    private let prebuilt: (@Sendable (String) -> Theme?)?

    /// The `bundled` themes (their files, by name) plus the user's, from `userFolder` if it
    /// exists. `prebuilt` gives a bundled theme already resolved from its file, or nil.
    public init(bundled: [String: String], prebuilt: (@Sendable (String) -> Theme?)? = nil, userFolder: String?) {
        self.bundled = bundled
        self.prebuilt = prebuilt
        for (name, text) in bundled {
            entries[name] = ThemeEntry(name: name, origin: .bundled, location: "bundled:\(name).toml", text: text)
        }
        // Most operators have no themes folder: asking the kernel first spares the start
        // FileManager's first use (a quarter of a millisecond, issue #32).
        guard let userFolder, access(userFolder, F_OK) == 0,
              let names = try? FileManager.default.contentsOfDirectory(atPath: userFolder) else { return }
        for file in names.sorted() where file.hasSuffix(".toml") {
            let path = userFolder + "/" + file
            guard let text = (try? TOMLFile.read(path)) ?? nil else { continue }
            let name = String(file.dropLast(5))
            entries[name] = ThemeEntry(name: name, origin: .user, location: path, text: text)
        }
    }

    /// Adds a theme file by path (`--theme PATH`), under its file name.
    public mutating func add(path: String) {
        guard let text = (try? TOMLFile.read(path)) ?? nil else { return }
        let name = FilePath.deletingExtension(FilePath.lastComponent(of: path))
        entries[name] = ThemeEntry(name: name, origin: .file, location: path, text: text)
    }

    /// `$XDG_CONFIG_HOME/exocall/themes` or `~/.config/exocall/themes`.
    public static func userFolder(environment: [String: String] = ProcessEnvironment.variables) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/exocall/themes" }
        return ProcessEnvironment.home(environment) + "/.config/exocall/themes"
    }

    /// The theme's names, sorted, `default` first.
    public var names: [String] { entries.keys.sorted { ($0 == "default" ? "" : $0) < ($1 == "default" ? "" : $1) } }

    /// Loads a theme by name, or from a file path (anything with a `/` or ending in `.toml`).
    public func load(_ nameOrPath: String) -> Result<Theme, ThemeProblems> {
        var library = self
        var name = nameOrPath
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let text: String
            do {
                guard let read = try TOMLFile.read(nameOrPath) else {
                    return .failure(ThemeProblems([ThemeProblem(file: nameOrPath, key: "", line: nil, text: .phrase(.themeCannotRead))]))
                }
                text = read
            } catch {
                return .failure(ThemeProblems([ThemeProblem(file: nameOrPath, key: "", line: nil, text: error.text)]))
            }
            name = FilePath.deletingExtension(FilePath.lastComponent(of: nameOrPath))
            library.entries["file:" + name] = ThemeEntry(name: name, origin: .file, location: nameOrPath, text: text)
            return library.resolve(key: "file:" + name, chain: [])
        }
        guard entries[name] != nil else {
            return .failure(ThemeProblems([ThemeProblem(file: name, key: "", line: nil, text: .phrase(.themeNoSuchTheme, ["names": .verbatim(names.joined(separator: ", "))]))]))
        }
        return library.resolve(key: name, chain: [])
    }

    private func resolve(key: String, chain: [String]) -> Result<Theme, ThemeProblems> {
        guard let entry = entries[key] else {
            return .failure(ThemeProblems([ThemeProblem(file: chain.last ?? key, key: "inherits", line: nil, text: .phrase(.themeInheritsNothing, ["name": .verbatim(key)]))]))
        }
        if entry.origin == .bundled, let theme = prebuilt?(entry.name) { return .success(theme) }
        let file: ThemeFile
        switch ThemeFile.parse(entry.text, name: entry.name, source: entry.location) {
        case .failure(let problems): return .failure(problems)
        case .success(let parsed): file = parsed
        }
        var looks: [Role: RoleLook] = [:]
        if var parent = file.inherits {
            if parent == entry.name && entry.origin == .user { parent = "bundled:" + parent } // a user "default" may build on the bundled one
            if chain.contains(parent) || parent == key {
                return .failure(ThemeProblems([ThemeProblem(file: entry.location, key: "inherits", line: nil,
                                                            text: .phrase(.themeInheritanceLoop, ["chain": .verbatim((chain + [key, parent]).joined(separator: " → "))]))]))
            }
            var lookup = self
            if parent.hasPrefix("bundled:"), let text = bundled[String(parent.dropFirst(8))] {
                lookup.entries[parent] = ThemeEntry(name: String(parent.dropFirst(8)), origin: .bundled, location: parent + ".toml", text: text)
            }
            switch lookup.resolve(key: parent, chain: chain + [key]) {
            case .failure(let problems): return .failure(problems)
            case .success(let base): looks = base.looks
            }
        }
        for (role, look) in file.roles { looks[role] = look.over(looks[role]) }
        var problems: [ThemeProblem] = []
        for role in Role.allCases {
            let look = looks[role]
            if look?.fg == nil || look?.bg == nil || look?.attributes == nil {
                problems.append(ThemeProblem(file: entry.location, key: "roles.\(role.rawValue)", line: nil,
                                             text: .phrase(.themeRoleMissing)))
            }
        }
        if !problems.isEmpty { return .failure(ThemeProblems(problems)) }
        return .success(Theme(name: entry.name, title: file.title ?? entry.name, looks: looks))
    }
}
