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
    /// The names in the folder of `typed` that start with its last part (folders end in `/`).
    static func completions(of typed: String) -> [String] {
        let (folder, name) = PathCompletion.split(typed)
        let directory = folder.isEmpty ? FileManager.default.currentDirectoryPath : (folder as NSString).expandingTildeInPath
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        // Only the names that can match are looked at again (a folder of 100,000 files stays quick).
        let matching = PathCompletion.candidates(entries, name: name, limit: 200)
        return matching.map { entry in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(entry), isDirectory: &isDirectory)
            return isDirectory.boolValue ? entry + "/" : entry
        }
    }

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
