/// The language of exocall's human-facing text. Machine output (`--json`, exit
/// codes, JSON paths, the API's field names) never changes with it.
public enum UILanguage: String, CaseIterable, Sendable, Codable {
    /// English, the default.
    case en
    /// Russian.
    case ru

    /// The language's own name, as a picker shows it.
    public var nativeName: String {
        switch self {
        case .en: return "English"
        case .ru: return "Русский"
        }
    }

    /// A value of `--lang` or `ui_language` ("ru", "en", case-insensitive), nil if unknown.
    public init?(code: String) {
        switch code.lowercased() {
        case "en": self = .en
        case "ru": self = .ru
        default: return nil
        }
    }

    /// The one rule for which language is used: `--lang`, then the config's
    /// `ui_language`, then the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
    /// not empty, read from its value (`ru_RU.UTF-8`, `ru`: Russian), so it works where
    /// the `ru_RU` locale is not generated. Anything else is English.
    public static func resolve(flag: UILanguage?, configured: UILanguage?, environment: [String: String]) -> UILanguage {
        if let flag { return flag }
        if let configured { return configured }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return fromLocale(value)
        }
        return .en
    }

    /// The language a locale name speaks: `ru`, `ru_RU`, `ru_RU.UTF-8`, `ru_UA@…` are Russian.
    public static func fromLocale(_ value: String) -> UILanguage {
        let code = value.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }
        return code.lowercased() == "ru" ? .ru : .en
    }
}
