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

    /// What is at the draft's path but cannot be read as a file is reported with why, and
    /// set aside: a folder, a FIFO (never opened for reading, so the start cannot hang on
    /// it), a link to nothing, a file far larger than any draft. Nothing is there: no draft.
    func testWhatCannotBeReadIsReportedWithWhyAndSetAside() throws {
        XCTAssertEqual(DraftStore(path: folder() + "/none/draft.json").load(), .none)

        let withFolder = DraftStore(path: folder() + "/draft.json")
        try FileManager.default.createDirectory(atPath: withFolder.path, withIntermediateDirectories: true)
        guard case .unreadable(let folderReason, let folderAside) = withFolder.load() else { return XCTFail("a folder read as a draft") }
        XCTAssertEqual(folderReason, .phrase(.fileNotRegular))
        XCTAssertNotNil(folderAside.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) }, "the folder is moved aside, whole")

        let withFIFO = DraftStore(path: folder() + "/draft.json")
        XCTAssertEqual(mkfifo(withFIFO.path, 0o600), 0)
        guard case .unreadable(let fifoReason, _) = withFIFO.load() else { return XCTFail("a FIFO read as a draft") }
        XCTAssertEqual(fifoReason, .phrase(.fileNotRegular))

        let withLink = DraftStore(path: folder() + "/draft.json")
        try FileManager.default.createSymbolicLink(atPath: withLink.path, withDestinationPath: "/nonexistent/exocall-draft")
        guard case .unreadable(let linkReason, _) = withLink.load() else { return XCTFail("a dangling link read as no draft") }
        XCTAssertEqual(linkReason, .phrase(.fileDanglingLink, ["target": .verbatim("/nonexistent/exocall-draft")]))

        let withHuge = DraftStore(path: folder() + "/draft.json")
        let huge = String(repeating: " ", count: DraftStore.maximumBytes + 1)
        try huge.write(toFile: withHuge.path, atomically: true, encoding: .utf8)
        guard case .unreadable(let hugeReason, let hugeAside) = withHuge.load() else { return XCTFail("an oversized file read as a draft") }
        XCTAssertEqual(hugeReason, .phrase(.draftTooLarge, ["limit": .verbatim("1024")]))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: try XCTUnwrap(hugeAside))[.size] as? Int, huge.utf8.count, "kept whole")
    }
}
