import CallbackCore
import Localization

/// The problems list (F4): every problem of the request, errors first.
public enum ProblemsDialog: Equatable, Sendable {
    /// The list, `selected` chosen.
    case list(selected: Int)

    /// Its kind.
    public var kind: DialogKind { .problems }

    /// The same list with its choice within `count` problems.
    func clamped(to count: Int) -> ProblemsDialog {
        switch self {
        case .list(let selected): return .list(selected: min(selected, max(0, count - 1)))
        }
    }
}

extension DialogKind {
    /// The problems list.
    public static let problems = DialogKind("problems", .dialogProblems)
}

/// The problems list's keys, reducer and view.
enum ProblemsFeature {
    /// Its keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.problems, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.problems, .of(.enter), .accept, "Enter", .keyGoToField),
        KeyTable.on(.problems, .of(.escape, .function(4)), .close, "Esc", .keyClose),
        KeyTable.on(.problems, .of(.delete), .problems(.dropKept), "Del", .keyDropKept, footer: false),
    ]

    /// A command while the list is open: Enter jumps to the problem's field; Del drops a value kept as typed.
    static func reduce(_ editing: inout FormEditing, _ dialog: ProblemsDialog, _ command: Command,
                       validation: ValidationResult, context: ScreenContext) -> Reply {
        guard case .list(let selected) = dialog else { return .none }
        let problems = validation.errorsFirst
        let language = context.language
        switch command {
        case .move(let move): return .show(.problems(.list(selected: ListNavigation.select(selected, move, count: problems.count))))
        case .accept:
            guard let problem = problems[safe: selected] else { return .close }
            return Reply(dialog: .close, status: StatusMessage(ProblemPath.line(problem, in: language), problem.isError ? .error : .warning),
                         pane: .form, focus: editing.field(forProblemAt: problem.path))
        case .close: return .close
        case .problems(.dropKept):
            guard let problem = problems[safe: selected], editing.form.rawValue(at: problem.path) != nil else {
                return .status(StatusMessage(language(.dropKeptNone), .info))
            }
            _ = editing.form.dropRaw(at: problem.path)
            return Reply(effects: [.saveDraft(editing.form)],
                         status: StatusMessage(language(.dropKeptDone, ["path": ProblemPath.display(problem.path, in: language)]), .success))
        default: return .none
        }
    }

    /// Draws the list: each problem's place on its row, its whole message wrapped below it
    /// (a message never loses its fix to the width).
    static func draw(_ dialog: ProblemsDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        guard case .list(let selected) = dialog else { return nil }
        let size = state.size
        let problems = state.validation.errorsFirst
        let width = min(size.width - 4, 96)
        let textWidth = max(10, width - 8)
        let messages = problems.map { TextWrap.lines($0.message(in: state.language), width: textWidth) }
        let heights = messages.map { 1 + $0.count }
        let rect = DialogView.centered(width: width, height: min(size.height - 4, max(3, heights.reduce(0, +) + 2)), in: size)
        let errors = state.validation.errors.count
        DialogView.frame(rect, title: state.language(.problemsTitle, ["errors": "\(errors)", "warnings": "\(problems.count - errors)"]), on: &canvas)
        let inner = rect.inset(1)
        if problems.isEmpty {
            canvas.put(state.language(.problemsNone), x: inner.x + 1, y: inner.y, style: Style(.success, on: .surface))
            return nil
        }
        ListView.draw(heights: heights, selected: min(selected, problems.count - 1), in: inner, on: &canvas) { index, y, rows, _, background, canvas in
            let problem = problems[index]
            let role: Role = problem.isError ? .error : .warning
            let x = inner.x + 1 + canvas.put(problem.isError ? "✗ " : "! ", x: inner.x + 1, y: y, style: Style(role, on: background, bold: true))
            canvas.put(problem.path.isEmpty ? state.language(.problemWholeRequest) : ProblemPath.display(problem.path, in: state.language), x: x, y: y,
                       style: Style(role, on: background, bold: true), maxWidth: inner.maxX - x - 1)
            for (offset, part) in messages[index].prefix(rows - 1).enumerated() {
                canvas.put(part, x: inner.x + 5, y: y + 1 + offset, style: Style(.text, on: background), maxWidth: inner.maxX - inner.x - 6)
            }
        }
        return nil
    }
}

/// The problems feature's commands.
public enum ProblemsCommand: Equatable, Sendable {
    /// F4: the list.
    case open
    /// Del in the list: drop a value kept as typed.
    case dropKept
}
