import Foundation
import Localization
import XCTest

/// Every call site that fills a phrase's placeholders with a dictionary literal
/// (`language(.x, ["name": …])`, `.phrase(.x, [...])`, `Catalog.text(.x, lang, [...])`)
/// gives exactly the placeholders the phrase has: a misspelt or missing key would
/// show `{name}` on screen at run time, and nothing else reads call sites (issue #28).
/// Call sites that pass a dictionary built elsewhere are not read here.
final class PhraseCallSiteTests: XCTestCase {
    /// The repository's Sources folder, found from this file's path.
    var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    /// The top-level `"key":` entries of the dictionary literal that starts at `start` (just after `[`).
    static func keys(in text: [Character], from start: Int) -> (keys: [String], end: Int)? {
        var depth = 0
        var index = start
        var keys: [String] = []
        var inString = false
        var current = ""
        var expectKey = true
        while index < text.count {
            let character = text[index]
            if inString {
                if character == "\\" { index += 2; continue }
                if character == "\"" {
                    inString = false
                    // A key is a string at depth 0 followed by a colon.
                    var next = index + 1
                    while next < text.count, text[next] == " " { next += 1 }
                    if depth == 0, expectKey, next < text.count, text[next] == ":" { keys.append(current) }
                    expectKey = false
                } else {
                    current.append(character)
                }
                index += 1
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "[", "(", "{": depth += 1
            case "]", ")", "}":
                if depth == 0 { return (keys, index) }
                depth -= 1
            case "," where depth == 0: expectKey = true
            case ":" where depth == 0 && keys.isEmpty && text[index - 1] == "[": return ([], index) // `[:]`
            default: break
            }
            index += 1
        }
        return nil
    }

    func testEveryLiteralCallSiteFillsExactlyThePhrasesPlaceholders() throws {
        let names = Dictionary(uniqueKeysWithValues: Phrase.allCases.map { (String(describing: $0), $0) })
        let english = Catalog.table(.en)
        var checked = 0
        var wrong: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Localization/") } ?? []
        XCTAssertGreaterThan(files.count, 100, "the sources were not found from \(sources.path)")
        let pattern = try NSRegularExpression(pattern: #"\.([a-z][A-Za-z0-9]*)\s*,\s*(?:[A-Za-z.]+\s*,\s*)?\["#)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let characters = Array(source)
            // Character offsets for the regex's UTF-16 ranges.
            let utf16 = Array(source.utf16)
            var offsets: [Int] = []
            offsets.reserveCapacity(utf16.count + 1)
            var characterIndex = 0
            var position = source.startIndex
            for character in source {
                for _ in 0..<character.utf16.count { offsets.append(characterIndex) }
                characterIndex += 1
                position = source.index(after: position)
            }
            offsets.append(characterIndex)
            for match in pattern.matches(in: source, range: NSRange(location: 0, length: utf16.count)) {
                let name = (source as NSString).substring(with: match.range(at: 1))
                guard let phrase = names[name], let text = english[phrase] else { continue }
                let afterBracket = offsets[match.range.location + match.range.length]
                guard let (given, _) = Self.keys(in: characters, from: afterBracket) else { continue }
                guard !given.isEmpty || characters[afterBracket] == ":" || characters[afterBracket] == "]" else { continue }
                checked += 1
                let wanted = Template(text).placeholders
                if Set(given) != wanted {
                    let line = source[..<source.index(source.startIndex, offsetBy: afterBracket)].filter { $0 == "\n" }.count + 1
                    wrong.append("\(file.lastPathComponent):\(line): .\(name) gives \(given.sorted()), the phrase has \(wanted.sorted())")
                }
            }
        }
        XCTAssertGreaterThan(checked, 300, "the call sites were not read")
        XCTAssertEqual(wrong, [], "\n" + wrong.joined(separator: "\n"))
    }
}
