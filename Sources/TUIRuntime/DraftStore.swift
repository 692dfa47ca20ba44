import CallbackCore
import FoundationEssentials
import Glibc
import TUI
import ProcessEnvironment
import Localization

/// The form as a draft on disk, so nothing typed is lost to a quit, a crash
/// or a kill: written (atomically) as the operator edits, read at start.
public struct DraftStore: Sendable {
    /// The draft file.
    public let path: String

    /// `$XDG_STATE_HOME/exocall/draft.json`, else `~/.local/state/exocall/draft.json`.
    public static func defaultPath(environment: [String: String] = ProcessEnvironment.variables) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/exocall/draft.json" }
        let home = ProcessEnvironment.home(environment)
        return home + "/.local/state/exocall/draft.json"
    }

    /// A store at `path`.
    public init(path: String) { self.path = path }

    /// What reading the draft found.
    public enum Loaded: Equatable, Sendable {
        /// No draft.
        case none
        /// A draft and when it was saved.
        case draft(FormState, savedAt: Date)
        /// The file was unreadable; it was moved to `movedTo` (never overwritten).
        case unreadable(reason: Localized, movedTo: String?)
    }

    /// Reads the draft.
    public func load() -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else { return .none }
        guard let value = try? JSONParser.parse([UInt8](data)), let form = FormState(draft: value) else {
            let aside = path + ".unreadable-\(Int(Date().timeIntervalSince1970))"
            let moved = (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil
            return .unreadable(reason: .phrase(.draftNotADraft), movedTo: moved ? aside : nil)
        }
        // stat(2), not FileManager's attributes (a dictionary of every attribute, a quarter
        // of a millisecond of the first frame, issue #32).
        var info = stat()
        let saved = stat(path, &info) == 0
            ? Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) : Date()
        return .draft(form, savedAt: saved)
    }

    /// Writes the draft atomically (a temporary file renamed over the old one), readable by its owner only.
    public func save(_ form: FormState) throws {
        try? FileManager.default.createDirectory(atPath: FilePath.parent(of: path), withIntermediateDirectories: true)
        try AtomicFile.write(Array(CanonicalJSON.string(form.draftJSON, style: .compact).utf8), to: path, mode: 0o600).get()
    }
}
