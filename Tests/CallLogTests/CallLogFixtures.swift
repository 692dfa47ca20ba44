import CallbackCore
import CallLog
import ExolveClient
import Foundation
import XCTest

/// A fresh database path in a scratch folder removed after the test.
func scratchDatabase(_ test: XCTestCase) -> String {
    let folder = NSTemporaryDirectory() + "exocall-log-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
    return folder + "/calls.sqlite"
}

/// A valid request whose first leg rings `number` and says `text`.
func request(number: String = "79991234567", description: String? = nil, text: String? = nil) -> MakeCallbackRequest {
    MakeCallbackRequest(requestDescription: description, numberCode: 74_999_999_999, callbackResourceID: 1221,
                        line1: Line(destinations: [Destination(number: number)], audio: text.map { .tts(TTS(text: $0)) }),
                        line2: Line(destinations: [Destination(number: "79590000000")]))
}

/// A finished entry created at `ms`.
func finishedEntry(number: String, at ms: Int64, outcome: EntryOutcome = .placed, callID: String? = nil,
                   description: String? = nil, text: String? = nil) -> CallLogEntry {
    var entry = CallLogEntry(request: request(number: number, description: description, text: text), mode: .demo,
                             endpointHost: "127.0.0.1:1", now: Date(timeIntervalSince1970: Double(ms) / 1000))
    entry.outcome = outcome
    entry.callID = callID
    entry.finishedAt = ms + 5
    return entry
}

/// The bytes of a file.
func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }
