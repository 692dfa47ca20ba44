import SafeTOML
import FoundationEssentials
import Glibc
import TOMLKit
import ProcessEnvironment
import Localization

extension ConfigFile {
    /// Sets a top-level string setting (`theme = "solarized-dark"`) in the file at
    /// `path`, keeping everything else as written. A file that is not valid TOML
    /// is refused, never rewritten; a new file is created private to its owner.
    public static func setString(_ key: String, to value: String, at path: String) throws(ClientConfigurationError) {
        let line = "\(key) = \(CanonicalString.quote(value))"
        var text = ""
        var mode: Int = 0o600
        let read: String?
        do {
            read = try TOMLFile.read(path)
        } catch {
            throw .badConfigFile(path: path, reason: error.text)
        }
        if let existing = read {
            do {
                _ = try SafeTOML.parse(existing)
            } catch {
                throw .badConfigFile(path: path, reason: .phrase(.cfgLeftAsItIs))
            }
            text = existing
            var info = stat()
            mode = stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : 0o600
        }
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        let firstTable = lines.firstIndex { $0.trimmingSpaces().hasPrefix("[") } ?? lines.count
        if let existing = lines[..<firstTable].firstIndex(where: {
            let trimmed = $0.trimmingSpaces()
            return trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + "=")
        }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: firstTable)
        }
        var output = lines.joined(separator: "\n")
        if !output.hasSuffix("\n") { output += "\n" }
        let folder = FilePath.parent(of: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard case .success = AtomicFile.write(Array(output.utf8), to: path, mode: mode_t(mode)) else {
            throw .badConfigFile(path: path, reason: .phrase(.cfgUnwritable))
        }
    }
}

/// TOML basic strings.
enum CanonicalString {
    static func quote(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
