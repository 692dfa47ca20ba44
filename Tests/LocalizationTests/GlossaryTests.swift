import Foundation
@testable import Localization
import XCTest

/// The glossary (Sources/Localization/Glossary.md) names one Russian term per concept; the
/// Russian catalog never uses the words it rules out (the trial found three words for
/// "unknown", two for "rejected", «Номер» for both the number code and a destination).
final class GlossaryTests: XCTestCase {
    func glossary() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Localization/Glossary.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The words of the glossary's "never" column.
    func ruledOut() throws -> [String] {
        try glossary().split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| concept") }.flatMap { row -> [String] in
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 5 else { return [] }
            return cells[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    func testTheRussianCatalogUsesNoWordTheGlossaryRulesOut() throws {
        let words = try ruledOut()
        XCTAssertGreaterThan(words.count, 8, "the glossary's never column was read: \(words)")
        for (phrase, text) in Catalog.table(.ru) {
            for word in words where !word.hasPrefix("«") {
                XCTAssertFalse(text.contains(word), "\(phrase): «\(text)» uses «\(word)»; the glossary says otherwise")
            }
            XCTAssertFalse(text.contains("«Номер»"), "\(phrase): «Номер» alone is ambiguous: \(text)")
        }
    }

    func testTheFieldsAndOutcomesUseTheGlossarysTerms() {
        XCTAssertEqual(Catalog.table(.ru)[.fieldNumberCode], "Номер Exolve")
        XCTAssertEqual(Catalog.table(.ru)[.fieldDisplayNumber], "Отображаемый номер")
        XCTAssertEqual(Catalog.table(.ru)[.badgeUnknown], "НЕИЗВЕСТНО")
        XCTAssertEqual(Catalog.table(.ru)[.outcomeUnknownTitle], "НЕИЗВЕСТНО")
        XCTAssertEqual(Catalog.table(.ru)[.badgeRejected], Catalog.table(.ru)[.outcomeRejectedTitle])
        XCTAssertEqual(Catalog.table(.ru)[.badgeNotSent], Catalog.table(.ru)[.outcomeNotSentTitle])
        XCTAssertEqual(Catalog.table(.ru)[.labelType], "А–Я", "the footer said «ввод фильтр»")
    }

    /// No English time unit left in Russian text ("за последние 10m").
    func testRussianDurationsAreRussian() {
        XCTAssertEqual(Elapsed.text(milliseconds: 30_008, in: .ru), "30.0 с")
    }
}
