import Foundation
import Theming
import XCTest

final class BundledThemeTests: XCTestCase {
    func testTheFiveBundledThemesLoadAndResolveEveryRole() throws {
        let library = ThemeLibrary(userFolder: nil)
        XCTAssertEqual(Set(library.names), ["default", "light", "high-contrast", "solarized-dark", "monochrome"])
        for name in library.names {
            let theme = try library.load(name).get()
            for role in Role.allCases {
                let look = theme.look(role)
                XCTAssertNotNil(theme.looks[role], "\(name): \(role)")
                XCTAssertNotNil(look.fg)
                XCTAssertNotNil(look.bg)
                XCTAssertNotNil(look.attributes)
            }
        }
    }

    /// A bundled theme is resolved when exocall is built, so a start does not parse it (issue
    /// #32). What the start uses must be what the repository's file gives, parsed now.
    func testEachBundledThemeBuiltInIsWhatItsFileGives() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".toml") }
        var files: [String: String] = [:]
        for file in names { files[String(file.dropLast(5))] = try String(contentsOf: themes.appendingPathComponent(file), encoding: .utf8) }
        let built = ThemeLibrary(userFolder: nil)
        let parsed = ThemeLibrary(bundled: files, userFolder: nil)
        XCTAssertEqual(Set(built.names), Set(files.keys), "every file in themes/ is built in, and nothing else")
        for name in files.keys.sorted() {
            XCTAssertEqual(built.entries[name]?.text, files[name], "\(name): the text built in")
            XCTAssertEqual(try built.load(name).get(), try parsed.load(name).get(), "\(name): the theme built in")
        }
        // A user theme that inherits a bundled one builds on the built-in one.
        let folder = NSTemporaryDirectory() + "exocall-themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "inherits = \"solarized-dark\"\n[roles]\nerror = { fg = \"#010203\" }\n".write(toFile: folder + "/mine.toml", atomically: true, encoding: .utf8)
        let mine = try ThemeLibrary(userFolder: folder).load("mine").get()
        var expected = try parsed.load("solarized-dark").get().looks
        expected[.error]?.fg = .rgb(1, 2, 3)
        XCTAssertEqual(mine.looks, expected)
    }

    func testMonochromeUsesNoColourAndKeepsRolesDistinct() throws {
        let theme = try ThemeLibrary(userFolder: nil).load("monochrome").get()
        for role in Role.allCases {
            XCTAssertEqual(theme.look(role).fg, .terminalDefault, "\(role)")
            XCTAssertEqual(theme.look(role).bg, .terminalDefault, "\(role)")
        }
        let mustDiffer: [Role] = [.focus, .selection, .error, .demoBanner, .jsonKey, .jsonString, .jsonNumber, .jsonBool]
        let attributes = mustDiffer.map { theme.look($0).attributes! }
        XCTAssertEqual(Set(attributes).count, mustDiffer.count, "focus, selection, errors, the DEMO banner and JSON kinds stay distinct")
    }

    func testColouredThemesKeepKeyRolesDistinctAt16Colours() throws {
        let library = ThemeLibrary(userFolder: nil)
        for name in ["default", "light", "high-contrast", "solarized-dark"] {
            let theme = try library.load(name).get()
            let depth = ColorDepth.ansi16
            func colors(_ role: Role) -> [Int] { [depth.number(for: theme.look(role).fg!), depth.number(for: theme.look(role).bg!)] }
            let json: [Role] = [.jsonKey, .jsonString, .jsonNumber, .jsonBool]
            XCTAssertEqual(Set(json.map(colors)).count, json.count, "\(name): JSON colours collapse at 16 colours")
            XCTAssertNotEqual(colors(.demoBanner), colors(.text), name)
            XCTAssertNotEqual(colors(.error), colors(.text), name)
            XCTAssertNotEqual(colors(.selection), colors(.text), name)
            // The preview highlights the focused line with the selection background:
            // every JSON colour must stay readable on it.
            let selectionBackground = depth.number(for: theme.look(.selection).bg!)
            for role in json + [.jsonPunctuation, .jsonNull] {
                XCTAssertNotEqual(depth.number(for: theme.look(role).fg!), selectionBackground, "\(name): \(role) on the selection")
            }
        }
    }
}

final class ThemeFileTests: XCTestCase {
    func library(with files: [String: String]) throws -> ThemeLibrary {
        let folder = NSTemporaryDirectory() + "exocall-themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name).toml", atomically: true, encoding: .utf8) }
        return ThemeLibrary(userFolder: folder)
    }

    func problems(_ result: Result<Theme, ThemeProblems>) -> [ThemeProblem] {
        if case .failure(let problems) = result { return problems.problems }
        return []
    }

    func testInheritanceChangesOnlyWhatItSays() throws {
        let library = try library(with: ["mine": "inherits = \"default\"\n[roles]\nerror = { fg = \"#00ff00\" }\n"])
        let theme = try library.load("mine").get()
        let base = try library.load("default").get()
        XCTAssertEqual(theme.look(.error).fg, .rgb(0, 255, 0))
        XCTAssertEqual(theme.look(.error).attributes, base.look(.error).attributes, "attrs inherited")
        XCTAssertEqual(theme.look(.jsonKey), base.look(.jsonKey))
    }

    func testAUserThemeWithABundledNameWins() throws {
        let library = try library(with: ["default": "inherits = \"default\"\ntitle = \"Mine\"\n[roles]\ntext = { fg = \"red\" }\n"])
        let theme = try library.load("default").get()
        XCTAssertEqual(theme.title, "Mine")
        XCTAssertEqual(theme.look(.text).fg, .ansi(1))
        XCTAssertEqual(theme.look(.muted).fg, .rgb(0x8a, 0x8a, 0x8a), "the rest comes from the bundled default")
    }

    func testUnknownRoleBadColourAndBadAttributeNameFileKeyAndLine() throws {
        let text = "inherits = \"default\"\n[roles]\njson_kee = { fg = \"red\" }\nerror = { fg = \"#12345\" }\nmuted = { attrs = [\"blink\"] }\n"
        let found = problems(try library(with: ["bad": text]).load("bad"))
        XCTAssertEqual(found.count, 3, "\(found)")
        let byKey = Dictionary(uniqueKeysWithValues: found.map { ($0.key, $0) })
        XCTAssertEqual(byKey["roles.json_kee"]?.line, 3)
        XCTAssertTrue(byKey["roles.json_kee"]?.message.contains("unknown role") ?? false)
        XCTAssertEqual(byKey["roles.error.fg"]?.line, 4)
        XCTAssertTrue(byKey["roles.error.fg"]?.message.contains("bad colour \"#12345\"") ?? false)
        XCTAssertEqual(byKey["roles.muted.attrs"]?.line, 5)
        XCTAssertTrue(found[0].description.hasSuffix("bad.toml:3: roles.json_kee: unknown role; roles are text, muted, background, surface, border, focus, selection, primary, accent, success, warning, error, json_key, json_string, json_number, json_bool, json_null, json_punctuation, badge_placed, badge_rejected, badge_not_sent, badge_unknown, badge_sending, demo_banner") || found.contains { $0.description.contains("bad.toml:3: roles.json_kee: unknown role") })
    }

    func testInheritanceLoopIsReported() throws {
        let library = try library(with: ["a": "inherits = \"b\"\n", "b": "inherits = \"a\"\n"])
        let found = problems(library.load("a"))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("inheritance loop: a → b → a"), found[0].message)
    }

    func testMissingParentAndMissingRolesAndBadTOML() throws {
        let library = try library(with: ["orphan": "inherits = \"nope\"\n", "partial": "[roles]\ntext = { fg = \"red\", bg = \"default\", attrs = [] }\n",
                                         "broken": "[roles\n"])
        XCTAssertTrue(problems(library.load("orphan")).first?.message.contains("inherits \"nope\", which is no theme") ?? false)
        let partial = problems(library.load("partial"))
        XCTAssertEqual(partial.count, Role.allCases.count - 1, "every role but text is missing")
        XCTAssertTrue(partial[0].message.contains("inherits = \"default\""))
        let broken = problems(library.load("broken"))
        XCTAssertEqual(broken.first?.line, 1)
        XCTAssertTrue(broken.first?.message.contains("not valid TOML") ?? false)
    }

    func testColourSyntax() {
        XCTAssertEqual(ThemeColor(parsing: "#FF8000"), .rgb(255, 128, 0))
        XCTAssertEqual(ThemeColor(parsing: "208"), .indexed(208))
        XCTAssertEqual(ThemeColor(parsing: "bright_blue"), .ansi(12))
        XCTAssertEqual(ThemeColor(parsing: "default"), .terminalDefault)
        XCTAssertNil(ThemeColor(parsing: "256"))
        XCTAssertNil(ThemeColor(parsing: "#ff80"))
        XCTAssertNil(ThemeColor(parsing: "orange"))
    }
}

final class ColorDepthTests: XCTestCase {
    /// The name the theme dialog shows is the case's own name (it was read by reflection).
    func testEachDepthIsNamedAsItsCase() {
        for depth in [ColorDepth.truecolor, .palette256, .ansi16, .ansi8, .monochrome] {
            XCTAssertEqual(depth.name, "\(depth)")
        }
    }

    func testKnownHexValuesMapToKnownPaletteEntries() {
        XCTAssertEqual(ColorDepth.palette256.number(for: .rgb(255, 0, 0)), 196)
        XCTAssertEqual(ColorDepth.palette256.number(for: .rgb(0x5f, 0xd7, 0xff)), 81)
        XCTAssertEqual(ColorDepth.palette256.number(for: .rgb(0x30, 0x30, 0x30)), 236)
        XCTAssertEqual(ColorDepth.palette256.number(for: .rgb(0x87, 0xd7, 0x87)), 114)
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(0x87, 0xd7, 0xff)), 14, "pastel blue stays cyan, not white")
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(0xd7, 0x00, 0x00)), 1)
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(0x00, 0x2b, 0x36)), 0, "Solarized's base03 stays black, not cyan")
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(255, 0, 0)), 9)
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(0, 0, 0)), 0)
        XCTAssertEqual(ColorDepth.ansi16.number(for: .rgb(0xe4, 0xe4, 0xe4)), 7)
        XCTAssertEqual(ColorDepth.ansi8.number(for: .rgb(255, 0, 0)), 1)
        XCTAssertEqual(ColorDepth.ansi8.number(for: .ansi(9)), 1)
        XCTAssertEqual(ColorDepth.ansi16.number(for: .indexed(196)), 9)
        XCTAssertEqual(ColorDepth.truecolor.number(for: .rgb(0x12, 0x34, 0x56)), 0x123456)
        XCTAssertEqual(ColorDepth.truecolor.number(for: .indexed(196)), 0xff0000)
        XCTAssertEqual(ColorDepth.palette256.number(for: .terminalDefault), -1)
    }

    func testDetectionAndNoColor() {
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: [:]), .palette256)
        XCTAssertEqual(ColorDepth.detect(colors: 16_777_216, environment: [:]), .truecolor)
        XCTAssertEqual(ColorDepth.detect(colors: 16, environment: [:]), .ansi16)
        XCTAssertEqual(ColorDepth.detect(colors: 8, environment: [:]), .ansi8)
        XCTAssertEqual(ColorDepth.detect(colors: 0, environment: [:]), .monochrome)
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]), .monochrome)
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]), .palette256, "an empty NO_COLOR does not count")
    }
}
