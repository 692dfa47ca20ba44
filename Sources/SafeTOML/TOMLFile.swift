import Localization
import ProcessEnvironment

/// Reading a TOML file (the config, a theme) from disk without mistaking a file
/// that is there for one that is not (`RegularFile`). `FileManager.fileExists` follows
/// links, so a dangling or looping `config.toml` link read as "no config file" and a
/// send went out without the team's `db`, its shared repeat guard or its
/// `repeat_window`. A file is read up to `maximumBytes`, and must be UTF-8.
public enum TOMLFile {
    /// The largest TOML file read: a config is about 1 KB, a theme about 3 KB.
    public static let maximumBytes = 1 << 20

    /// Why a file that is there cannot be read.
    public enum Failure: Error, Equatable, Sendable {
        /// The file itself could not be read (a dangling link, a folder, permissions, its size).
        case file(RegularFile.Failure)
        /// Bytes that are not UTF-8 text.
        case notUTF8

        /// Why, for the operator.
        public var text: Localized {
            switch self {
            case .file(let failure):
                return failure.text(tooLarge: .phrase(.tomlTooLarge, ["limit": .verbatim("\(TOMLFile.maximumBytes / 1024)")]))
            case .notUTF8: return .phrase(.cfgNotUTF8)
            }
        }
    }

    /// The text of the file at `path`; nil when nothing at all is there (no file, no link).
    public static func read(_ path: String) throws(Failure) -> String? {
        let bytes: [UInt8]
        do {
            guard let read = try RegularFile.read(path, maximumBytes: maximumBytes) else { return nil }
            bytes = read
        } catch {
            throw .file(error)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }
}
