import Foundation
import ThemeFormat

// Writes `enum BundledThemes` from the theme files: each file's text, and each theme resolved
// (inheritance included) by the same ThemeLibrary a start uses, as Swift values, so a start
// does not parse a bundled theme again. A bundled theme with a problem fails the build.
// Usage: theme-embedder OUTPUT.swift THEME.toml...
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: theme-embedder OUTPUT.swift THEME.toml...\n".utf8))
    exit(2)
}
var files: [(name: String, text: String)] = []
for path in arguments.dropFirst() {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("theme-embedder: cannot read \(path)\n".utf8))
        exit(1)
    }
    files.append((name, String(decoding: data, as: UTF8.self)))
}

/// `text` as a Swift string literal: printable ASCII as itself, everything else escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        if scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"", scalar != "\\" {
            out.unicodeScalars.append(scalar)
        } else {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}

func literal(_ color: ThemeColor?) -> String {
    switch color {
    case nil: return "nil"
    case .terminalDefault?: return ".terminalDefault"
    case .ansi(let index)?: return ".ansi(\(index))"
    case .indexed(let index)?: return ".indexed(\(index))"
    case .rgb(let red, let green, let blue)?: return ".rgb(\(red), \(green), \(blue))"
    }
}

func literal(_ attributes: Set<TextAttribute>?) -> String {
    guard let attributes else { return "nil" }
    // Each case by its Swift name (what `\(case)` prints): the compiler checks every one.
    return "[" + attributes.map { ".\($0)" }.sorted().joined(separator: ", ") + "]"
}

var source = "// Generated from themes/*.toml by theme-embedder at build time. Do not edit.\n"
source += "import ThemeFormat\n\n"
source += "/// The bundled themes.\nenum BundledThemes {\n"
source += "    /// Their files, by name.\n    static let files: [String: String] = [\n"
for file in files {
    // A literal (every character but printable ASCII escaped): a start makes no copy of it.
    source += "        \(literal(file.name)): \(literal(file.text)),\n"
}
source += "    ]\n\n"
source += "    /// Each one resolved from its file (inheritance included) when exocall was built.\n"
source += "    @Sendable static func theme(named name: String) -> Theme? {\n        switch name {\n"
let library = ThemeLibrary(bundled: Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }), userFolder: nil)
var failed = false
for file in files {
    switch library.load(file.name) {
    case .failure(let problems):
        FileHandle.standardError.write(Data("theme-embedder: the bundled theme \(file.name) cannot be used:\n\(problems.description)\n".utf8))
        failed = true
    case .success(let theme):
        source += "        case \(literal(file.name)):\n"
        source += "            return Theme(name: \(literal(theme.name)), title: \(literal(theme.title)), looks: [\n"
        for role in Role.allCases {
            let look = theme.look(role)
            source += "                .\(role): RoleLook(fg: \(literal(look.fg)), bg: \(literal(look.bg)), attributes: \(literal(look.attributes))),\n"
        }
        source += "            ])\n"
    }
}
if failed { exit(1) }
source += "        default:\n            return nil\n        }\n    }\n}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
