import CallbackCore
import Localization
import XCTest

final class PhoneNumberTests: XCTestCase {
    func testNormalizesWhatOperatorsType() {
        XCTAssertEqual(PhoneNumber.normalize("+7 (999) 123-45-67"), "79991234567")
        XCTAssertEqual(PhoneNumber.normalize("8 999 123 45 67"), "79991234567")
        XCTAssertEqual(PhoneNumber.normalize("8-999-123-45-67"), "79991234567")
        XCTAssertEqual(PhoneNumber.normalize("79991234567"), "79991234567")
        XCTAssertEqual(PhoneNumber.normalize("00 44 20 7946 0958"), "442079460958")
        XCTAssertEqual(PhoneNumber.normalize("  sip:op@pbx.example.ru "), "sip:op@pbx.example.ru")
        XCTAssertNil(PhoneNumber.normalize("call me"))
        XCTAssertNil(PhoneNumber.normalize("+7 999"))
        XCTAssertNil(PhoneNumber.normalize("7+999"))
    }

    func testDigitCountBoundsAreInclusive() {
        XCTAssertNotEqual(PhoneNumber.check("123456"), .valid)
        XCTAssertEqual(PhoneNumber.check("1234567"), .valid)
        XCTAssertEqual(PhoneNumber.check("123456789012345"), .valid)
        XCTAssertNotEqual(PhoneNumber.check("1234567890123456"), .valid)
    }

    func testLeadingZeroAndDomesticFormsAreWarnedWithTheirFix() {
        guard case .warning(let reason, nil) = PhoneNumber.check("0991234567") else { return XCTFail() }
        XCTAssertTrue(reason.text(.en).contains("country code"))
        guard case .warning(let domestic, "79991234567") = PhoneNumber.check("89991234567") else { return XCTFail() }
        XCTAssertEqual(domestic.text(.en), "is written the domestic way; the international form is 79991234567")
        XCTAssertEqual(domestic.text(.ru), "записан по-внутрироссийски; в международном формате: 79991234567")
        guard case .warning(_, let suggestion) = PhoneNumber.check("+79991234567") else { return XCTFail() }
        XCTAssertEqual(suggestion, "79991234567")
        guard case .warning(let mobile, "79031234567") = PhoneNumber.check("9031234567") else { return XCTFail() }
        XCTAssertEqual(mobile.text(.en), "looks like a Russian mobile without its country code; with it: 79031234567")
    }

    func testSIPURIs() {
        XCTAssertEqual(PhoneNumber.check("sip:100@pbx.example.ru"), .valid)
        XCTAssertEqual(PhoneNumber.check("SIPS:user@host"), .valid)
        XCTAssertNotEqual(PhoneNumber.check("sip:@host"), .valid)
        XCTAssertNotEqual(PhoneNumber.check("sip:user"), .valid)
        XCTAssertNotEqual(PhoneNumber.check("sip:us er@host"), .valid)
    }

    func testNonLatinDigitsAreNotDigits() {
        XCTAssertNotEqual(PhoneNumber.check("٧٩٩٩١٢٣٤٥٦٧"), .valid)
    }
}
