import CallEvents
import CallLogModel
import CallbackCore
import ExolveClient
import ExolveModel
import FoundationEssentials
import Glibc
import NIOSSL
import PostgresWire
import Localization
import ProcessEnvironment
import Synchronization

/// The call log on a PostgreSQL database a team shares: every operator sees every
/// call, and the repeat guard holds across all of them (an advisory lock per
/// leg-2 number, taken in the transaction that writes the entry). The pool
/// reconnects by itself; while the server is gone every operation fails within
/// `operationTimeout` with `.unavailable`, so a send is refused, never left waiting.
public final class PostgresCallLog: CallLogStore {
    /// The log's URL without its password.
    public let location: String
    /// Always false: a team log is opened for writing.
    public let isReadOnly = false
    private let source: any ConnectionSource
    private let password: String?

    /// How long one operation may wait for the server before it fails.
    public static let operationTimeout: Duration = .seconds(5)

    private init(location: PostgresLocation, source: any ConnectionSource) {
        self.location = location.display
        self.source = source
        password = location.password
    }

    /// Connects, brings the schema up to date (refusing a newer one) and returns the log.
    /// The first connection is made at once, so the operator hears the server's own reason
    /// (a pool retries a refused connection or a wrong password quietly). An operator's
    /// session keeps that one connection for everything; the receiver's adds a pool.
    public static func open(_ location: PostgresLocation, session: LogSession = LogSession()) async throws(CallLogError) -> PostgresCallLog {
        let tls = try TLSChoice(location)
        let configuration: WireConfiguration
        do {
            configuration = WireConfiguration(host: location.host, serverName: NIOTransport.isIPAddress(location.host) ? nil : location.host,
                                              port: location.port, user: location.user, password: location.password,
                                              database: location.database, tls: try tls.connection(), applicationName: session.applicationName)
        } catch {
            throw .badLocation(location: location.display, reason: .phrase(.pgTLSSettings, ["error": .verbatim("\(error)")]))
        }
        let shared = SharedConnection { try await WireConnection.connect(configuration) }
        // The first connection, under the deadline: the server's reason when it cannot be made.
        switch await Deadline.race(operationTimeout, { try await shared.withConnection { _ in } }) {
        case .finished: break
        case .failed(let error):
            await shared.close()
            throw classify(error, location: location.display, password: location.password, reading: false)
        case .timedOut:
            await shared.close()
            throw timedOut(location.display)
        }
        let source: any ConnectionSource
        if session.connections > 1 {
            // The first connection goes back to the pool's side: it proved the server's answer.
            await shared.close()
            source = PooledConnections(WirePool(configuration, maximum: session.connections))
        } else {
            source = shared
        }
        let store = PostgresCallLog(location: location, source: source)
        do {
            try await store.migrate()
            try await store.sweepInterrupted()
        } catch {
            await source.close()
            throw error
        }
        return store
    }

    /// Closes the log's connections.
    public func close() async { await source.close() }

    // A log dropped without close() still lets its connections go.
    deinit {
        let source = self.source
        Task { await source.close() }
    }

    /// TLS as `sslmode` asks, for the pool and for a single connection.
    private enum TLSChoice {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)

        init(_ location: PostgresLocation) throws(CallLogError) {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let root = location.sslRootCert {
                do {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
                } catch {
                    throw .badLocation(location: location.display, reason: .phrase(.pgRootCert, ["path": .verbatim(root)]))
                }
            }
            switch location.sslMode {
            case .disable:
                self = .disable
            case .allow, .prefer:
                configuration.certificateVerification = .none
                self = .prefer(configuration)
            case .require:
                configuration.certificateVerification = location.sslRootCert == nil ? .none : .noHostnameVerification
                self = .require(configuration)
            case .verifyCA:
                configuration.certificateVerification = .noHostnameVerification
                self = .require(configuration)
            case .verifyFull:
                configuration.certificateVerification = .fullVerification
                self = .require(configuration)
            }
        }

        func connection() throws -> WireConfiguration.TLS {
            switch self {
            case .disable: return .disable
            case .prefer(let configuration): return .prefer(try NIOSSLContext(configuration: configuration))
            case .require(let configuration): return .require(try NIOSSLContext(configuration: configuration))
            }
        }
    }

    // MARK: - Running operations

    /// The server did not answer within `operationTimeout`.
    private static func timedOut(_ location: String) -> CallLogError {
        .unavailable(location: location, detail: .phrase(.pgNoAnswerInTime, ["seconds": "\(operationTimeout.components.seconds)"]))
    }

    /// Runs `body` on a pooled connection, failing with `.unavailable` after the
    /// timeout (the pool waits for a server that is down; a send must not).
    private func run<T: Sendable>(reading: Bool = false, _ body: @escaping @Sendable (WireConnection) async throws -> T) async throws(CallLogError) -> T {
        let source = self.source
        let outcome = await Deadline.race(Self.operationTimeout) {
            try await source.withConnection { connection in try await body(connection) }
        }
        switch outcome {
        case .finished(let value): return value
        case .failed(let error): throw classify(error, reading: reading)
        case .timedOut:
            await source.abandon()
            throw Self.timedOut(location)
        }
    }

    /// Runs `body` in a transaction (committed when it returns, rolled back when it throws).
    private func transaction<T: Sendable>(_ body: @escaping @Sendable (WireConnection) async throws -> T) async throws(CallLogError) -> T {
        try await run { connection in
            try await connection.query("BEGIN")
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT")
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK")
                throw error
            }
        }
    }

    private func classify(_ error: any Error, reading: Bool) -> CallLogError {
        Self.classify(error, location: location, password: password, reading: reading)
    }

    /// The operator's reading of a driver error: the server's own message, with the
    /// password (should a server or library ever echo it) masked.
    private static func classify(_ error: any Error, location: String, password: String?, reading: Bool) -> CallLogError {
        if let error = error as? CallLogError { return error }
        if error is SharedConnection.Closed { return .unavailable(location: location, detail: .phrase(.pgLogClosed)) }
        func redacted(_ text: String) -> String {
            guard let password, password.count >= 3 else { return text }
            return text.replacing(password, with: "***")
        }
        if error is WirePool.Closed { return .unavailable(location: location, detail: .phrase(.pgLogClosed)) }
        var detail: Localized
        if let error = error as? WireError {
            switch error {
            case .server(let fields):
                detail = .verbatim(redacted(fields.message ?? fields.sqlState ?? "?"))
                if fields.sqlState == "42501" {
                    detail = .phrase(.pgServerSaid, ["message": detail, "hint": .phrase(.logErrPrivilege)])
                }
                // Connection, authentication, shutdown and a missing database: the log is out of reach.
                if let state = fields.sqlState, state.hasPrefix("08") || state.hasPrefix("28") || state.hasPrefix("57") || state == "3D000" {
                    return .unavailable(location: location, detail: detail)
                }
            case .connection(let underlying):
                return .unavailable(location: location, detail: ConnectionWords.describe(underlying) ?? .verbatim(redacted("\(underlying)")))
            case .closed:
                return .unavailable(location: location, detail: .phrase(.pgReset, ["place": .phrase(.pgTheServer)]))
            case .needsPassword:
                return .unavailable(location: location, detail: PasswordFile.looseFile(environment: ProcessEnvironment.variables)
                    .map { .phrase(.pgPasswordFileLoose, ["path": .verbatim($0)]) } ?? .phrase(.pgNeedsPassword))
            case .tlsUnsupported:
                return .unavailable(location: location, detail: .phrase(.pgNoTLS))
            case .unsupportedAuthentication:
                return .unavailable(location: location, detail: .phrase(.pgAuthUnsupported))
            case .sasl(let reason):
                return .unavailable(location: location, detail: .verbatim(redacted(reason)))
            case .protocolViolation(let reason):
                detail = .verbatim(redacted(reason))
            }
        } else if let words = ConnectionWords.describe(error) {
            return .unavailable(location: location, detail: words)
        } else {
            detail = .verbatim(redacted("\(error)"))
        }
        return reading ? .readFailed(path: location, detail: detail) : .writeFailed(path: location, detail: detail)
    }

    // MARK: - Schema

    private func migrate() async throws(CallLogError) {
        let location = self.location
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            let tables = try await connection.query("""
                SELECT count(*) FILTER (WHERE table_name = 'exocall_schema'), count(*) FILTER (WHERE table_name = 'call')
                FROM information_schema.tables WHERE table_schema = current_schema()
                """)
            var hasVersions = false, hasCall = false
            for row in tables { hasVersions = try row[0].decode(Int64.self) > 0; hasCall = try row[1].decode(Int64.self) > 0 }
            if hasCall && !hasVersions {
                throw CallLogError.corrupt(path: location, detail: .phrase(.logErrForeignTable))
            }
            if !hasVersions { try await connection.query(WireQuery(sql: PostgresSchema.versionTable)) }
            var version = 0
            for row in try await connection.query("SELECT coalesce(max(version), 0) FROM exocall_schema") { version = try row[0].decode(Int.self) }
            switch PostgresSchema.plan.decide(version: version) {
            case .upToDate: break
            case .newer: throw CallLogError.newerSchema(path: location)
            case .apply(let pending):
                for index in pending {
                    for sql in PostgresSchema.plan.steps[index].statements { try await connection.query(WireQuery(sql: sql)) }
                    try await connection.query("INSERT INTO exocall_schema (version) VALUES (\(index + 1))")
                }
            }
        }
    }

    /// Marks sends past their deadline without an outcome as unknown/interrupted, so
    /// the outcome filters and counts see them as they read. By deadline only: a
    /// pid means nothing on another machine.
    private func sweepInterrupted(now: Date = Date()) async throws(CallLogError) {
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        let fallback = nowMs - CallLogEntry.maxInFlightMs
        let message = CallLogEntry.interruptedMessage
        try await run { connection in
            // A role that may not update sends (the event receiver's) leaves this to the operators' processes.
            var mayUpdate = false
            for row in try await connection.query("SELECT has_table_privilege('call', 'UPDATE')") { mayUpdate = try row[0].decode(Bool.self) }
            guard mayUpdate else { return }
            try await connection.query("""
                UPDATE call SET outcome = 'unknown', message = \(message)
                WHERE outcome = 'sending' AND (deadline_at < \(nowMs) OR (deadline_at IS NULL AND created_at < \(fallback)))
                """)
        }
    }

    // MARK: - Writing

    private static let columns = """
        created_at, finished_at, mode, endpoint_host, request_json, request_description, line_1_numbers, line_2_numbers, \
        tts_text, outcome, http_status, call_id, message, raw_response, latency_ms, exocall_version, owner_pid, \
        operator_name, sender_host, deadline_at, origin, search_words
        """

    /// An INSERT of `entry` returning its id.
    static func insert(_ entry: CallLogEntry, origin: String? = nil, onConflictIgnore: Bool = false) -> WireQuery {
        var binds = WireBindings()
        binds.append(entry.createdAt)
        binds.append(entry.finishedAt)
        binds.append(entry.mode.rawValue)
        binds.append(entry.endpointHost)
        binds.append(entry.requestJSON)
        binds.append(entry.requestDescription)
        binds.append(entry.line1Numbers)
        binds.append(entry.line2Numbers)
        binds.append(entry.ttsText)
        binds.append(entry.outcome.rawValue)
        binds.append(entry.httpStatus)
        binds.append(entry.callID)
        binds.append(entry.message)
        binds.append(entry.rawResponse)
        binds.append(entry.latencyMs)
        binds.append(entry.exocallVersion)
        binds.append(Int(entry.ownerPID))
        binds.append(entry.operatorName)
        binds.append(entry.senderHost)
        binds.append(entry.deadlineAt)
        binds.append(origin)
        binds.append(SearchTerms.document(entry))
        let placeholders = (1...22).map { "$\($0)" }.joined(separator: ", ")
        let conflict = onConflictIgnore ? " ON CONFLICT (origin) DO NOTHING" : ""
        return WireQuery(sql: "INSERT INTO call (\(columns)) VALUES (\(placeholders))\(conflict) RETURNING id", binds: binds)
    }

    private static func firstID(_ rows: [WireRow]) throws -> Int64? {
        try rows.first?[0].decode(Int64.self)
    }

    /// Inserts `entry` as `sending` and returns its id.
    private static func insertSending(_ entry: CallLogEntry, location: String, _ connection: WireConnection) async throws -> Int64 {
        var row = entry
        row.outcome = .sending
        guard let id = try firstID(try await connection.query(insert(row))) else {
            throw CallLogError.writeFailed(path: location, detail: .phrase(.logErrNoID))
        }
        return id
    }

    /// Writes a `sending` entry and returns its id.
    public func begin(_ entry: CallLogEntry) async throws(CallLogError) -> Int64 {
        let location = self.location
        return try await run { connection in try await Self.insertSending(entry, location: location, connection) }
    }

    /// Writes a `sending` entry unless the repeat guard holds it. Each leg-2 number
    /// is locked (a transaction-scoped advisory lock on its normalized form, in
    /// sorted order) before recent attempts are read, so two operators sending to
    /// one client at once are serialised: one writes, the other sees that entry.
    public func begin(_ entry: CallLogEntry, guardedBy window: RepeatWindow, leg2 numbers: [String],
                      acknowledged: Set<Int64>, now: Date) async throws(CallLogError) -> GuardedBegin {
        let location = self.location
        let keys = Set(numbers.map(RepeatGuard.key).filter { !$0.isEmpty }).sorted()
        return try await transaction { connection in
            if !window.isOff {
                for key in keys {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.guardLockSpace), hashtext(\(key)))")
                }
                let unseen = try await Self.attempts(connection, against: numbers, window: window, now: now)
                    .filter { !acknowledged.contains($0.entryID) }
                if !unseen.isEmpty { return .held(unseen) }
            }
            return .begun(try await Self.insertSending(entry, location: location, connection))
        }
    }

    /// The attempts within `window` before `now` that count against sending to `numbers`.
    public func recentAttempts(against numbers: [String], window: RepeatWindow, now: Date) async throws(CallLogError) -> [RecentAttempt] {
        guard !window.isOff else { return [] }
        return try await run(reading: true) { connection in
            try await Self.attempts(connection, against: numbers, window: window, now: now)
        }
    }

    private static func attempts(_ connection: WireConnection, against numbers: [String],
                                 window: RepeatWindow, now: Date) async throws -> [RecentAttempt] {
        let since = Int64(now.timeIntervalSince1970 * 1000) - Int64(window.seconds) * 1000
        let counted = RepeatGuard.counted.map(\.rawValue)
        let rows = try await connection.query("""
            SELECT \(unescaped: selectColumns) FROM call WHERE created_at >= \(since) AND outcome = ANY(\(counted))
            ORDER BY created_at DESC, id DESC LIMIT 2000
            """)
        return RepeatGuard.attempts(against: numbers, in: try entries(rows), now: now)
    }

    /// Records the outcome of the send that `begin` returned `id` for.
    public func complete(id: Int64, with result: SendResult, now: Date) async throws(CallLogError) {
        guard let current = try await entry(id: id) else { throw .noSuchEntry(id) }
        let done = current.completed(with: result, now: now)
        let words = SearchTerms.document(done)
        try await run { connection in
            try await connection.query("""
                UPDATE call SET outcome = \(done.outcome.rawValue), finished_at = \(done.finishedAt), http_status = \(done.httpStatus),
                  call_id = \(done.callID), message = \(done.message), raw_response = \(done.rawResponse),
                  latency_ms = \(done.latencyMs), search_words = \(words)
                WHERE id = \(id)
                """)
        }
    }

    /// Inserts finished entries in one transaction.
    public func bulkInsert(_ entries: [CallLogEntry]) async throws(CallLogError) {
        let queries = entries.map { Self.insert($0) }
        try await transaction { connection in
            for query in queries { try await connection.query(query) }
        }
    }

    /// Copies entries from another log, each under its `origin` key: an entry
    /// copied before is skipped. Returns how many were new.
    public func importEntries(_ entries: [(entry: CallLogEntry, origin: String)]) async throws(CallLogError) -> Int {
        let queries = entries.map { Self.insert($0.entry, origin: $0.origin, onConflictIgnore: true) }
        return try await transaction { connection in
            var inserted = 0
            for query in queries where try Self.firstID(try await connection.query(query)) != nil { inserted += 1 }
            return inserted
        }
    }

    // MARK: - Reading

    static let selectColumns = "id, " + columns.replacing(", origin, search_words", with: "")
        + ", note, note_by, note_at, disposition, disposition_by, disposition_at, history_talk_seconds, history_at"

    private static func entries(_ rows: [WireRow]) throws -> [CallLogEntry] {
        var result: [CallLogEntry] = []
        for r in rows {
            guard let mode = CallMode(rawValue: try r[3].decode(String.self)),
                  let outcome = EntryOutcome(rawValue: try r[10].decode(String.self)) else { continue }
            result.append(CallLogEntry(
                id: try r[0].decode(Int64.self), createdAt: try r[1].decode(Int64.self), finishedAt: try r[2].decode(Int64?.self),
                mode: mode, endpointHost: try r[4].decode(String.self), requestJSON: try r[5].decode(String.self),
                requestDescription: try r[6].decode(String?.self), line1Numbers: try r[7].decode(String.self),
                line2Numbers: try r[8].decode(String.self), ttsText: try r[9].decode(String?.self), outcome: outcome,
                httpStatus: try r[11].decode(Int?.self), callID: try r[12].decode(String?.self), message: try r[13].decode(String?.self),
                rawResponse: try r[14].decode(String?.self), latencyMs: try r[15].decode(Int?.self),
                exocallVersion: try r[16].decode(String.self), ownerPID: Int32(truncatingIfNeeded: try r[17].decode(Int.self)),
                operatorName: try r[18].decode(String?.self), senderHost: try r[19].decode(String?.self),
                deadlineAt: try r[20].decode(Int64?.self)))
            let id = try r[0].decode(Int64.self)
            if let note = try r[21].decode(String?.self) {
                result[result.count - 1].take(Annotation(entryID: id, kind: .note, text: note, operatorName: try r[22].decode(String?.self),
                                                         at: try r[23].decode(Int64?.self) ?? 0))
            }
            result[result.count - 1].historyTalkSeconds = try r[27].decode(Int?.self)
            result[result.count - 1].historyAt = try r[28].decode(Int64?.self)
            if let disposition = try r[24].decode(String?.self) {
                result[result.count - 1].take(Annotation(entryID: id, kind: .disposition, text: disposition,
                                                         operatorName: try r[25].decode(String?.self), at: try r[26].decode(Int64?.self) ?? 0))
            }
        }
        return result
    }

    /// Adds a note or a disposition: kept in call_annotation, made the entry's latest, searched.
    /// The row is locked for the change, so two operators' notes at once are both kept, in order.
    public func annotate(_ annotation: Annotation) async throws(CallLogError) {
        let id = annotation.entryID
        try await transaction { connection in
            guard var entry = try Self.entries(try await connection.query(
                "SELECT \(unescaped: Self.selectColumns) FROM call WHERE id = \(id) FOR UPDATE")).first else {
                throw CallLogError.noSuchEntry(id)
            }
            try await connection.query("""
                INSERT INTO call_annotation (entry_id, kind, text, operator_name, at)
                VALUES (\(id), \(annotation.kind.rawValue), \(annotation.text), \(annotation.operatorName), \(annotation.at))
                """)
            entry.take(annotation)
            let words = SearchTerms.document(entry)
            try await connection.query("""
                UPDATE call SET note = \(entry.note), note_by = \(entry.noteBy), note_at = \(entry.noteAt),
                  disposition = \(entry.disposition), disposition_by = \(entry.dispositionBy), disposition_at = \(entry.dispositionAt),
                  search_words = \(words)
                WHERE id = \(id)
                """)
        }
    }

    /// Records talk times from the call history on the entries with those call_ids (one statement).
    public func recordTalkTimes(_ seconds: [String: Int], asked: [String], at: Int64) async throws(CallLogError) -> Int {
        guard !seconds.isEmpty || !asked.isEmpty else { return 0 }
        let ids = Array(seconds.keys), talks = ids.map { seconds[$0]! }
        let onlyAsked = asked.filter { seconds[$0] == nil }
        return try await run { connection in
            var changed = 0
            if !onlyAsked.isEmpty {
                try await connection.query("UPDATE call SET history_at = \(at) WHERE call_id = ANY(\(onlyAsked))")
            }
            let rows = try await connection.query("""
                UPDATE call SET history_talk_seconds = t.seconds, history_at = \(at)
                FROM unnest(\(ids)::text[], \(talks)::int[]) AS t(call_id, seconds)
                WHERE call.call_id = t.call_id RETURNING call.id
                """)
            changed = rows.count
            return changed
        }
    }

    /// Every note and disposition of an entry, oldest first.
    public func annotations(entryID: Int64) async throws(CallLogError) -> [Annotation] {
        try await run(reading: true) { connection in
            var found: [Annotation] = []
            let rows = try await connection.query(
                "SELECT kind, text, operator_name, at FROM call_annotation WHERE entry_id = \(entryID) ORDER BY id")
            for row in rows {
                let (kind, text, by, at) = (try row[0].decode(String.self), try row[1].decode(String.self), try row[2].decode(String?.self), try row[3].decode(Int64.self))
                if let kind = Annotation.Kind(rawValue: kind) { found.append(Annotation(entryID: entryID, kind: kind, text: text, operatorName: by, at: at)) }
            }
            return found
        }
    }

    /// Stores an event once; true when it was new (the insert is committed before this returns).
    public func record(_ event: CallEvent, receivedAt: Date) async throws(CallLogError) -> Bool {
        let identity = event.identity, uid = event.callID, raw = event.raw
        let side = event.side.rawValue, number = event.number, eventAt = event.at
        let at = Int64(receivedAt.timeIntervalSince1970 * 1000)
        return try await run { connection in
            let rows = try await connection.query("""
                INSERT INTO call_event (identity, uid, received_at, raw, side, number, event_at)
                VALUES (\(identity), \(uid), \(at), \(raw), \(side), \(number), \(eventAt))
                ON CONFLICT (identity) DO NOTHING RETURNING id
                """)
            return try Self.firstID(rows) != nil
        }
    }

    /// The events of these calls.
    public func events(callIDs: [String]) async throws(CallLogError) -> [CallEvent] {
        guard !callIDs.isEmpty else { return [] }
        let ids = callIDs
        return try await run(reading: true) { connection in
            var found: [CallEvent] = []
            for row in try await connection.query("SELECT raw FROM call_event WHERE uid = ANY(\(ids)) ORDER BY id") {
                let raw = try row[0].decode(String.self)
                if let event = CallEvent.stored(raw) { found.append(event) }
            }
            return found
        }
    }

    /// The newest events, each with its entry.
    public func recentEvents(limit: Int) async throws(CallLogError) -> [StoredEvent] {
        let limit = max(0, limit)
        return try await run(reading: true) { connection in
            var found: [StoredEvent] = []
            let rows = try await connection.query("""
                SELECT e.raw, e.received_at, (SELECT c.id FROM call c WHERE c.call_id = e.uid LIMIT 1)
                FROM call_event e ORDER BY e.id DESC LIMIT \(limit)
                """)
            for row in rows {
                let (raw, receivedAt, entryID) = (try row[0].decode(String.self), try row[1].decode(Int64.self), try row[2].decode(Int64?.self))
                if let event = CallEvent.stored(raw) { found.append(StoredEvent(event: event, receivedAt: receivedAt, entryID: entryID)) }
            }
            return found
        }
    }

    /// Sightings of leg A ringing one of `numbers` in `window`, of calls no entry claims (a
    /// lateral probe of the call_id index per sighting: an anti-join let the planner hash the
    /// whole call table), and events stored without sightings, received in `window`, read from
    /// their bodies.
    public func unclaimedRinging(numbers: [String], in window: ClosedRange<Int64>, limit: Int) async throws(CallLogError) -> [UnknownEvidence.Sighting] {
        let limit = max(0, limit), from = window.lowerBound, until = window.upperBound
        return try await run(reading: true) { connection in
            var found: [UnknownEvidence.Sighting] = []
            let rows = try await connection.query("""
                SELECT e.uid, e.number, e.event_at FROM call_event e
                LEFT JOIN LATERAL (SELECT 1 AS claimed FROM call c WHERE c.call_id = e.uid LIMIT 1) k ON true
                WHERE e.side = 'A' AND e.number = ANY(\(numbers)) AND e.event_at BETWEEN \(from) AND \(until) AND k.claimed IS NULL
                LIMIT \(limit)
                """)
            for row in rows {
                let (uid, number, at) = (try row[0].decode(String.self), try row[1].decode(String.self), try row[2].decode(Int64.self))
                found.append(UnknownEvidence.Sighting(uid: uid, side: .a, number: number, at: at))
            }
            let unread = try await connection.query("""
                SELECT e.raw FROM call_event e
                LEFT JOIN LATERAL (SELECT 1 AS claimed FROM call c WHERE c.call_id = e.uid LIMIT 1) k ON true
                WHERE e.side IS NULL AND e.received_at BETWEEN \(from) AND \(until) AND k.claimed IS NULL
                LIMIT \(max(0, limit - found.count))
                """)
            for row in unread {
                let raw = try row[0].decode(String.self)
                if let sighting = CallEvent.stored(raw).flatMap(UnknownEvidence.Sighting.init) { found.append(sighting) }
            }
            return found
        }
    }

    /// One entry by id.
    public func entry(id: Int64) async throws(CallLogError) -> CallLogEntry? {
        try await run(reading: true) { connection in
            try Self.entries(try await connection.query("SELECT \(unescaped: Self.selectColumns) FROM call WHERE id = \(id)")).first
        }
    }

    /// Up to `limit` entries matching `filter`, newest first, after `cursor` (keyset on created_at, id).
    ///
    /// A search is run in two steps, because PostgreSQL cannot tell how many rows a
    /// prefix matches: first among the newest `searchWindow` rows (a text in many
    /// entries fills the page there); when that does not fill the page, through the
    /// search index alone (a number that occurs once is found there at once).
    public func page(_ filter: CallLogFilter, after cursor: CallLogCursor?, limit: Int) async throws(CallLogError) -> [CallLogEntry] {
        guard let plain = Self.pageQuery(filter, after: cursor, limit: limit, select: Self.selectColumns, plan: .plain) else { return [] }
        guard filter.search != nil,
              let windowed = Self.pageQuery(filter, after: cursor, limit: limit, select: Self.selectColumns, plan: .newest(Self.searchWindow)),
              let indexed = Self.pageQuery(filter, after: cursor, limit: limit, select: Self.selectColumns, plan: .searchIndex) else {
            return try await run(reading: true) { connection in try Self.entries(try await connection.query(plain)) }
        }
        return try await run(reading: true) { connection in
            let newest = try Self.entries(try await connection.query(windowed))
            if newest.count == limit { return newest }
            return try Self.entries(try await connection.query(indexed))
        }
    }

    /// How many of the newest rows a search looks at before it turns to the search index.
    static let searchWindow = 2_000
    /// How many of the newest rows a count looks at when the search is common.
    static let countWindow = 60_000

    /// How many entries match, counted up to `cap` (exact and free without a filter).
    /// A search is first counted among the newest `searchWindow` rows: when that many
    /// would pass the cap over `countWindow` rows (a text in many entries), those are
    /// counted; otherwise, and when they do not pass the cap, the
    /// search index counts (a rare number costs nothing there).
    public func count(_ filter: CallLogFilter, cap: Int) async throws(CallLogError) -> MatchCount {
        if filter.search == nil, filter.since == nil, filter.until == nil, filter.operatorName == nil, filter.disposition == nil {
            let query: WireQuery = filter.outcome.map { "SELECT coalesce(sum(n), 0)::bigint FROM outcome_count WHERE outcome = \($0.rawValue)" }
                ?? "SELECT coalesce(sum(n), 0)::bigint FROM outcome_count"
            return try await run(reading: true) { connection in
                var n: Int64 = 0
                for row in try await connection.query(query) { n = try row[0].decode(Int64.self) }
                return MatchCount(value: Int(n), isAtLeast: false)
            }
        }
        func counting(_ plan: Plan) -> WireQuery? {
            guard let inner = Self.pageQuery(filter, after: nil, limit: cap + 1, select: "1", plan: plan, ordered: false) else { return nil }
            return WireQuery(sql: "SELECT count(*) FROM (\(inner.sql)) matched", binds: inner.binds)
        }
        guard let all = counting(filter.search == nil ? .plain : .searchIndex) else { return MatchCount(value: 0, isAtLeast: false) }
        let probe = filter.search == nil ? nil : counting(.newest(Self.searchWindow))
        let windowed = filter.search == nil ? nil : counting(.newest(Self.countWindow))
        let enough = Int64((cap + 1) * Self.searchWindow / Self.countWindow)
        return try await run(reading: true) { connection in
            func number(_ query: WireQuery) async throws -> Int64 {
                var n: Int64 = 0
                for row in try await connection.query(query) { n = try row[0].decode(Int64.self) }
                return n
            }
            if let probe, let windowed, try await number(probe) >= enough, try await number(windowed) > cap {
                return MatchCount(value: cap, isAtLeast: true)
            }
            let n = try await number(all)
            return MatchCount(counted: Int(n), cap: cap)
        }
    }

    /// How a query finds its rows.
    enum Plan {
        /// As the planner likes (no search, or when it does not matter).
        case plain
        /// Among the newest N rows that pass the other filters.
        case newest(Int)
        /// Through the search index alone (materialised first, so the planner cannot
        /// walk the time index instead).
        case searchIndex
    }

    /// The query behind `page` and `count`; nil when the search reduces to nothing (it matches nothing).
    static func pageQuery(_ filter: CallLogFilter, after cursor: CallLogCursor?, limit: Int, select: String,
                          plan: Plan = .plain, ordered: Bool = true) -> WireQuery? {
        var conditions: [String] = []
        var binds = WireBindings()
        func bind(_ value: some WireEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let outcome = filter.outcome { conditions.append("outcome = \(bind(outcome.rawValue))") }
        if let name = filter.operatorName { conditions.append("operator_name = \(bind(name))") }
        if let disposition = filter.disposition { conditions.append("disposition = \(bind(disposition))") }
        if let since = filter.since { conditions.append("created_at >= \(bind(since))") }
        if let until = filter.until { conditions.append("created_at < \(bind(until))") }
        if let cursor { conditions.append("(created_at, id) < (\(bind(cursor.createdAt)), \(bind(cursor.id)))") }
        var match: String? = nil
        if let search = filter.search {
            guard let query = tsquery(search) else { return nil }
            match = "search @@ to_tsquery('simple', \(bind(query)))"
        }
        func clause(_ parts: [String]) -> String { parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND ") }
        let order = ordered ? " ORDER BY created_at DESC, id DESC" : ""
        let sql: String
        switch plan {
        case .newest(let rows) where match != nil:
            // Counting needs only the search column.
            let columns = select == "1" ? "created_at, id, search" : "*"
            sql = "SELECT \(select) FROM (SELECT \(columns) FROM call\(clause(conditions)) ORDER BY created_at DESC, id DESC LIMIT \(rows)) call"
                + " WHERE \(match!)\(order) LIMIT \(limit)"
        case .searchIndex where match != nil:
            // The search alone inside (the other filters, the cursor above all, would
            // tempt the planner back to the time index); the rest outside.
            sql = "WITH matched AS MATERIALIZED (SELECT id FROM call WHERE \(match!))"
                + " SELECT \(select) FROM call\(clause(["id IN (SELECT id FROM matched)"] + conditions))\(order) LIMIT \(limit)"
        default:
            sql = "SELECT \(select) FROM call\(clause(conditions + (match.map { [$0] } ?? [])))\(order) LIMIT \(limit)"
        }
        return WireQuery(sql: sql, binds: binds)
    }

    /// The search as a tsquery: every word a prefix of some field's word (weight A),
    /// or for digits also of a reversed number (weight B).
    static func tsquery(_ text: String) -> String? {
        let clauses = SearchTerms.words(text).map { word -> String in
            // Words hold only letters and digits: nothing to escape.
            let clause = "'\(word)':*A"
            return SearchTerms.isDigits(word) ? "(\(clause) | '\(String(word.reversed()))':*B)" : clause
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " & ")
    }

    // MARK: - Changes

    /// Wakes on every change any operator makes (LISTEN/NOTIFY on a connection of
    /// its own), and once after each reconnection, so nothing missed while the
    /// server was away stays unseen. `interval` is how long it waits between attempts to reconnect.
    public func changes(interval: Duration) -> AsyncStream<Void> {
        let source = self.source
        // Changes coalesce: a flood of NOTIFYs (120,000 cost 70 s of CPU and 230 MB) is one reload.
        return AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let task = Task {
                let first = FirstTime()
                while !Task.isCancelled {
                    do {
                        try await source.listen(on: PostgresSchema.channel) { notifications in
                            if !first.take() { continuation.yield() }
                            for try await _ in notifications { continuation.yield() }
                        }
                    } catch {
                        // The server went away: wait, then listen again.
                    }
                    if Task.isCancelled { break }
                    try? await Task.sleep(for: max(interval, .milliseconds(200)))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// True the first time it is taken, false after.
final class FirstTime: Sendable {
    private let taken = Mutex(false)
    /// Whether this is the first time.
    func take() -> Bool { taken.withLock { taken in defer { taken = true }; return !taken } }
}
