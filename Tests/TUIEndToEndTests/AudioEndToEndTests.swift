import Foundation
import TmuxKit
import XCTest

final class AudioEndToEndTests: XCTestCase {
    func testVoice15OffersOnlyItsEmotionsAndVoice11ReachesWhisper() throws {
        let tmux = try Tmux(home: scratchHome(self), command: Tmux.reporting("--demo"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "┌─ Request")
        // To line 1's audio: description, number code, resource, duration, number, timeout, add, ring, display, audio.
        for _ in 0..<9 { tmux.keys("Tab") }
        tmux.keys("Right", "Right")
        tmux.waitFor(text: "‹ text-to-speech ›")
        tmux.keys("Tab")
        tmux.type("Добрый день")
        tmux.keys("Tab", "Enter")
        tmux.waitFor(text: "type to filter")
        tmux.type("Masha")
        tmux.keys("Enter")
        tmux.waitFor(text: "‹ 15 Маша (Masha, F) ›")
        tmux.keys("Tab", "Enter")
        tmux.waitFor(text: "Emotions of 15 Маша (Masha)")
        let picker = tmux.lastScreen
        XCTAssertTrue(picker.contains("2  joyful *") && picker.contains("4  friendly") && picker.contains("5  strict"), picker)
        XCTAssertFalse(picker.contains("neutral") || picker.contains("whisper") || picker.contains("irritated"), picker)
        tmux.keys("Escape", "F9")
        tmux.waitFor(text: "Voice explorer · line 1")
        // From Masha (row 12, joyful): up to Marina (row 8), right to whisper.
        tmux.keys("Up", "Up", "Up", "Up", "Right", "Right", "Right", "Right", "Enter")
        tmux.waitFor(text: "line 1: voice 11 Марина, emotion 6 whisper")
        tmux.waitFor("the ids in the preview") { $0.contains(#""voice": 11,"#) && $0.contains(#""emotion": 6"#) }
    }
}
