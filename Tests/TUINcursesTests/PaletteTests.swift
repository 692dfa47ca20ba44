import CNcursesw
import Theming
import TUI
@testable import TUINcurses
import XCTest

final class PaletteTests: XCTestCase {
    private func theme(_ name: String) throws -> Theme {
        try ThemeLibrary(userFolder: nil).load(name).get()
    }

    func testMonochromeSelectionLendsItsReverseAttribute() throws {
        var palette = Palette(theme: try theme("monochrome"), depth: .monochrome)
        let (plain, plainPair) = palette.attributes(for: Style(.text))
        let (selected, selectedPair) = palette.attributes(for: Style(.text, on: .selection))
        XCTAssertEqual(plain & exo_a_reverse(), 0)
        XCTAssertNotEqual(selected & exo_a_reverse(), 0, "without colour the selection must still show")
        XCTAssertEqual(plainPair, 0)
        XCTAssertEqual(selectedPair, 0, "monochrome allocates no colour pair")
    }

    func testBoldAndUnderlineOfTheStyleAreAddedToTheRolesAttributes() throws {
        var palette = Palette(theme: try theme("default"), depth: .ansi16)
        let (bold, _) = palette.attributes(for: Style(.text, bold: true))
        XCTAssertNotEqual(bold & exo_a_bold(), 0)
        let (under, _) = palette.attributes(for: Style(.text, underline: true))
        XCTAssertNotEqual(under & exo_a_underline(), 0)
        let (plain, _) = palette.attributes(for: Style(.text))
        XCTAssertEqual(plain & exo_a_bold(), 0)
    }

    func testTheSameStyleMapsTheSameWayEveryTime() throws {
        var palette = Palette(theme: try theme("high-contrast"), depth: .palette256)
        let first = palette.attributes(for: Style(.error, on: .surface, bold: true))
        let second = palette.attributes(for: Style(.error, on: .surface, bold: true))
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
    }
}
