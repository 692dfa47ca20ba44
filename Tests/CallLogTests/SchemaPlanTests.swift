import CallLogModel
import XCTest

/// The one rule both backends follow to bring a log's schema up to date.
final class SchemaPlanTests: XCTestCase {
    let plan = SchemaPlan([SchemaStep("v1", ["a"]), SchemaStep("v2", ["b"]), SchemaStep("v3", ["c"])])

    func testAFreshLogGetsEveryStepAndAnUpToDateOneNone() {
        XCTAssertEqual(plan.decide(applied: []), .apply(0..<3))
        XCTAssertEqual(plan.decide(version: 0), .apply(0..<3))
        XCTAssertEqual(plan.decide(applied: ["v2", "v1", "v3"]), .upToDate)
        XCTAssertEqual(plan.decide(version: 3), .upToDate)
    }

    func testAnOlderLogGetsOnlyTheStepsItLacks() {
        XCTAssertEqual(plan.decide(applied: ["v1"]), .apply(1..<3))
        XCTAssertEqual(plan.decide(version: 2), .apply(2..<3))
    }

    func testALogFromANewerExocallIsRefused() {
        XCTAssertEqual(plan.decide(applied: ["v1", "v2", "v3", "v4: from the future"]), .newer)
        XCTAssertEqual(plan.decide(version: 4), .newer)
    }
}
