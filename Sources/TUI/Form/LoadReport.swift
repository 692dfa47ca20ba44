import CallbackCore

/// What a load says: the same counts `exocall validate` gives, and what was kept as written.
public enum LoadReport {
    /// `valid`, or `2 errors, 1 warning (F4 lists them)`, plus what the fields could not say as written.
    public static func summary(_ validation: ValidationResult, kept: [String]) -> String {
        let errors = validation.errors.count, warnings = validation.warnings.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        var text = parts.isEmpty ? "valid" : parts.joined(separator: ", ") + " (F4 lists them)"
        if !kept.isEmpty {
            text += "; kept as written: " + kept.map { $0.isEmpty ? "(the whole document)" : $0 }.joined(separator: ", ")
        }
        return text
    }
}
