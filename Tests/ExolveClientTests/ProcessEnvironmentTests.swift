import Foundation
import ProcessEnvironment
import XCTest

/// The environment as read without ProcessInfo, and the one home-folder rule.
final class ProcessEnvironmentTests: XCTestCase {
    func testVariablesAreTheProcessEnvironment() {
        XCTAssertEqual(ProcessEnvironment.variables["PATH"], String(cString: getenv("PATH")))
        XCTAssertEqual(ProcessEnvironment.variables, ProcessInfo.processInfo.environment)
    }

    func testHomeIsHOMEElseTheUserDatabase() {
        XCTAssertEqual(ProcessEnvironment.home(["HOME": "/somewhere"]), "/somewhere")
        let database = String(cString: getpwuid(getuid())!.pointee.pw_dir)
        XCTAssertEqual(ProcessEnvironment.home(["HOME": ""]), database, "an empty HOME is no home")
        XCTAssertEqual(ProcessEnvironment.home([:]), database)
    }
}
