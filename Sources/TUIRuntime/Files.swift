import Foundation
import TUI

/// Reading and writing the files the operator names (F2, F3, `e`), with
/// operator-grade reasons when it cannot be done.
enum Files {
    /// The UTF-8 text of the file at `path` (`~` expanded).
    static func read(_ path: String) -> FileLoadResult {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else { return .failure("no such file") }
        guard !isDirectory.boolValue else { return .failure("it is a folder") }
        guard let data = FileManager.default.contents(atPath: expanded) else { return .failure("permission denied") }
        guard let text = String(data: data, encoding: .utf8) else { return .failure("it is not UTF-8 text") }
        return .text(text)
    }

    /// Writes `contents` atomically; refuses an existing file unless `overwrite`.
    static func write(_ contents: String, to path: String, overwrite: Bool) -> FileSaveResult {
        let expanded = (path as NSString).expandingTildeInPath
        if !overwrite && FileManager.default.fileExists(atPath: expanded) { return .exists }
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
            return .saved
        } catch {
            return .failure((error as NSError).localizedDescription)
        }
    }
}
