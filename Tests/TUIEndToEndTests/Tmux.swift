import Foundation
import TmuxKit
import XCTest

extension Tmux {
    /// The exocall binary built beside the tests.
    static var exocall: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("exocall").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("exocall").path
    }

    /// A pane command that runs exocall, then reports its exit status and the
    /// terminal's line discipline (to prove the terminal was restored).
    static func reporting(_ arguments: String, term: String = "xterm-256color") -> String {
        "sh -c 'TERM=\(term) \(exocall) \(arguments); echo \"[exit:$?]\"; stty -a | grep -o -- \"-*icanon\" | sed \"s/^/[tty:/;s/$/]/\"; exec sleep 600'"
    }

    /// Waits until the screen satisfies `condition`, then until the frame is whole (`settle`:
    /// what a test reads next from `lastScreen` may be a row the frame had not reached yet);
    /// fails the test with the last screen on timeout.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) -> Bool {
        if poll(timeout: timeout, condition) {
            settle()
            return true
        }
        XCTFail("timed out waiting for \(what); last screen:\n\(lastScreen)", file: file, line: line)
        return false
    }

    /// Waits for `text` to appear on screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }
}

/// A scratch HOME removed after the test.
func scratchHome(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "exocall-e2e-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// The first child process of `pid` (the app under the pane's shell), waited for up to 5 s.
func childProcess(of pid: Int32) -> Int32 {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8),
           let first = text.split(separator: " ").first, let child = Int32(first) {
            return child
        }
        usleep(20_000)
    }
    return 0
}
