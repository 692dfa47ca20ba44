import Foundation
import TmuxKit

/// Summary statistics of samples in milliseconds (or any unit).
struct Stats: Codable {
    var count: Int
    var median: Double
    var p95: Double
    var p99: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func quantile(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
        }
        count = sorted.count
        median = quantile(0.5)
        p95 = quantile(0.95)
        p99 = quantile(0.99)
        max = sorted.last ?? .nan
    }
}

/// Milliseconds taken by `body`.
func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// Milliseconds `body` takes, synchronously.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// Runs a program and returns its standard output (nil if it failed).
@discardableResult
func shell(_ path: String, _ arguments: [String], environment: [String: String]? = nil) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    let end = ProcessEnd(process)
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    end.wait()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

/// One line of the results table.
struct Row: Codable {
    var section: String
    var metric: String
    var value: String
    var target: String
    var met: Bool?
}
