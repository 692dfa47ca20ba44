import Foundation
import TmuxKit
import XCTest

final class ProfileEndToEndTests: XCTestCase {
    func testSwitchProfilesThenSaveAndLoadATemplate() throws {
        let home = scratchHome(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try """
        [profiles.clinic]
        api_key_env = "CLINIC_KEY"
        number_code = 74951112233
        [profiles.shop]
        api_key_env = "SHOP_KEY"
        number_code = 74999999999
        callback_resource_id = 1221
        [profiles.shop.line_2]
        audio = { media_resource_id = 685 }
        """.write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let tmux = try Tmux(home: home, command: Tmux.reporting("--demo"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "┌─ Request")
        XCTAssertFalse(tmux.lastScreen.contains("profile "), "no profile chosen yet")

        // Switch to shop (the second): header, and defaults in the empty fields.
        tmux.keys("F11")
        tmux.waitFor(text: "Profile · Enter switches")
        tmux.keys("Down", "Enter")
        tmux.waitFor(text: "profile shop: filled number code, callback resource, line 2 audio")
        XCTAssertTrue(tmux.lastScreen.split(separator: "\n").first?.contains("profile shop") ?? false)
        XCTAssertTrue(tmux.lastScreen.contains(#""number_code": 74999999999"#))

        // Clinic takes out what shop put in (issue #29: never a mix of two profiles), then fills its own.
        tmux.keys("F11")
        tmux.waitFor(text: "Profile · Enter switches")
        tmux.keys("Up", "Enter")
        tmux.waitFor(text: "profile clinic: took out shop's number code, callback resource, line 2 audio; filled number code")
        XCTAssertTrue(tmux.lastScreen.split(separator: "\n").first?.contains("profile clinic") ?? false)
        XCTAssertTrue(tmux.lastScreen.contains(#""number_code": 74951112233"#))
        XCTAssertFalse(tmux.lastScreen.contains("1221"), "shop's callback resource is gone")

        // Save the form as a template, change the form, load the template back.
        tmux.keys("F6")
        tmux.waitFor(text: "Save the form as a template")
        tmux.type("shop-reminder")
        tmux.keys("Enter")
        tmux.waitFor(text: "saved the form as template shop-reminder")
        tmux.keys("Tab", "C-u")
        tmux.type("1")
        tmux.waitFor(text: #""number_code": 1,"#)
        tmux.keys("F7")
        tmux.waitFor(text: "▸ shop-reminder")
        tmux.keys("Enter")
        tmux.waitFor(text: "template shop-reminder is in the form")
        tmux.waitFor(text: #""number_code": 74951112233"#)
    }
}
