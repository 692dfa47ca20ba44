import CallbackCore
import CallEvents
import CallLogModel
import FoundationEssentials
import Glibc

/// What the receiver answers, decided without the HTTP framework: the framework reads at
/// most `CallEventParser.maxBodyBytes` and hands the request here.
public struct IntakeAnswer: Equatable, Sendable {
    /// The HTTP status.
    public var status: Int
    /// A short plain-text body (never the token, never a database's words).
    public var body: String
    /// What happened, for the request's log line and the metrics (accepted, duplicate,
    /// spooled, refused_<reason>, not_found...).
    public var outcome: String

    /// An answer.
    public init(status: Int, body: String, outcome: String) {
        self.status = status
        self.body = body
        self.outcome = outcome
    }
}

/// The event receiver's logic: the secret path, the body's rules, and nothing acknowledged
/// until it is durable (in the call log, or in the spool when the log is down).
public actor EventIntake {
    private var store: (any CallLogStore)?
    private let spool: EventSpool
    private let token: String
    private let storeDeadline: Duration
    /// The counters `/metrics` shows.
    public private(set) var metrics = IntakeMetrics()

    /// An intake writing to `store`, spooling to `spool`, at the path `/events/<token>`. A
    /// write the log has not finished within `storeDeadline` (a lock held, a database that
    /// stopped answering) is spooled instead, so the answer is not held with it.
    public init(store: (any CallLogStore)?, spool: EventSpool, token: String, storeDeadline: Duration = .seconds(5)) {
        self.store = store
        self.spool = spool
        self.token = token
        self.storeDeadline = storeDeadline
    }

    /// Whether a call log is attached (one that was down at start may come later).
    public var hasStore: Bool { store != nil }

    /// Attaches the call log once it can be opened; the spool then drains into it.
    public func attach(_ store: any CallLogStore) { self.store = store }

    /// Counts a refusal decided before the intake saw the body (a slow body, a body over the limit).
    public func refuse(_ reason: String) { metrics.refuse(reason) }

    /// The path Exolve posts to.
    public var eventPath: String { "/events/" + token }

    /// The answer to one request. `declaredLength` is the Content-Length, when given: over the
    /// limit is 413 before anything is read.
    public func handle(method: String, path: String, declaredLength: Int?, body: [UInt8], now: Date = Date()) async -> IntakeAnswer {
        let route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        if route == "/healthz" && (method == "GET" || method == "HEAD") {
            return IntakeAnswer(status: 200, body: "ok\n", outcome: "health")
        }
        if route == "/metrics" && method == "GET" {
            metrics.spoolDepth = spool.depth
            return IntakeAnswer(status: 200, body: metrics.prometheus, outcome: "metrics")
        }
        // Anything but the secret path is 404, and says nothing more.
        guard route.hasPrefix("/events/"), EventToken.matches(route.dropFirst("/events/".count), token) else {
            metrics.count("not_found")
            return IntakeAnswer(status: 404, body: "not found\n", outcome: "not_found")
        }
        guard method == "POST" else { return IntakeAnswer(status: 405, body: "POST only\n", outcome: "method") }
        if let declaredLength, declaredLength > CallEventParser.maxBodyBytes {
            metrics.refuse("too_large")
            return IntakeAnswer(status: 413, body: "body over \(CallEventParser.maxBodyBytes) bytes\n", outcome: "refused_too_large")
        }
        guard body.count <= CallEventParser.maxBodyBytes else {
            metrics.refuse("too_large")
            return IntakeAnswer(status: 413, body: "body over \(CallEventParser.maxBodyBytes) bytes\n", outcome: "refused_too_large")
        }
        let event: CallEvent
        switch CallEventParser.parse(body) {
        case .failure(let refusal):
            metrics.refuse(refusal.reason)
            return IntakeAnswer(status: 400, body: refusal.message + "\n", outcome: "refused_" + refusal.reason)
        case .success(let parsed): event = parsed
        }
        let started = ContinuousClock.now
        if let store {
            // Off the actor, so a write that waits does not hold /healthz, /metrics or the other events.
            switch await Deadline.race(storeDeadline, { try await store.record(event, receivedAt: now) }) {
            case .finished(let new):
                metrics.observe(ContinuousClock.now - started)
                metrics.count(new ? "accepted" : "duplicate")
                return IntakeAnswer(status: 200, body: new ? "stored\n" : "already stored\n", outcome: new ? "accepted" : "duplicate")
            case .failed:
                // The log is down: the spool keeps it, durably, before anything is acknowledged.
                break
            case .timedOut:
                // The write may still finish; the spool's copy is then a duplicate, stored once.
                metrics.count("store_timed_out")
            }
        }
        do {
            guard try spool.keep(event, receivedAt: now) else {
                metrics.refuse("spool_full")
                return IntakeAnswer(status: 503, body: "cannot store now; send again later\n", outcome: "refused_spool_full")
            }
            metrics.count("spooled")
            return IntakeAnswer(status: 200, body: "stored\n", outcome: "spooled")
        } catch {
            metrics.refuse("spool_failed")
            return IntakeAnswer(status: 503, body: "cannot store now; send again later\n", outcome: "refused_spool_failed")
        }
    }

    /// Applies spooled events to the log (oldest first); each leaves the spool only once the
    /// log has it. Returns how many were applied; stops at the first the log refuses.
    @discardableResult
    public func drain() async -> Int {
        guard let store else { return 0 }
        var applied = 0
        for waiting in spool.waiting() {
            do {
                let new = try await store.record(waiting.event, receivedAt: waiting.receivedAt)
                spool.remove(waiting.name)
                metrics.count(new ? "accepted" : "duplicate")
                applied += 1
            } catch {
                break
            }
        }
        return applied
    }
}

/// The receiver's counters, in Prometheus' text format.
public struct IntakeMetrics: Equatable, Sendable {
    /// Requests by outcome (accepted, duplicate, spooled, not_found).
    public var counts: [String: Int] = [:]
    /// Refused bodies by reason.
    public var refused: [String: Int] = [:]
    /// Events waiting in the spool.
    public var spoolDepth = 0
    /// How long writing an event into the log took: bucket upper bounds (s) and counts.
    public var latencyBuckets: [(Double, Int)] = [(0.005, 0), (0.01, 0), (0.02, 0), (0.05, 0), (0.1, 0), (0.5, 0), (1, 0)]
    public var latencyCount = 0
    public var latencySum = 0.0

    public static func == (lhs: IntakeMetrics, rhs: IntakeMetrics) -> Bool {
        lhs.counts == rhs.counts && lhs.refused == rhs.refused && lhs.spoolDepth == rhs.spoolDepth && lhs.latencyCount == rhs.latencyCount
    }

    mutating func count(_ outcome: String) { counts[outcome, default: 0] += 1 }
    mutating func refuse(_ reason: String) { refused[reason, default: 0] += 1 }
    mutating func observe(_ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        latencyCount += 1
        latencySum += seconds
        for index in latencyBuckets.indices where seconds <= latencyBuckets[index].0 { latencyBuckets[index].1 += 1 }
    }

    /// The exposition text.
    public var prometheus: String {
        var lines = ["# HELP exocall_events_total Events by outcome (accepted, duplicate, spooled).", "# TYPE exocall_events_total counter"]
        for outcome in ["accepted", "duplicate", "spooled"] { lines.append("exocall_events_total{outcome=\"\(outcome)\"} \(counts[outcome] ?? 0)") }
        lines += ["# HELP exocall_events_refused_total Bodies refused, by reason.", "# TYPE exocall_events_refused_total counter"]
        for (reason, n) in refused.sorted(by: { $0.key < $1.key }) { lines.append("exocall_events_refused_total{reason=\"\(reason)\"} \(n)") }
        lines += ["# HELP exocall_requests_not_found_total Requests to any other path.", "# TYPE exocall_requests_not_found_total counter",
                  "exocall_requests_not_found_total \(counts["not_found"] ?? 0)",
                  "# HELP exocall_store_timed_out_total Events the call log had not written within the deadline, spooled instead.",
                  "# TYPE exocall_store_timed_out_total counter", "exocall_store_timed_out_total \(counts["store_timed_out"] ?? 0)",
                  "# HELP exocall_spool_depth Events waiting for the call log.", "# TYPE exocall_spool_depth gauge", "exocall_spool_depth \(spoolDepth)",
                  "# HELP exocall_event_apply_seconds Time to write an event into the call log.", "# TYPE exocall_event_apply_seconds histogram"]
        for (bound, n) in latencyBuckets { lines.append("exocall_event_apply_seconds_bucket{le=\"\(bound)\"} \(n)") }
        lines.append("exocall_event_apply_seconds_bucket{le=\"+Inf\"} \(latencyCount)")
        lines.append("exocall_event_apply_seconds_sum \(latencySum)")
        lines.append("exocall_event_apply_seconds_count \(latencyCount)")
        return lines.joined(separator: "\n") + "\n"
    }
}
