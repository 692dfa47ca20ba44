import Localization
import XCTest

/// The catalog is complete in both languages and its translations agree with the
/// English on their placeholders; the plural rule and the language choice.
final class CatalogTests: XCTestCase {
    func testEveryPhraseHasBothTranslations() {
        for language in UILanguage.allCases {
            let table = Catalog.table(language)
            let missing = Phrase.allCases.filter { (table[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            XCTAssertEqual(missing.map(\.rawValue), [], "\(language) lacks these phrases")
            XCTAssertEqual(table.count, Phrase.allCases.count)
        }
    }

    func testTranslationsKeepTheEnglishPlaceholdersAndTheirLanguagesPluralForms() {
        for phrase in Phrase.allCases {
            let english = Template(Catalog.source(phrase, .en))
            let russian = Template(Catalog.source(phrase, .ru))
            XCTAssertEqual(english.placeholders, russian.placeholders, "\(phrase.rawValue): placeholders differ")
            XCTAssertTrue(english.pluralForms.allSatisfy { $0 == Plural.formCount(in: .en) }, "\(phrase.rawValue): English takes 2 forms")
            XCTAssertTrue(russian.pluralForms.allSatisfy { $0 == Plural.formCount(in: .ru) }, "\(phrase.rawValue): Russian takes 3 forms")
            XCTAssertEqual(english.pluralForms.count, russian.pluralForms.count, "\(phrase.rawValue): plurals differ")
        }
    }

    func testTheRussianPluralRule() {
        let template = Template("{n} {n|звонок|звонка|звонков}")
        let cases: [(Int, String)] = [(0, "0 звонков"), (1, "1 звонок"), (2, "2 звонка"), (4, "4 звонка"), (5, "5 звонков"),
                                      (11, "11 звонков"), (12, "12 звонков"), (14, "14 звонков"), (21, "21 звонок"),
                                      (22, "22 звонка"), (25, "25 звонков"), (101, "101 звонок"), (111, "111 звонков"), (1_000_002, "1000002 звонка")]
        for (count, expected) in cases {
            XCTAssertEqual(template.render(["n": "\(count)"], language: .ru), expected)
        }
        XCTAssertEqual(Template("{n} {n|call|calls}").render(["n": "1"], language: .en), "1 call")
        XCTAssertEqual(Template("{n} {n|call|calls}").render(["n": "0"], language: .en), "0 calls")
        XCTAssertEqual(UILanguage.ru(.headerProblems, ["count": "3"]), "✗ 3 ошибки (F4)")
        XCTAssertEqual(UILanguage.en(.headerProblems, ["count": "1"]), "✗ 1 problem (F4)")
    }

    func testAMissingArgumentShowsItsPlaceholderRatherThanCrashing() {
        XCTAssertEqual(UILanguage.en(.headerProfile), "profile {name}")
    }

    func testTheLanguageIsTheFlagThenTheConfigThenTheLocaleVariables() {
        let russianLocale = ["LANG": "ru_RU.UTF-8"]
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: russianLocale), .ru)
        XCTAssertEqual(UILanguage.resolve(flag: .en, configured: .ru, environment: russianLocale), .en)
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: .en, environment: russianLocale), .en)
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"]), .en)
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: ["LC_MESSAGES": "ru_RU", "LANG": "C.UTF-8"]), .ru)
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: ["LC_ALL": "", "LANG": "ru"]), .ru, "empty is unset")
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: ["LANG": "C"]), .en)
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: ["LANG": "rus_XX"]), .en, "unknown is English")
        XCTAssertEqual(UILanguage.resolve(flag: nil, configured: nil, environment: [:]), .en)
        XCTAssertEqual(UILanguage(code: "RU"), .ru)
        XCTAssertNil(UILanguage(code: "de"))
    }
}

/// The catalog's text handling without Foundation (issue #32): the same answers.
final class TextWithoutFoundationTests: XCTestCase {
    func testTrimmingSpacesIsFoundationsWhitespaceTrim() {
        var samples = ["", " ", "\t", "  a  ", "\ta b\t", "\u{A0}x\u{A0}", "\u{3000}全角\u{3000}", "\u{2009}thin\u{202F}", "\nkeep\n",
                       " \n x \n ", "plain", "ё ж", "\u{200B}zero-width\u{200B}", " \u{301}a ", "\u{1680}\u{2000}\u{200A}\u{205F}x\u{200C}"]
        // Every space separator of Unicode, one by one, and their neighbours.
        let edges = [0x9, 0xA, 0xB, 0x1F, 0x20, 0x21, 0x85, 0x9F, 0xA0, 0xA1, 0x167F, 0x1680, 0x1681, 0x180E, 0x1FFF, 0x2000, 0x2005, 0x200A,
                     0x200B, 0x200C, 0x200D, 0x2028, 0x2029, 0x202E, 0x202F, 0x2030, 0x205E, 0x205F, 0x2060, 0x2FFF, 0x3000, 0x3001, 0xFEFF]
        for value in edges { let space = String(Unicode.Scalar(value)!); samples.append(space + "a" + space) }
        for sample in samples {
            XCTAssertEqual(sample.trimmingSpaces(), sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map { $0.value })")
            XCTAssertEqual(sample.trimmingWhitespace(), sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.unicodeScalars.map { $0.value })")
        }
        // Line breaks mixed with spaces at both ends.
        for sample in ["\r\n key \r\n", "\u{85}\u{2028}x\u{2029}\u{B}\u{C}", "\n\u{A0}\n", "\u{D}\u{200B}\u{D}ж"] {
            XCTAssertEqual(sample.trimmingWhitespace(), sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.unicodeScalars.map { $0.value })")
        }
    }

    func testTemplatesWithCyrillicAroundPlaceholdersRender() {
        let template = Template("Звонок {n} {n|раз|раза|раз} — «{name}» {нет")
        XCTAssertEqual(template.render(["n": "3", "name": "Анна"], language: .ru), "Звонок 3 раза — «Анна» {нет")
        XCTAssertEqual(template.placeholders, ["n", "name"])
        XCTAssertEqual(Template("no placeholder · ‹x›").render(["x": "y"], language: .en), "no placeholder · ‹x›")
        XCTAssertEqual(Template("{a}{b}").render(["a": "1", "b": "2"], language: .en), "12")
        XCTAssertEqual(Template("{missing} stays").render([:], language: .en), "{missing} stays")
    }

    func testTenthsReadAsPrintfsOneDecimal() {
        XCTAssertEqual(Elapsed.tenths(0), "0.0")
        XCTAssertEqual(Elapsed.tenths(3.84), "3.8")
        XCTAssertEqual(Elapsed.tenths(3.86), "3.9")
        XCTAssertEqual(Elapsed.tenths(0.04), "0.0")
        XCTAssertEqual(Elapsed.tenths(-0.04), "0.0", "no minus zero")
        XCTAssertEqual(Elapsed.tenths(-2.5), "-2.5")
        XCTAssertEqual(Elapsed.tenths(1799.96), "1800.0")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let value = Double.random(in: -5_000...5_000, using: &generator)
            let fraction = abs(value * 10) - (abs(value * 10)).rounded(.down)
            if abs(fraction - 0.5) < 1e-6 { continue } // an exact half: printf rounds to even
            XCTAssertEqual(Elapsed.tenths(value), String(format: "%.1f", value) == "-0.0" ? "0.0" : String(format: "%.1f", value), "\(value)")
        }
    }
}
