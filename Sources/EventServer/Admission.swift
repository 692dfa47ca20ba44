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

    /// A connection from `peer` that was admitted has closed.
    mutating func release(_ peer: String) {
        open -= 1
        let left = byPeer[peer, default: 1] - 1
        byPeer[peer] = left > 0 ? left : nil
    }
}
