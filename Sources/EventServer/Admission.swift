import NIOCore

/// Which connections the receiver takes: at most `total` open at once, and at most
/// `perPeer` from one address, so one host trickling request heads cannot hold every
/// connection and shut Exolve out.
struct Admission: Sendable {
    /// Why a connection was refused.
    enum Refusal: Sendable, Equatable {
        /// `total` connections are open.
        case limit
        /// `perPeer` connections are open from this address.
        case peerLimit
    }

    let total: Int
    let perPeer: Int
    /// Connections open now.
    private(set) var open = 0
    /// Connections open now, by address (an address with none is not kept).
    private var byPeer: [String: Int] = [:]
    /// The refusals since a connection was last admitted: the first of a run is the one to warn of.
    private var refusedInARow = 0

    init(total: Int, perPeer: Int) {
        self.total = total
        self.perPeer = perPeer
    }

    /// Counts a connection from `peer` as open, or says why it is refused, and whether the
    /// refusal is the first since one was admitted.
    mutating func admit(_ peer: String) -> (refusal: Refusal, first: Bool)? {
        let refusal: Refusal? = open >= total ? .limit : byPeer[peer, default: 0] >= perPeer ? .peerLimit : nil
        guard let refusal else {
            open += 1
            byPeer[peer, default: 0] += 1
            refusedInARow = 0
            return nil
        }
        refusedInARow += 1
        return (refusal, refusedInARow == 1)
    }

    /// Who a connection counts against: an IPv4 address (an IPv4-mapped IPv6 one as IPv4),
    /// or an IPv6 address's /64, since a host is given a whole /64 and could open each
    /// connection from another address of it.
    static func peer(_ address: SocketAddress?) -> String {
        guard let address else { return "-" }
        let raw = CIDR.unmapped(address)
        switch raw.count {
        case 4: return raw.map(String.init).joined(separator: ".")
        case 16: return stride(from: 0, to: 8, by: 2).map { String(UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]), radix: 16) }.joined(separator: ":") + "::/64"
        default: return address.ipAddress ?? "-"
        }
    }

    /// A connection from `peer` that was admitted has closed.
    mutating func release(_ peer: String) {
        open -= 1
        let left = byPeer[peer, default: 1] - 1
        byPeer[peer] = left > 0 ? left : nil
    }
}
