import Foundation
import TmuxKit

/// Startup and keystroke latency measured as a user feels them: the program in
/// a pseudo-terminal of 120x40 (no tmux, whose own start hides the gap), timed
/// from the spawn to the frame's last row arriving, and from a key written to
/// its echo arriving; exocall and the C floor interleaved run by run.
struct PtyBench {
    let environment: [String]

    init(home: String) {
        environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_STATE_HOME=\(home)/state",
                       "XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config", "PATH=/usr/bin:/bin"]
    }

    /// Starts `argv` on a new 120x40 pty.
    func spawn(_ argv: [String]) -> PseudoTerminal? {
        PseudoTerminal.spawn(argv, environment: environment, rows: 40, columns: 120)
    }

    /// Spawn to the first frame's last row (`marker`), `runs` times.
    func firstFrame(_ argv: [String], marker: String, runs: Int) -> [Double] {
        (0..<runs).compactMap { _ in
            guard let session = spawn(argv) else { return nil }
            defer { session.end() }
            return session.wait(for: Array(marker.utf8), since: session.started)
        }
    }

    /// One first frame of each program in turn, so all see the same machine load:
    /// for each (argv, marker), its times.
    func interleavedFirstFrames(_ programs: [(argv: [String], marker: String)], runs: Int) -> [[Double]] {
        var times = [[Double]](repeating: [], count: programs.count)
        for _ in 0..<runs {
            for (index, program) in programs.enumerated() {
                times[index] += firstFrame(program.argv, marker: program.marker, runs: 1)
            }
        }
        return times
    }

    /// Key written to its echo arriving, `keys` times: letters typed, each looked for in the output.
    func keystrokes(_ argv: [String], ready: String, keys: Int) -> [Double] {
        guard let session = spawn(argv) else { return [] }
        defer { session.end() }
        guard session.wait(for: Array(ready.utf8), since: session.started) != nil else { return [] }
        var times: [Double] = []
        for index in 0..<keys {
            let letter = ["k", "w", "z", "v"][index % 4]
            let start = ContinuousClock.now
            session.write(letter)
            if let time = session.wait(for: Array(letter.utf8), since: start, timeout: 2) { times.append(time) }
        }
        return times
    }

    /// One key's times: written to its echo arriving, and to the last byte of what it drew.
    struct Typed {
        var echo: [Double] = []
        var settled: [Double] = []
    }

    /// Letters typed into both programs in turn, as a typist types them: each key is
    /// written once the program has drawn everything of the last one and been quiet for
    /// `quiet` ms (a typist's keys are 60 ms or more apart), so the time is the key's own.
    /// For each key: to its echo, and to its frame's last byte.
    func typing(_ ours: [String], ready: String, floor: [String], floorReady: String, keys: Int, quiet: Double = 3) -> (ours: Typed, floor: Typed) {
        guard let a = spawn(ours) else { return (Typed(), Typed()) }
        defer { a.end() }
        guard let b = spawn(floor) else { return (Typed(), Typed()) }
        defer { b.end() }
        guard a.wait(for: Array(ready.utf8), since: a.started) != nil, b.wait(for: Array(floorReady.utf8), since: b.started) != nil else {
            return (Typed(), Typed())
        }
        _ = a.quiet(for: quiet, since: .now)
        _ = b.quiet(for: quiet, since: .now)
        var typed = [Typed(), Typed()]
        for index in 0..<keys {
            let letter = ["k", "w", "z", "v"][index % 4]
            for (which, session) in [a, b].enumerated() {
                let start = ContinuousClock.now
                session.write(letter)
                guard let echo = session.wait(for: Array(letter.utf8), since: start, timeout: 2) else { continue }
                typed[which].echo.append(echo)
                typed[which].settled.append(max(echo, session.quiet(for: quiet, since: start) ?? echo))
            }
        }
        return (typed[0], typed[1])
    }

    /// A draft as exocall saves it: the spec's example request, both legs filled.
    static let sampleDraft = #"{"callbackResourceID":"1221","duration":"","lines":[{"audio":{"kind":"tts","mediaResourceID":"","tts":{"emotion":2,"lang":1,"speed":"1.1","text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"volume":"-19"}},"destinations":[{"number":"78129999999","timeout":""},{"number":"74959999999","timeout":""}],"displayNumber":""},{"audio":{"kind":"recorded","mediaResourceID":"685","tts":{"speed":"","text":"","volume":""}},"destinations":[{"number":"79599999999","timeout":""},{"number":"79999999999","timeout":""}],"displayNumber":""}],"numberCode":"74999999999","requestDescription":"internal_id_148"}"#

    /// Spawn to exit, `runs` times (`--version`, a hello program).
    func run(_ argv: [String], runs: Int) -> [Double] {
        (0..<runs).compactMap { _ in
            guard let session = spawn(argv) else { return nil }
            var status: Int32 = 0
            waitpid(session.pid, &status, 0)
            let elapsed = ContinuousClock.now - session.started
            close(session.master)
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
    }

    /// A statically linked Swift program printing one line, built into `folder`: the
    /// floor for `exocall --version`. Nil when swiftc cannot build it here.
    static func staticHello(in folder: String) -> String? {
        let source = folder + "/hello.swift", binary = folder + "/hello"
        try? "print(\"hello\")\n".write(toFile: source, atomically: true, encoding: .utf8)
        guard shell("/usr/bin/env", ["swiftc", "-O", "-static-stdlib", source, "-o", binary]) != nil,
              FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        return binary
    }
}

/// What the benchmark does with a program on a pty.
extension PseudoTerminal {
    /// Reads until `marker` has arrived (or `timeout`); returns ms from `since` to the read
    /// that brought its last byte. The clock is read as the read returns, before the bytes
    /// are searched, and only the new bytes (with the few before them a marker could start
    /// in) are searched, byte by byte: the standard library's `firstRange(of:)` over the
    /// whole output took 0.3-0.5 ms for a full frame's 6.8 KB, after the bytes had arrived,
    /// and was counted in the start of every program that draws a full frame, not in the
    /// floor's one line.
    func wait(for marker: [UInt8], since: ContinuousClock.Instant, timeout: Double = 10) -> Double? {
        var window: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            let arrived = ContinuousClock.now
            if count <= 0 { return nil }
            window.removeFirst(max(0, window.count - (marker.count - 1)))
            window += buffer[0..<count]
            if Self.occurs(marker, in: window) {
                let elapsed = arrived - since
                return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            }
        }
        return nil
    }

    /// Whether `marker` occurs in `bytes`.
    static func occurs(_ marker: [UInt8], in bytes: [UInt8]) -> Bool {
        guard !marker.isEmpty, bytes.count >= marker.count else { return marker.isEmpty }
        return bytes.withUnsafeBufferPointer { haystack in
            marker.withUnsafeBufferPointer { needle in
                (0...(haystack.count - needle.count)).contains { start in
                    haystack[start] == needle[0] && (1..<needle.count).allSatisfy { haystack[start + $0] == needle[$0] }
                }
            }
        }
    }

    /// Reads until nothing has arrived for `quiet` ms; returns ms from `since` to the last
    /// byte read (nil when nothing arrived).
    func quiet(for quiet: Double, since: ContinuousClock.Instant) -> Double? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var last: ContinuousClock.Instant? = nil
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(quiet.rounded(.up))) > 0, read(master, &buffer, buffer.count) > 0 else { break }
            last = .now
        }
        return last.map { instant in
            let elapsed = instant - since
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
    }

    /// Types `text` into the program.
    func write(_ text: String) { _ = text.withCString { Foundation.write(master, $0, strlen($0)) } }

    /// Kills the program, reaps it and closes the pty.
    func end() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}
