import ExolveClient
import Foundation
import XCTest

final class ConfigEditingTests: XCTestCase {
    func path() -> String {
        let folder = NSTemporaryDirectory() + "exocall-cfg-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder + "/config.toml"
    }

    func testSetsTheThemeKeepingEverythingElse() throws {
        let file = path()
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "# my settings\nbase_url = \"https://api.exolve.ru\"\ntheme = \"light\"\n\n[profiles.main]\nx = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
        try ConfigFile.setString("theme", to: "solarized-dark", at: file)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8),
                       "# my settings\nbase_url = \"https://api.exolve.ru\"\ntheme = \"solarized-dark\"\n\n[profiles.main]\nx = 1\n")
        XCTAssertEqual(try ConfigFile.load(path: file).theme, "solarized-dark")
    }

    func testCreatesAPrivateFileAndRefusesACorruptOne() throws {
        let file = path()
        try ConfigFile.setString("theme", to: "light", at: file)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "theme = \"light\"\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        try "this is [not toml\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ConfigFile.setString("theme", to: "x", at: file))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "this is [not toml\n", "a corrupt file is never rewritten")
    }
}
