import CallEvents

/// "Unknown" gets evidence: a send whose outcome is unknown and that has no call_id is linked
/// to a call Exolve's events show, when that call rang the same numbers within the send's
/// window and no entry claims it. The entry is never turned into "placed": it reads
/// "unknown → placed: Exolve's events show this call", with the evidence.
public enum UnknownEvidence {
    /// How long after a send its call may start ringing (the send's own timeout is far less).
    public static let window: Int64 = 10 * 60 * 1000
    /// How long before the entry's time an event may be (clocks of two machines differ).
    public static let skew: Int64 = 60 * 1000

    /// Whether `entry` can take evidence: unknown, with no call_id.
    public static func wants(_ entry: CallLogEntry) -> Bool {
        entry.effectiveOutcome() == .unknown && entry.callID == nil
    }

    /// The uid of the call `events` show for `entry`, if exactly one fits (the earliest if more do).
    /// `events` are those no entry claims (`StoredEvent.entryID == nil`); `taken` uids are
    /// already linked to another unknown entry.
    public static func match(_ entry: CallLogEntry, among events: [CallEvent], taken: Set<String> = []) -> String? {
        match(entry, in: Sightings(events), taken: taken)
    }

    /// What matching needs of an event, read once (not once per entry): the store keeps
    /// these beside the body, so looking for candidates reads no bodies.
    public struct Sighting: Equatable, Sendable {
        /// The call's id (`CallEvent.callID`).
        public let uid: String
        /// Which leg.
        public let side: CallEvent.Side
        /// The number the leg dialled.
        public let number: String?
        /// When it happened (Unix ms).
        public let at: Int64

        /// A sighting as stored.
        public init(uid: String, side: CallEvent.Side, number: String?, at: Int64) {
            (self.uid, self.side, self.number, self.at) = (uid, side, number, at)
        }

        /// What matching needs of `event`; nil when its time does not read.
        public init?(_ event: CallEvent) {
            guard let at = event.at else { return nil }
            self.init(uid: event.callID, side: event.side, number: event.number, at: at)
        }
    }

    /// The window an unknown send's call may have rung in, for sends made from `first` to `last`.
    public static func ringingWindow(first: Int64, last: Int64) -> ClosedRange<Int64> {
        (first - skew)...(last + window)
    }

    /// Whether `sighting` can be the start of a call for one of these sends: leg A ringing one
    /// of their leg-1 `numbers` within their `window`.
    static func rings(_ sighting: Sighting, numbers: Set<String>, in window: ClosedRange<Int64>) -> Bool {
        sighting.side == .a && numbers.contains(sighting.number ?? "") && window.contains(sighting.at)
    }

    /// The events as matching reads them: leg A's numbered events by time (where a send's
    /// window is looked up), and every timed event by call (where a refutation is looked for).
    struct Sightings {
        let ringing: [Sighting]
        let byCall: [String: [Sighting]]

        init(_ events: [CallEvent]) {
            let all = events.compactMap(Sighting.init)
            ringing = all.filter { $0.side == .a && $0.number != nil }.sorted { $0.at < $1.at }
            byCall = Dictionary(grouping: all, by: \.uid)
        }

        /// Leg A's numbered events from `from` to `until`.
        func ringing(from: Int64, until: Int64) -> ArraySlice<Sighting> {
            var low = 0, high = ringing.count
            while low < high {
                let middle = (low + high) / 2
                if ringing[middle].at < from { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < ringing.count && ringing[end].at <= until { end += 1 }
            return ringing[low..<end]
        }
    }

    /// The numbers `entry`'s leg 1 rings.
    static func leg1Numbers(_ entry: CallLogEntry) -> Set<String> {
        Set(entry.line1Numbers.split(separator: " ").map(String.init))
    }

    static func match(_ entry: CallLogEntry, in sightings: Sightings, taken: Set<String>) -> String? {
        guard wants(entry) else { return nil }
        let leg1 = leg1Numbers(entry)
        let leg2 = Set(entry.line2Numbers.split(separator: " ").map(String.init))
        var firstSeen: [String: Int64] = [:]
        for sighting in sightings.ringing(from: entry.createdAt - skew, until: entry.createdAt + window)
        where !taken.contains(sighting.uid) && leg1.contains(sighting.number ?? "") {
            firstSeen[sighting.uid] = min(firstSeen[sighting.uid] ?? .max, sighting.at)
        }
        // A leg number that is not the send's refutes the call: it is another's.
        let refuted = { (uid: String) -> Bool in
            (sightings.byCall[uid] ?? []).contains { sighting in
                guard let number = sighting.number, !number.isEmpty else { return false }
                return !(sighting.side == .a ? leg1 : leg2).contains(number)
            }
        }
        return firstSeen.filter { !refuted($0.key) }.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    /// How recent the newest event must be for the receiver to count as receiving.
    public static let receiving: Int64 = 5 * 60 * 1000

    /// The unknown sends (of `entries`, not in `links`) for which the events say there was no call:
    /// the receiver is receiving (its newest event came less than five minutes before `now`) and
    /// the send's window has passed with nothing matched.
    public static func noSign(_ entries: [CallLogEntry], links: [Int64: String], newestEvent: Int64?, now: Int64) -> Set<Int64> {
        guard let newestEvent, now - newestEvent <= receiving else { return [] }
        return Set(entries.filter { wants($0) && $0.createdAt + window < now }.compactMap(\.id).filter { links[$0] == nil })
    }

    /// For each entry that wants evidence (oldest first, so an earlier send claims first), the uid it links to.
    public static func link(_ entries: [CallLogEntry], among events: [CallEvent]) -> [Int64: String] {
        var taken: Set<String> = []
        var links: [Int64: String] = [:]
        let sightings = Sightings(events)
        for entry in entries.sorted(by: { $0.createdAt < $1.createdAt }) where wants(entry) {
            guard let id = entry.id, let uid = match(entry, in: sightings, taken: taken) else { continue }
            taken.insert(uid)
            links[id] = uid
        }
        return links
    }
}

/// What the events say of a set of unknown sends: the calls they link to, those calls'
/// results, and the sends with no sign of a call.
public struct EvidenceFound: Equatable, Sendable {
    /// Entry id → the uid of the call the events show for it.
    public var links: [Int64: String] = [:]
    /// The linked calls' results, by uid.
    public var results: [String: CallResult] = [:]
    /// Entries the events show no call for, while the receiver is receiving.
    public var noSign: Set<Int64> = []

    /// Nothing found.
    public init() {}

    /// Found these.
    public init(links: [Int64: String], results: [String: CallResult], noSign: Set<Int64>) {
        (self.links, self.results, self.noSign) = (links, results, noSign)
    }
}

extension CallLogStore {
    /// How many candidate sightings evidence is looked for among.
    public static var evidenceScan: Int { 5000 }

    /// Looks for evidence for the unknown sends among `entries` (the TUI's page, or `log show`'s
    /// entry with its neighbours) among the calls no entry claims.
    public func evidence(for entries: [CallLogEntry], now: Int64) async throws(CallLogError) -> EvidenceFound {
        let wanting = entries.filter(UnknownEvidence.wants)
        guard let first = wanting.map(\.createdAt).min(), let last = wanting.map(\.createdAt).max() else { return EvidenceFound() }
        // Candidates first, from the stored sightings alone (leg A ringing a send's leg-1
        // number in the sends' window); then every event of those calls only, read whole.
        let numbers = wanting.reduce(into: Set<String>()) { $0.formUnion(UnknownEvidence.leg1Numbers($1)) }
        let window = UnknownEvidence.ringingWindow(first: first, last: last)
        let candidates = try await unclaimedRinging(numbers: numbers.sorted(), in: window, limit: Self.evidenceScan)
            .filter { UnknownEvidence.rings($0, numbers: numbers, in: window) }
        let events = try await events(callIDs: Set(candidates.map(\.uid)).sorted())
        let links = UnknownEvidence.link(entries, among: events)
        let linked = Set(links.values)
        let newest = try await recentEvents(limit: 1).first?.receivedAt
        return EvidenceFound(links: links, results: CallResult.byCall(events.filter { linked.contains($0.callID) }),
                             noSign: UnknownEvidence.noSign(entries, links: links, newestEvent: newest, now: now))
    }
}
