import SafeTOML
import CallbackCore
import FoundationEssentials
import Glibc
import TOMLKit
import ProcessEnvironment
import Localization

private typealias Name = WireSchema.Name

/// A named Exolve application in `config.toml`: where requests go, where its
/// key comes from (never inline), and the defaults its requests start with.
///
/// ```toml
/// default_profile = "shop"
/// [profiles.shop]
/// base_url = "https://api.exolve.ru"
/// api_key_env = "EXOLVE_SHOP_KEY"        # or api_key_file = "~/.config/exocall/shop.key"
/// number_code = 74999999999
/// callback_resource_id = 1221
/// duration = 900
/// [profiles.shop.line_1]
/// display_number = "74990000001"
/// audio = { tts = { text = "Соединяю с клиентом", voice = 15 } }
/// [profiles.shop.line_2]
/// audio = { media_resource_id = 685 }
/// ```
public struct Profile: Equatable, Sendable {
    /// Its name.
    public var name: String
    /// `base_url`.
    public var baseURL: String?
    /// `api_key_env`: the environment variable holding the key.
    public var apiKeyEnv: String?
    /// `api_key_file`: a file holding the key.
    public var apiKeyFile: String?
    /// Request defaults as JSON in the request's own shape (`number_code`,
    /// `line_1.display_number`, `line_2.audio`...), applied to empty fields only.
    public var defaults: JSONValue

    /// The environment variable a curl command should name for the key.
    public var keyVariable: String { apiKeyEnv ?? APIKey.environmentVariable }

    /// Creates a profile.
    public init(name: String, baseURL: String?, apiKeyEnv: String?, apiKeyFile: String?, defaults: JSONValue) {
        self.name = name
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.apiKeyFile = apiKeyFile
        self.defaults = defaults
    }
}

/// A problem in the config file, with where it is.
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
    /// The key path (`profiles.shop.duration`).
    public var key: String
    /// 1-based line, when found.
    public var line: Int?
    /// What is wrong, to be shown in the operator's language.
    public var text: Localized

    /// What is wrong, in English.
    public var message: String { text.text(.en) }

    /// `line L: key: message`.
    public var description: String { description(in: .en) }

    /// `line L: key: message` in `language`.
    public func description(in language: UILanguage) -> String {
        let rest = (key.isEmpty ? "" : "\(key): ") + text.text(language)
        return line.map { language(.cfgLine, ["line": "\($0)", "rest": rest]) } ?? rest
    }

    /// Creates a problem.
    public init(key: String, line: Int?, text: Localized) {
        self.key = key
        self.line = line
        self.text = text
    }
}

/// Reads and checks the profiles part of a config file.
public enum ProfileReader {
    static let topKeys: Set<String> = ["api_key", "api_key_file", "base_url", "theme", "default_profile", "profiles", "repeat_window", "mouse", "db", "operator", "ui_language", "dispositions", "call_history"]
    static let profileKeys: Set<String> = ["base_url", "api_key_env", "api_key_file", Name.numberCode, Name.callbackResourceID,
                                           Name.duration, Name.line1, Name.line2, "api_key"]
    static let lineKeys: Set<String> = [Name.displayNumber, Name.audio]

    /// Every profile in the file's text, and every problem found (unknown keys,
    /// bad values, loose key-file permissions), each with its key and line.
    public static func read(_ text: String, configPath: String, environment: [String: String]) -> (profiles: [Profile], defaultProfile: String?, problems: [ConfigProblem]) {
        // No config file (a first start, the demo): nothing to parse, before the first frame.
        if text.isEmpty { return ([], nil, []) }
        let lines = ConfigLines(text)
        var problems: [ConfigProblem] = []
        func problem(_ key: String, _ text: Localized) { problems.append(ConfigProblem(key: key, line: lines.nearestLine(key), text: text)) }

        let table: TOMLTable
        do {
            table = try SafeTOML.parse(text)
        } catch {
            return ([], nil, [ConfigProblem(key: "", line: error.line, text: .phrase(.cfgNotTOML, ["reason": .verbatim(error.message)]))])
        }
        checkTopLevel(table, configPath: configPath, problem: problem)
        var profiles: [Profile] = []
        if let value = table["profiles"] {
            guard let profilesTable = value.table else {
                problem("profiles", .phrase(.cfgProfilesTables))
                return (profiles, table["default_profile"]?.string, problems)
            }
            for name in profilesTable.keys.sorted() {
                let path = "profiles.\(name)"
                guard let spec = profilesTable[name]?.table else {
                    problem(path, .phrase(.cfgMustBeTable, ["path": .verbatim(path)]))
                    continue
                }
                let profile = readProfile(name, spec, configPath: configPath, problem: problem)
                // Check the defaults by the request rules, as a request with them would be checked.
                problems += checkDefaults(profile).map { var found = $0; found.line = lines.nearestLine($0.key); return found }
                profiles.append(profile)
            }
        }
        let defaultProfile = table["default_profile"]?.string
        if let defaultProfile, !profiles.contains(where: { $0.name == defaultProfile }) {
            problem("default_profile", .phrase(.cfgNoProfile, ["name": .verbatim(defaultProfile), "names": .verbatim(profiles.map(\.name).joined(separator: ", "))]))
        }
        return (profiles, defaultProfile, problems.sorted { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) })
    }

    /// The top-level settings' problems: unknown keys, values of the wrong kind, a bad URL, a loose key file.
    static func checkTopLevel(_ table: TOMLTable, configPath: String, problem: (String, Localized) -> Void) {
        for key in table.keys where !topKeys.contains(key) {
            problem(key, .phrase(.cfgUnknownTop, ["keys": .verbatim(topKeys.sorted().joined(separator: ", "))]))
        }
        for key in ["api_key", "api_key_file", "base_url", "theme", "default_profile"] where table[key] != nil && table[key]?.string == nil {
            problem(key, .phrase(.cfgStringInQuotes))
        }
        if let language = table["ui_language"], language.string.flatMap(UILanguage.init(code:)) == nil {
            problem("ui_language", .phrase(.cfgUILanguage, ["value": language.string.map { .verbatim("\"\($0)\"") } ?? .phrase(.cfgNotAString)]))
        }
        if let base = table["base_url"]?.string, (try? Endpoint(base)) == nil { problem("base_url", .phrase(.cfgBadURL, ["url": .verbatim(base)])) }
        if let file = table["api_key_file"]?.string { checkKeyFile(file, key: "api_key_file", configPath: configPath, problem: problem) }
    }

    /// One `[profiles.NAME]` table as a profile, its problems reported by key.
    static func readProfile(_ name: String, _ spec: TOMLTable, configPath: String, problem: (String, Localized) -> Void) -> Profile {
        let path = "profiles.\(name)"
        var profile = Profile(name: name, baseURL: nil, apiKeyEnv: nil, apiKeyFile: nil, defaults: .object([]))
        var defaults: [JSONValue.Member] = []
        for key in spec.keys.sorted() {
            let keyPath = "\(path).\(key)"
            guard profileKeys.contains(key) else {
                problem(keyPath, .phrase(.cfgUnknownProfileKey, ["keys": .verbatim(profileKeys.subtracting(["api_key"]).sorted().joined(separator: ", "))]))
                continue
            }
            switch key {
            case "api_key":
                problem(keyPath, .phrase(.cfgKeyInline))
            case "base_url":
                guard let text = spec[key]?.string else { problem(keyPath, .phrase(.cfgStringInQuotes)); continue }
                if (try? Endpoint(text)) == nil { problem(keyPath, .phrase(.cfgBadURL, ["url": .verbatim(text)])) }
                profile.baseURL = text
            case "api_key_env":
                guard let text = spec[key]?.string, !text.isEmpty else { problem(keyPath, .phrase(.cfgNameVariable)); continue }
                guard APIKey.isVariableName(text) else {
                    problem(keyPath, .phrase(.cfgPlainVariable, ["value": .verbatim(TerminalText.escaped(text))]))
                    continue
                }
                profile.apiKeyEnv = text
            case "api_key_file":
                guard let text = spec[key]?.string else { problem(keyPath, .phrase(.cfgPathInQuotes)); continue }
                profile.apiKeyFile = text
                checkKeyFile(text, key: keyPath, configPath: configPath, problem: problem)
            case Name.numberCode, Name.callbackResourceID, Name.duration:
                guard let number = spec[key]?.int, number > 0 else { problem(keyPath, .phrase(.cfgPositiveNumber)); continue }
                defaults.append(.init(key, .number(String(number))))
            case Name.line1, Name.line2:
                guard let lineTable = spec[key]?.table else { problem(keyPath, .phrase(.cfgMustBeTable, ["path": .verbatim(keyPath)])); continue }
                defaults.append(.init(key, .object(lineDefaults(lineTable, path: keyPath, problem: problem))))
            default: break
            }
        }
        if profile.apiKeyEnv != nil && profile.apiKeyFile != nil {
            problem("\(path).api_key_file", .phrase(.cfgKeyEnvOrFile))
        }
        profile.defaults = .object(defaults)
        return profile
    }

    /// A profile's `line_1` or `line_2` table as request JSON: `display_number` and `audio`.
    static func lineDefaults(_ lineTable: TOMLTable, path: String, problem: (String, Localized) -> Void) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        for lineKey in lineTable.keys.sorted() {
            let linePath = "\(path).\(lineKey)"
            guard lineKeys.contains(lineKey) else { problem(linePath, .phrase(.cfgUnknownLineKey)); continue }
            if lineKey == "display_number" {
                guard let text = lineTable[lineKey]?.string else { problem(linePath, .phrase(.cfgStringInQuotes)); continue }
                members.append(.init(lineKey, .string(text)))
            } else if let json = lineTable[lineKey].flatMap(jsonValue) {
                members.append(.init(lineKey, json))
            } else {
                problem(linePath, .phrase(.cfgAudioShape))
            }
        }
        return members
    }

    /// A TOML value as JSON (tables keep TOML's key order as sorted; numbers stay numbers).
    static func jsonValue(_ value: TOMLValueConvertible) -> JSONValue? {
        if let table = value.table {
            var members: [JSONValue.Member] = []
            for key in table.keys.sorted() {
                guard let child = table[key], let json = jsonValue(child) else { return nil }
                members.append(.init(key, json))
            }
            return .object(members)
        }
        if let text = value.string { return .string(text) }
        if let number = value.int { return .number(String(number)) }
        if let number = value.double { return .number(CanonicalJSON.number(number)) }
        return nil
    }

    /// Problems of a profile's defaults by the request's own rules (only for the fields it sets).
    static func checkDefaults(_ profile: Profile) -> [ConfigProblem] {
        var probe = JSONValue.object([
            .init(Name.numberCode, .number("1")), .init(Name.callbackResourceID, .number("1")),
            .init(Name.line1, .object([.init(Name.destinations, .array([.object([.init(Name.number, .string("70000000000"))])]))])),
            .init(Name.line2, .object([.init(Name.destinations, .array([.object([.init(Name.number, .string("70000000000"))])]))])),
        ])
        guard case .object(let members) = profile.defaults else { return [] }
        for member in members {
            if case .object(let lineMembers) = member.value {
                for lineMember in lineMembers { try? probe.set(lineMember.value, at: JSONPath([.key(member.key), .key(lineMember.key)])) }
            } else {
                try? probe.set(member.value, at: JSONPath([.key(member.key)]))
            }
        }
        return RequestValidator.validate(probe).problems.map {
            ConfigProblem(key: "profiles.\(profile.name).\($0.path)", line: nil, text: $0.text)
        }
    }

    static func checkKeyFile(_ path: String, key: String, configPath: String, problem: (String, Localized) -> Void) {
        var full = path
        if full.hasPrefix("~/") { full = ProcessEnvironment.home() + full.dropFirst() }
        if !full.hasPrefix("/") { full = FilePath.parent(of: configPath) + "/" + full }
        guard FileManager.default.fileExists(atPath: full) else { return problem(key, .phrase(.cfgKeyFileMissing, ["path": .verbatim(full)])) }
        do {
            try ConfigFile.requirePrivate(full)
        } catch {
            problem(key, .verbatim("\(error)"))
        }
    }
}
