@testable import EventServer
import NIOCore
import XCTest

/// Which connections the receiver takes: the total, one address's share, and who counts as
/// one address (an IPv6 host by its /64, which it holds whole).
final class AdmissionTests: XCTestCase {
    func address(_ text: String) throws -> SocketAddress { try SocketAddress(ipAddress: text, port: 443) }

    func testOneAddressCountsAsOnePeerAndAnIPv6HostByItsSlash64() throws {
        XCTAssertEqual(Admission.peer(try address("203.0.113.9")), "203.0.113.9")
        XCTAssertEqual(Admission.peer(try address("::ffff:203.0.113.9")), "203.0.113.9", "IPv4-mapped is the IPv4 host")
        XCTAssertEqual(Admission.peer(try address("2001:db8:1:2::1")), Admission.peer(try address("2001:db8:1:2:ffff:eeee:dddd:cccc")))
        XCTAssertEqual(Admission.peer(try address("2001:db8:1:2::1")), "2001:db8:1:2::/64")
        XCTAssertNotEqual(Admission.peer(try address("2001:db8:1:2::1")), Admission.peer(try address("2001:db8:1:3::1")))
        XCTAssertEqual(Admission.peer(nil), "-")
    }

    func testEachLimitRefusesWithItsReasonAndWarnsOncePerRun() {
        var admission = Admission(total: 3, perPeer: 2)
        XCTAssertNil(admission.admit("a"))
        XCTAssertNil(admission.admit("a"))
        XCTAssertEqual(admission.admit("a")?.refusal, .peerLimit)
        XCTAssertEqual(admission.admit("a")?.first, false, "the second refusal in a row is not warned of")
        XCTAssertNil(admission.admit("b"))
        XCTAssertEqual(admission.admit("c")?.refusal, .limit)
        XCTAssertEqual(admission.admit("c")?.first, false)
        XCTAssertEqual(admission.open, 3)
        admission.release("a")
        XCTAssertNil(admission.admit("c"), "a closed connection makes room")
        let refused = admission.admit("d")
        XCTAssertEqual(refused?.refusal, .limit)
        XCTAssertEqual(refused?.first, true, "the first refusal after an admission is warned of")
        admission.release("a")
        admission.release("b")
        admission.release("c")
        XCTAssertEqual(admission.open, 0)
        XCTAssertNil(admission.admit("a"))
        XCTAssertNil(admission.admit("a"), "an address's count went back to zero with its connections")
    }
}
