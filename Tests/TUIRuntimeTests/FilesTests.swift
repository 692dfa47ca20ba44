import Foundation
@testable import TUIRuntime
import XCTest

/// Issue #32: the file dialogs' completions and paths, now on FilePath and stat(2).
final class FilesTests: XCTestCase {
    func testCompletionsMarkFoldersAndKeepFilesAsTheyAre() throws {
        let folder = NSTemporaryDirectory() + "exocall-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/alpha", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/alpine.json", contents: Data("{}".utf8))
        FileManager.default.createFile(atPath: folder + "/beta.json", contents: Data())
        try FileManager.default.createSymbolicLink(atPath: folder + "/alps", withDestinationPath: folder + "/alpha")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertEqual(Files.completions(of: folder + "/al"), ["alpha/", "alpine.json", "alps/"], "a link to a folder completes as one")
        XCTAssertEqual(Files.completions(of: folder + "//b"), ["beta.json"])
        XCTAssertEqual(Files.completions(of: folder + "/zz"), [])
        XCTAssertEqual(Files.completions(of: "/no/such/folder/x"), [])
    }

    func testAbsolutePathsAreTidiedAgainstTheWorkingFolder() {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(Files.absolute("/a/./b/../c//d/"), "/a/c/d")
        XCTAssertEqual(Files.absolute("x/../y.json"), (cwd as NSString).appendingPathComponent("y.json"))
        XCTAssertEqual(Files.absolute("~/drafts/a.json"), (NSHomeDirectory() as NSString).appendingPathComponent("drafts/a.json"))
    }
}
