import Foundation

// Writes `enum BundledThemes { static let files: [String: String] }` from theme files.
// Usage: theme-embedder OUTPUT.swift THEME.toml...
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: theme-embedder OUTPUT.swift THEME.toml...\n".utf8))
    exit(2)
}
var source = "// Generated from themes/*.toml by theme-embedder at build time. Do not edit.\n"
source += "/// The bundled themes' files, by name.\nenum BundledThemes {\n    static let files: [String: String] = [\n"
for path in arguments.dropFirst() {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("theme-embedder: cannot read \(path)\n".utf8))
        exit(1)
    }
    // Bytes, not a string literal: no escaping can go wrong.
    let bytes = data.map { String($0) }.joined(separator: ",")
    source += "        \"\(name)\": String(decoding: [\(bytes)] as [UInt8], as: UTF8.self),\n"
}
source += "    ]\n}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
