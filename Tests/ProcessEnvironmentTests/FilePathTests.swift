import Foundation
import ProcessEnvironment
import XCTest

/// Issue #32: the path arithmetic that replaced NSString's answers as NSString does.
final class FilePathTests: XCTestCase {
    // Not "//": NSString's parent and last component of it are "" (FilePath says "/"). Not a
    // name without a slash: this toolchain's libFoundation.so traps on ("a" as NSString)
    // .deletingLastPathComponent and on "a/" (String._startOfLastPathComponent); those are checked below.
    let samples = ["", "/", "/a", "/a/", "a/b", "/a/b", "/a/b/", "//a//b//", "a//b", "./a", "../a", "/a/./b/../c", "a/b.toml",
                   "/a/b.c.d", "/x/.hidden", "/x/y.", "журнал/звонки.sqlite", "/tmp/exocall demo/x y.json", "a/b/c/"]

    func testNamesWithoutAFolder() {
        XCTAssertEqual(FilePath.parent(of: "calls.sqlite"), "")
        XCTAssertEqual(FilePath.lastComponent(of: "calls.sqlite"), "calls.sqlite")
        XCTAssertEqual(FilePath.deletingExtension("calls.sqlite"), "calls")
        XCTAssertEqual(FilePath.deletingExtension(".hidden"), ".hidden")
        XCTAssertEqual(FilePath.deletingExtension("тема.toml"), "тема")
        XCTAssertEqual(FilePath.parent(of: "a/"), "")
    }

    func testParentLastComponentAndExtensionAreNSStrings() {
        for path in samples {
            let ns = path as NSString
            XCTAssertEqual(FilePath.parent(of: path), ns.deletingLastPathComponent, "parent of \(path)")
            XCTAssertEqual(FilePath.lastComponent(of: path), ns.lastPathComponent, "last of \(path)")
            XCTAssertEqual(FilePath.deletingExtension(path), ns.deletingPathExtension, "extension of \(path)")
        }
    }

    func testAppendingIsNSStrings() {
        for folder in ["", "/", "/a", "/a/", "a", "a//"] {
            for name in ["b", "b/", "b.c", "ж"] {
                XCTAssertEqual(FilePath.appending(name, to: folder), (folder as NSString).appendingPathComponent(name), "\(folder) + \(name)")
            }
        }
    }

    func testTildeAndStandardisingAreNSStringsForThisUser() {
        let home = ProcessEnvironment.home()
        XCTAssertEqual(FilePath.expandingTilde("~"), home)
        XCTAssertEqual(FilePath.expandingTilde("~/x/y"), (home as NSString).appendingPathComponent("x/y"))
        XCTAssertEqual(FilePath.expandingTilde("~root/x"), ("~root/x" as NSString).expandingTildeInPath)
        XCTAssertEqual(FilePath.expandingTilde("~no-such-user-exocall/x"), "~no-such-user-exocall/x")
        XCTAssertEqual(FilePath.expandingTilde("/a/~"), "/a/~")
        for path in ["/a/./b/../c", "/a//b/", "/../x", "/a/b/..", "~/x/../y", "/x/y/./"] {
            XCTAssertEqual(FilePath.standardized(path), (path as NSString).standardizingPath, path)
        }
        XCTAssertEqual(FilePath.standardized("a/../../b"), "../b")
    }

    func testTemporaryFolderIsTMPDIROrTmp() {
        XCTAssertEqual(FilePath.temporaryFolder(environment: [:]), "/tmp/")
        XCTAssertEqual(FilePath.temporaryFolder(environment: ["TMPDIR": "/var/t"]), "/var/t/")
        XCTAssertEqual(FilePath.temporaryFolder(environment: ["TMPDIR": "/var/t/"]), "/var/t/")
    }

    func testAtomicWriteReplacesWholeAndSaysWhyItCannot() throws {
        let folder = NSTemporaryDirectory() + "exocall-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/f.json"
        XCTAssertNoThrow(try AtomicFile.write(Array("one".utf8), to: path, mode: 0o600).get())
        XCTAssertNoThrow(try AtomicFile.write(Array("two".utf8), to: path, mode: 0o600).get())
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two")
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["f.json"], "no temporary file left")
        guard case .failure(let failure) = AtomicFile.write([1], to: folder + "/missing/f", mode: 0o600) else { return XCTFail("wrote into a missing folder") }
        XCTAssertEqual(failure.reason, "No such file or directory")
    }
}
