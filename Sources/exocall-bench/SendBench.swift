import Foundation

/// `exocall send` to the local stand-in, next to curl posting the same body.
struct SendBench {
    let exocall: String
    let scratch: String

    func run(calls: Int) throws -> (exocall: Stats, curl: Stats) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: exocall)
        server.arguments = ["stub-server", "--port", "0", "--api-key", "bench-key"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        let url = String(decoding: firstLine, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let body = scratch + "/send.json"
        try #"{"request_description":"bench","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}],"audio":{"media_resource_id":685}}}"#
            .write(toFile: body, atomically: true, encoding: .utf8)
        let environment = ["EXOLVE_API_KEY": "bench-key", "HOME": scratch, "PATH": "/usr/bin:/bin"]
        var ours: [Double] = []
        var theirs: [Double] = []
        for call in 0..<calls {
            // The same client every time: --allow-repeat, or the repeat guard holds every send after
            // the first, and the row would time a refusal that sends nothing (as it did until session 21).
            var placed: String? = nil
            ours.append(milliseconds {
                placed = shell(exocall, ["send", "--allow-repeat", "--base-url", url, "--db", scratch + "/send.sqlite", body], environment: environment)
            })
            guard placed != nil else { throw BenchError("exocall send #\(call + 1) to the stand-in did not exit 0 (placed)") }
            var answered: String? = nil
            theirs.append(milliseconds {
                answered = shell("/usr/bin/curl", ["-s", "-f", "-o", "/dev/null", "-X", "POST", "-H", "Authorization: Bearer bench-key",
                                                   "-H", "Content-Type: application/json", "--data-binary", "@" + body, url + "/call/v1/MakeCallback"])
            })
            guard answered != nil else { throw BenchError("curl #\(call + 1) to the stand-in failed") }
        }
        return (Stats(ours), Stats(theirs))
    }
}
