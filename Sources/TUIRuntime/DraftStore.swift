import Foundation
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
        do {
            let form = try JSONDecoder().decode(FormState.self, from: data)
            guard form.lines.count == 2 else { throw CocoaError(.coderReadCorrupt) }
            let saved = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? Date()
            return .draft(form, savedAt: saved)
        } catch {
            let aside = path + ".unreadable-\(Int(Date().timeIntervalSince1970))"
            let moved = (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil
            return .unreadable(reason: .phrase(.draftNotADraft), movedTo: moved ? aside : nil)
        }
    }

    /// Writes the draft atomically (a temporary file renamed over the old one).
    public func save(_ form: FormState) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(form)
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
