import CallbackCore
import Localization

/// A problem's JSON path as the operator sees the form: destination rows are
/// numbered from 1 on screen and from 0 in JSON, so both are shown
/// (`line_1 · row 2 (destinations[1].number)`).
public enum ProblemPath {
    /// The path with the row the form shows, where it names a destination.
    public static func display(_ path: String, in language: UILanguage = .en) -> String {
        guard let open = path.firstRange(of: ".destinations["), let close = path[open.upperBound...].firstIndex(of: "]"),
              let index = Int(path[open.upperBound..<close]) else { return path }
        let leg = path[..<open.lowerBound]
        let rest = path[path.index(after: close)...]
        return language(.problemRowPath, ["leg": String(leg), "row": "\(index + 1)", "path": "destinations[\(index)]\(rest)"])
    }

    /// `error: line_1 · row 2 (…): message`, as the status line shows a problem, in `language`.
    public static func line(_ problem: ValidationProblem, in language: UILanguage) -> String {
        language(.problemLine, ["severity": language(problem.isError ? .problemError : .problemWarning),
                                "path": display(problem.path, in: language), "message": problem.message(in: language)])
    }
}
