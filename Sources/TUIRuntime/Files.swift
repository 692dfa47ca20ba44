import ExolveClient
import Foundation
import TUI
import Localization

/// Reading and writing the files the operator names (F2, F3, `e`), with
/// operator-grade reasons when it cannot be done.
enum Files {
    /// The UTF-8 text of the file at `path` (`~` expanded).
    static func read(_ path: String) -> FileLoadResult {
        switch RequestFile.readText(path) {
        case .failure(let failure): return .failure(failure.text)
        case .success(let text): return .text(text)
        }
    }

    /// `path` with `~` expanded and made absolute against the working folder.
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/") else { return (expanded as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }

    /// Writes `contents` atomically; refuses an existing file unless `overwrite`.
    static func write(_ contents: String, to path: String, overwrite: Bool) -> FileSaveResult {
        let expanded = (path as NSString).expandingTildeInPath
        if !overwrite && FileManager.default.fileExists(atPath: expanded) { return .exists }
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
            return .saved
        } catch {
            return .failure(.verbatim((error as NSError).localizedDescription))
        }
    }
}
