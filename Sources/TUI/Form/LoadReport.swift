import CallbackCore
import Localization

/// What a load says: the same counts `exocall validate` gives, and what was kept as written.
public enum LoadReport {
    /// `valid`, or `2 errors, 1 warning (F4 lists them)`, plus what the fields could not say as written.
    public static func summary(_ validation: ValidationResult, kept: [String], language: UILanguage = .en) -> String {
        let errors = validation.errors.count, warnings = validation.warnings.count
        let counts = ["errors": "\(errors)", "warnings": "\(warnings)"]
        let text: String
        switch (errors > 0, warnings > 0) {
        case (false, false): text = language(.loadValid)
        case (true, false): text = language(.loadErrors, counts)
        case (false, true): text = language(.loadWarnings, counts)
        case (true, true): text = language(.loadBoth, counts)
        }
        guard !kept.isEmpty else { return text }
        let list = kept.map { $0.isEmpty ? language(.loadWholeDocument) : $0 }.joined(separator: ", ")
        return language(.loadKept, ["summary": text, "list": list])
    }
}
