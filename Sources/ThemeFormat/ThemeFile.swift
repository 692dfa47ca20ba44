import SafeTOML
import FoundationEssentials
import Glibc
import TOMLKit
import Localization

/// A theme file as written, before inheritance is resolved.
public struct ThemeFile: Equatable, Sendable {
    /// The theme's name (file name without `.toml`).
    public var name: String
    /// Where it came from, for messages.
    public var source: String
    /// `title = "..."`.
    public var title: String?
    /// `inherits = "..."`.
    public var inherits: String?
    /// The roles it sets.
    public var roles: [Role: RoleLook]
}

/// One problem with a theme file: where (file, key, line) and what.
public struct ThemeProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The key (`roles.json_key.fg`), empty for the whole file.
    public var key: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong, to be shown in the operator's language.
    public var text: Localized

    /// A problem whose message comes from the catalog.
    public init(file: String, key: String, line: Int?, text: Localized) {
        self.file = file
        self.key = key
        self.line = line
        self.text = text
    }

    /// What is wrong, in English.
    public var message: String { text.text(.en) }

    /// `file:line: key: message`.
    public var description: String { description(in: .en) }

    /// `file:line: key: message` in `language`.
    public func description(in language: UILanguage) -> String {
        var out = file
        if let line { out += ":\(line)" }
        out += ": "
        if !key.isEmpty { out += "\(key): " }
        return out + text.text(language)
    }
}

/// Every problem found in a theme (and the themes it inherits).
public struct ThemeProblems: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [ThemeProblem]
    /// Wraps problems.
    public init(_ problems: [ThemeProblem]) { self.problems = problems }
    /// One problem per line.
    public var description: String { description(in: .en) }
    /// One problem per line, in `language`.
    public func description(in language: UILanguage) -> String { problems.map { $0.description(in: language) }.joined(separator: "\n") }
}

extension ThemeFile {
    /// Parses a theme file's text. All problems are reported at once.
    ///
    /// ```toml
    /// title = "Solarized dark"
    /// inherits = "default"
    /// [roles]
    /// text = { fg = "#839496", bg = "#002b36" }
    /// error = { fg = "red", attrs = ["bold"] }
    /// ```
    public static func parse(_ text: String, name: String, source: String) -> Result<ThemeFile, ThemeProblems> {
        // The first line naming each key, found in one pass (a scan per problem made a
        // theme with 10,000 unknown roles take 331 s): `key =`, `[roles.key]`, `"key"`.
        // Only a theme with a problem needs it: built on the first problem's line, not at
        // every start (a tenth of a millisecond of the first frame, issue #32).
        lazy var firstLine: [Substring: Int] = {
            var firstLine: [Substring: Int] = [:]
            for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = content.drop { $0 == " " || $0 == "\t" }
                var named: [Substring] = []
                let token = trimmed.prefix { $0 != " " && $0 != "=" }
                if !token.isEmpty, token.count < trimmed.count { named.append(token) }
                if trimmed.hasPrefix("[roles."), let close = trimmed.firstIndex(of: "]") {
                    named.append(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 7)..<close])
                }
                if trimmed.hasPrefix("\""), let close = trimmed.dropFirst().firstIndex(of: "\"") {
                    named.append(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
                }
                for key in named where firstLine[key] == nil { firstLine[key] = index + 1 }
            }
            return firstLine
        }()
        func line(of key: String) -> Int? { firstLine[Substring(key)] }
        let table: TOMLTable
        do {
            table = try SafeTOML.parse(text)
        } catch {
            return .failure(ThemeProblems([ThemeProblem(file: source, key: "", line: error.line, text: .phrase(.cfgNotTOML, ["reason": .verbatim(error.message)]))]))
        }
        var problems: [ThemeProblem] = []
        var file = ThemeFile(name: name, source: source, title: nil, inherits: nil, roles: [:])
        for key in table.keys {
            switch key {
            case "title", "name":
                if let value = table[key]?.string { file.title = value }
                else { problems.append(ThemeProblem(file: source, key: key, line: line(of: key), text: .phrase(.themeMustBeString))) }
            case "inherits":
                if let value = table[key]?.string { file.inherits = value }
                else { problems.append(ThemeProblem(file: source, key: key, line: line(of: key), text: .phrase(.themeNameInQuotes))) }
            case "roles":
                guard let roles = table[key]?.table else {
                    problems.append(ThemeProblem(file: source, key: key, line: line(of: key), text: .phrase(.themeRolesTable)))
                    continue
                }
                for roleName in roles.keys {
                    guard let role = Role(rawValue: roleName) else {
                        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                        problems.append(ThemeProblem(file: source, key: "roles.\(roleName)", line: line(of: roleName),
                                                     text: .phrase(.themeUnknownRole, ["roles": .verbatim(known)])))
                        continue
                    }
                    guard let spec = roles[roleName]?.table else {
                        problems.append(ThemeProblem(file: source, key: "roles.\(roleName)", line: line(of: roleName),
                                                     text: .phrase(.themeRoleShape)))
                        continue
                    }
                    var look = RoleLook()
                    for field in spec.keys {
                        let path = "roles.\(roleName).\(field)"
                        switch field {
                        case "fg", "bg":
                            guard let raw = spec[field]?.string ?? spec[field]?.int.map(String.init) else {
                                problems.append(ThemeProblem(file: source, key: path, line: line(of: roleName), text: .phrase(.themeMustBeColour)))
                                continue
                            }
                            guard let color = ThemeColor(parsing: raw) else {
                                problems.append(ThemeProblem(file: source, key: path, line: line(of: roleName),
                                                             text: .phrase(.themeBadColour, ["value": .verbatim(raw)])))
                                continue
                            }
                            if field == "fg" { look.fg = color } else { look.bg = color }
                        case "attrs":
                            guard let array = spec[field]?.array else {
                                problems.append(ThemeProblem(file: source, key: path, line: line(of: roleName), text: .phrase(.themeAttrsList)))
                                continue
                            }
                            var attributes: Set<TextAttribute> = []
                            for item in array {
                                guard let text = item.string, let attribute = TextAttribute(rawValue: text) else {
                                    let names = TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")
                                    problems.append(ThemeProblem(file: source, key: path, line: line(of: roleName), text: .phrase(.themeUnknownAttribute, ["names": .verbatim(names)])))
                                    continue
                                }
                                attributes.insert(attribute)
                            }
                            look.attributes = attributes
                        default:
                            problems.append(ThemeProblem(file: source, key: path, line: line(of: roleName), text: .phrase(.themeUnknownField)))
                        }
                    }
                    file.roles[role] = look
                }
            default:
                problems.append(ThemeProblem(file: source, key: key, line: line(of: key), text: .phrase(.themeUnknownKey)))
            }
        }
        return problems.isEmpty ? .success(file) : .failure(ThemeProblems(problems.sorted { ($0.line ?? Int.max) < ($1.line ?? Int.max) }))
    }
}
