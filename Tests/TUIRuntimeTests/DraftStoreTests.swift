import Foundation
import Localization
import TUI
import TUIRuntime
import XCTest

/// The draft on disk: saved and read back with its time; a file that is not a draft is
/// set aside whole, never overwritten, and the start says so.
final class DraftStoreTests: XCTestCase {
    func folder() -> String {
        let path = NSTemporaryDirectory() + "exocall-draft-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testASavedDraftReadsBackWithTheTimeItWasWritten() throws {
        let store = DraftStore(path: folder() + "/state/draft.json")
        var form = FormState()
        form.requestDescription = "Анна, перезвонить"
        form.lines[1].destinations[0].number = "79990001122"
        let before = Date()
        try store.save(form)
        guard case .draft(let read, let savedAt) = store.load() else { return XCTFail("no draft") }
        XCTAssertEqual(read, form)
        XCTAssertEqual(savedAt.timeIntervalSince1970, before.timeIntervalSince1970, accuracy: 5)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600, "a draft may hold client numbers: the operator's only")
    }

    func testAFileThatIsNotADraftIsSetAsideWhole() throws {
        for text in ["{}", "{\"lines\": 1}", "not json at all", "[1, 2"] {
            let store = DraftStore(path: folder() + "/draft.json")
            try text.write(toFile: store.path, atomically: true, encoding: .utf8)
            guard case .unreadable(let reason, let movedTo) = store.load() else { return XCTFail("\(text) read as a draft") }
            XCTAssertEqual(reason, .phrase(.draftNotADraft))
            let aside = try XCTUnwrap(movedTo)
            XCTAssertEqual(try String(contentsOfFile: aside, encoding: .utf8), text, "kept byte for byte")
            XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))
        }
    }
}
