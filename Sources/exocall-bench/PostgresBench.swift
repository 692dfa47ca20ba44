import CallLog
import CallLogPostgres
import CallbackCore
import ExolveClient
import Foundation
import TestPostgres

/// The team log at scale on a throwaway PostgreSQL cluster: the same entries
/// and queries as the SQLite log, and how long an entry sent by one process
/// takes to reach another's panel (LISTEN/NOTIFY, then the panel's reload).
struct PostgresBench {
    let cluster: PostgresCluster
    let database: String
    let entries: Int

    /// A cluster and an empty database, or nil (with the reason printed) when PostgreSQL is missing.
    static func start(entries: Int) -> PostgresBench? {
        do {
            let cluster = try PostgresCluster.start()
            return PostgresBench(cluster: cluster, database: try cluster.createDatabase("exocall_bench"), entries: entries)
        } catch {
            print("PostgreSQL rows skipped: \(error)")
            return nil
        }
    }

    var url: String { cluster.url(database: database) }

    /// Fills the log server-side (one INSERT ... SELECT): the same shape as the SQLite
    /// log's entries (numbers, descriptions, the five phrases, outcomes, 90 days), with
    /// the searchable words split and lower-cased as exocall does; returns ms.
    func generate() async throws -> Double {
        let store = try await PostgresCallLog.open(try PostgresLocation.parse(url))
        await store.close()
        let phrases = ["Здравствуйте, ваш заказ готов", "Ваш курьер будет через 15 минут", "Подтвердите запись на завтра",
                       "Hello, this is a reminder", "Оператор свяжется с вами"]
        let words = phrases.map { SearchTerms.words($0).joined(separator: " ") }
        func array(_ items: [String]) -> String { "ARRAY[" + items.map { "'\($0)'" }.joined(separator: ",") + "]" }
        let start = Int64(Date().addingTimeInterval(-90 * 86_400).timeIntervalSince1970 * 1000)
        let step = Double(90 * 86_400 * 1000) / Double(entries)
        let outcomes = array(["placed", "placed", "placed", "placed", "placed", "placed", "placed", "rejected", "unknown", "not_sent"])
        let needleAt = entries / 3
        let sql = """
            INSERT INTO call (created_at, finished_at, mode, endpoint_host, request_json, request_description, line_1_numbers,
              line_2_numbers, tts_text, outcome, http_status, call_id, message, raw_response, latency_ms, exocall_version, owner_pid,
              operator_name, sender_host, search_words)
            SELECT t, t + 180, CASE WHEN i % 10 = 0 THEN 'demo' ELSE 'live' END, 'api.exolve.ru',
              '{"request_description":"order-' || i || '","number_code":74999999999,"callback_resource_id":1221}',
              'order-' || i, n1, n2, (\(array(phrases)))[i % 5 + 1], o,
              CASE o WHEN 'placed' THEN 200 WHEN 'rejected' THEN 400 END, c,
              CASE WHEN c IS NULL THEN 'outcome ' || o ELSE 'placed: call_id ' || c END,
              CASE WHEN c IS NULL THEN NULL ELSE '{"call_id":"' || c || '"}' END, 180, 'bench', 0, 'op' || (i % 8), 'bench',
              n1 || ' ' || n2 || ' order ' || i || ' ' || coalesce(c || ' ', '') || (\(array(words)))[i % 5 + 1]
            FROM (
              SELECT i, \(start) + (i * \(step))::bigint AS t, (\(outcomes))[i % 10 + 1] AS o,
                CASE WHEN i = \(needleAt) THEN '\(LogBench.needle)' ELSE '79' || lpad((random() * 999999999)::bigint::text, 9, '0') END AS n1,
                '7' || lpad((random() * 9999999999)::bigint::text, 10, '0') AS n2,
                CASE WHEN i % 10 < 7 THEN (1800000000000000000 + i)::text END AS c
              FROM generate_series(0, \(entries - 1)) AS i
            ) g
            """
        let begin = Date()
        try cluster.sql(sql, database: database)
        try cluster.sql("VACUUM ANALYZE call", database: database)
        return Date().timeIntervalSince(begin) * 1000
    }

    /// The same queries as the SQLite log's, through the same interface.
    func queries(runs: Int) async throws -> [(String, Stats)] {
        let store = try await PostgresCallLog.open(try PostgresLocation.parse(url))
        defer { Task { await store.close() } }
        return try await LogBench.queries(store, runs: runs)
    }

    /// Times from one process's `begin` to another's panel holding the entry: the
    /// second store's change stream wakes, and it reloads its first page (as the
    /// TUI's panel does on `logChanged`). Two stores, two pools, two connections.
    func propagation(runs: Int) async throws -> Stats {
        let location = try PostgresLocation.parse(url)
        let sender = try await PostgresCallLog.open(location)
        let panel = try await PostgresCallLog.open(location)
        var wakes = panel.changes(interval: .milliseconds(500)).makeAsyncIterator()
        try await Task.sleep(for: .milliseconds(300)) // the listener in place
        var times: [Double] = []
        let request = MakeCallbackRequest(requestDescription: "propagation", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "78129999999")]),
                                          line2: Line(destinations: [Destination(number: "79599999999")]))
        for _ in 0..<runs {
            var id: Int64 = 0
            times.append(try await milliseconds {
                id = try await sender.begin(CallLogEntry(request: request, mode: .demo, endpointHost: "bench", operatorName: "bench"))
                var seen = false
                while !seen {
                    _ = await wakes.next()
                    seen = try await panel.page(.all, after: nil, limit: 100).contains { $0.id == id }
                }
            })
            try await sender.complete(id: id, with: SendResult(outcome: .placed(callID: "1", requestID: nil), httpStatus: 200, rawBody: nil, latencyMs: 1))
            _ = await wakes.next() // the completion's wake
        }
        await sender.close()
        await panel.close()
        return Stats(times)
    }
}
