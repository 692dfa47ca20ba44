import ExolveClient
import FoundationEssentials
import Glibc
import ProcessEnvironment
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
        let directory = folder.isEmpty ? FileManager.default.currentDirectoryPath : FilePath.expandingTilde(folder)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        // Only the names that can match are looked at again (a folder of 100,000 files stays quick).
        let matching = PathCompletion.candidates(entries, name: name, limit: 200)
        return matching.map { entry in
            var info = stat()
            let isDirectory = stat(FilePath.appending(entry, to: directory), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            return isDirectory ? entry + "/" : entry
        }
    }

    static func absolute(_ path: String) -> String {
        let expanded = FilePath.expandingTilde(path)
        guard !expanded.hasPrefix("/") else { return FilePath.standardized(expanded) }
        return FilePath.standardized(FilePath.appending(expanded, to: FileManager.default.currentDirectoryPath))
    }

    /// Writes `contents` atomically; refuses an existing file unless `overwrite`.
    static func write(_ contents: String, to path: String, overwrite: Bool) -> FileSaveResult {
        let expanded = FilePath.expandingTilde(path)
        if !overwrite && access(expanded, F_OK) == 0 { return .exists }
        switch AtomicFile.write(Array(contents.utf8), to: expanded) {
        case .success: return .saved
        case .failure(let failure): return .failure(.verbatim(failure.reason))
        }
    }
}
