import CallLog
import CallLogPostgres
import CallbackCore
import Foundation
import TestPostgres

/// A team of `operators` on one PostgreSQL (`max_connections` 250): each holds what an open
/// TUI holds (its log, opened as the TUI opens it, and the panel's LISTEN), then all of them
/// send at once, `operators / clients` to each client: the repeat guard lets exactly one
/// send per client through and holds the rest; the server's connections are counted at
/// their peak, by what exocall tells the server its connections are.
struct CrowdBench {
    let operators: Int
    let clients: Int
    /// Connections each operator may hold: 1 as exocall opens a TUI's log; 2 or more is
    /// how it was before (a pool, the LISTEN holding one of its connections), for comparison.
    var connections = 1

    /// What the run saw.
    struct Figures {
        var begun = 0
        var held = 0
        var failed: [String] = []
        var peakConnections = 0
        var named = 0
        var begins: Stats
        var openSeconds: Double
    }

    func run() async throws -> Figures {
        let cluster = try PostgresCluster.start(maxConnections: 250)
        defer { cluster.destroy() }
        let database = try cluster.createDatabase("exocall_crowd")
        let location = try PostgresLocation.parse(cluster.url(database: database))
        // Every operator opens the log and listens, as the TUI does on start.
        let opening = Date()
        var stores: [PostgresCallLog] = []
        var listeners: [Task<Void, Never>] = []
        for index in 0..<operators {
            let store = try await PostgresCallLog.open(location, session: LogSession(operatorName: "op\(index)", connections: connections))
            stores.append(store)
            listeners.append(Task { for await _ in store.changes(interval: .seconds(1)) {} })
        }
        let openSeconds = Date().timeIntervalSince(opening)
        defer { listeners.forEach { $0.cancel() } }
        // Counted by the server while the sends run, every 20 ms (psql's own connection left out).
        let count = """
            SELECT count(*) || ' ' || count(*) FILTER (WHERE application_name LIKE 'exocall op%@%')
            FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
            """
        let sampling = Sampler(cluster: cluster, database: database, sql: count)
        let sampler = Thread { sampling.loop() }
        sampler.start()
        // Listening everywhere before anyone sends: every operator's LISTEN is in place.
        let deadline = Date().addingTimeInterval(30)
        while sampling.peak.total < operators && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let results = await withTaskGroup(of: (GuardedBegin?, String?, Double).self) { group in
            for (index, store) in stores.enumerated() {
                let client = "7959" + String(format: "%07d", index % clients)
                group.addTask {
                    let request = MakeCallbackRequest(requestDescription: "crowd \(index)", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                                      line1: Line(destinations: [Destination(number: "7812" + String(format: "%07d", index))]),
                                                      line2: Line(destinations: [Destination(number: client)]))
                    let started = DispatchTime.now().uptimeNanoseconds
                    do {
                        let begun = try await store.begin(CallLogEntry(request: request, mode: .demo, endpointHost: "bench", operatorName: "op\(index)"),
                                                          guardedBy: .standard, leg2: [client])
                        return (begun, nil, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                    } catch {
                        return (nil, "\(error)", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                    }
                }
            }
            var all: [(GuardedBegin?, String?, Double)] = []
            for await result in group { all.append(result) }
            return all
        }
        sampling.stop()
        while !sampling.stopped { try await Task.sleep(for: .milliseconds(10)) }
        var figures = Figures(begins: Stats(results.map(\.2)), openSeconds: openSeconds)
        for (begun, failure, _) in results {
            switch begun {
            case .begun?: figures.begun += 1
            case .held?: figures.held += 1
            case nil: figures.failed.append(failure ?? "?")
            }
        }
        figures.peakConnections = sampling.peak.total
        figures.named = sampling.peak.named
        for store in stores { await store.close() }
        return figures
    }
}

/// Counts the server's connections on a thread of its own until stopped, keeping the peak.
private final class Sampler: @unchecked Sendable {
    let cluster: PostgresCluster
    let database: String
    let sql: String
    private let lock = NSLock()
    private var running = true
    private var done = false
    private var highest = (total: 0, named: 0)

    init(cluster: PostgresCluster, database: String, sql: String) {
        (self.cluster, self.database, self.sql) = (cluster, database, sql)
    }

    var peak: (total: Int, named: Int) { lock.withLock { highest } }
    var stopped: Bool { lock.withLock { done } }
    func stop() { lock.withLock { running = false } }

    func loop() {
        while lock.withLock({ running }) {
            if let line = try? cluster.sql(sql, database: database) {
                let parts = line.split(separator: " ").compactMap { Int($0) }
                if parts.count == 2 {
                    lock.withLock { if parts[0] > highest.total { highest = (parts[0], parts[1]) } }
                }
            }
            usleep(20_000)
        }
        lock.withLock { done = true }
    }
}
