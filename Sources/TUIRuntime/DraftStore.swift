import CallbackCore
import FoundationEssentials
import Glibc
import TUI
import ProcessEnvironment
import SafeTOML
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

    /// The largest draft read: a form's draft is a few KB.
    public static let maximumBytes = 1 << 20

    /// Reads the draft. One that is there but cannot be read (not a draft, a folder, a
    /// dangling link, too large) is moved aside and reported, never written over.
    public func load() -> Loaded {
        let bytes: [UInt8]
        do {
            guard let read = try RegularFile.read(path, maximumBytes: Self.maximumBytes) else { return .none }
            bytes = read
        } catch {
            return setAside(because: error.text(tooLarge: .phrase(.draftTooLarge, ["limit": .verbatim("\(Self.maximumBytes / 1024)")])))
        }
        guard let value = try? JSONParser.parse(bytes), let form = FormState(draft: value) else {
            return setAside(because: .phrase(.draftNotADraft))
        }
        // stat(2), not FileManager's attributes (a dictionary of every attribute, a quarter
        // of a millisecond of the first frame, issue #32).
        var info = stat()
        let saved = stat(path, &info) == 0
            ? Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) : Date()
        return .draft(form, savedAt: saved)
    }

    /// Moves the unreadable draft aside (under a name with the time), so the next save cannot overwrite it.
    private func setAside(because reason: Localized) -> Loaded {
        let aside = path + ".unreadable-\(Int(Date().timeIntervalSince1970))"
        let moved = rename(path, aside) == 0
        return .unreadable(reason: reason, movedTo: moved ? aside : nil)
    }

    /// Writes the draft atomically (a temporary file renamed over the old one), readable by its owner only.
    public func save(_ form: FormState) throws {
        try? FileManager.default.createDirectory(atPath: FilePath.parent(of: path), withIntermediateDirectories: true)
        try AtomicFile.write(Array(CanonicalJSON.string(form.draftJSON, style: .compact).utf8), to: path, mode: 0o600).get()
    }
}
