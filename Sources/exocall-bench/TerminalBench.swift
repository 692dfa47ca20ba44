import Foundation
import TmuxKit

/// Startup, keystroke latency and bytes per keystroke, in tmux at 120x40,
/// for exocall and the floor program measured the same way.
struct TerminalBench {
    let exocall: String
    let floor: String
    let scratch: String

    func home(_ name: String) -> String {
        let path = scratch + "/home-\(name)-\(UUID().uuidString.prefix(6))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Launch to first complete frame: session start until the marker is on screen.
    func startup(_ program: String, marker: String, runs: Int) -> [Double] {
        (0..<runs).compactMap { _ in
            let clock = ContinuousClock()
            let start = clock.now
            guard let tmux = try? Tmux(home: home("startup"), command: Tmux.command(program)) else { return nil }
            defer { tmux.close() }
            guard tmux.poll(timeout: 10, interval: 1000, { $0.contains(marker) }) else { return nil }
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
    }

    /// Keystroke to visible effect, `keys` times: typing into a text field and moving focus.
    func exocallKeys(_ keys: Int) -> (typing: [Double], focus: [Double]) {
        guard let tmux = try? Tmux(home: home("keys"), command: Tmux.command("\(exocall) --db \(scratch)/keys.sqlite")) else { return ([], []) }
        defer { tmux.close() }
        _ = tmux.poll(timeout: 10, interval: 1000) { $0.contains("F10 quit") }
        func descriptionLine(_ screen: String) -> String { screen.split(separator: "\n").first { $0.contains("Description ") }.map(String.init) ?? "" }
        var typing: [Double] = []
        var focus: [Double] = []
        for index in 0..<keys / 2 {
            let letter = index % 2 == 0 ? "x" : "y"
            typing.append(milliseconds {
                tmux.type(letter)
                _ = tmux.poll(timeout: 5, interval: 0) { descriptionLine($0).contains("Description       \(letter)") }
            })
            typing.append(milliseconds {
                tmux.keys("BSpace")
                _ = tmux.poll(timeout: 5, interval: 0) { !descriptionLine($0).contains("Description       \(letter)") }
            })
        }
        for _ in 0..<keys / 2 {
            focus.append(milliseconds {
                tmux.keys("Tab")
                _ = tmux.poll(timeout: 5, interval: 0) { $0.contains("▸Number code") }
            })
            focus.append(milliseconds {
                tmux.keys("BTab")
                _ = tmux.poll(timeout: 5, interval: 0) { $0.contains("▸Description") }
            })
        }
        return (typing, focus)
    }

    /// The floor's keystroke latency: each key until its counter shows.
    func floorKeys(_ keys: Int) -> [Double] {
        guard let tmux = try? Tmux(home: home("floor"), command: Tmux.command(floor)) else { return [] }
        defer { tmux.close() }
        _ = tmux.poll(timeout: 10, interval: 1000) { $0.contains("floor ready") }
        return (1...keys).map { count in
            milliseconds {
                tmux.type(count % 2 == 0 ? "x" : "y")
                _ = tmux.poll(timeout: 5, interval: 0) { $0.contains("#\(count).") }
            }
        }
    }

    /// Bytes the program writes to the terminal per character typed into a text field.
    func bytesPerKey(colour: Bool, keys: Int) -> [Double] {
        let environment = colour ? [:] : ["NO_COLOR": "1"]
        guard let tmux = try? Tmux(home: home("bytes"), environment: environment,
                                   command: Tmux.command("\(exocall) --db \(scratch)/bytes.sqlite")) else { return [] }
        defer { tmux.close() }
        _ = tmux.poll(timeout: 10, interval: 1000) { $0.contains("F10 quit") }
        usleep(300_000) // let the log panel's first page arrive before counting
        let capture = scratch + "/pty-\(UUID().uuidString.prefix(6)).bin"
        tmux.command("pipe-pane", "-o", "cat >> \(capture)")
        func size() -> Int { ((try? FileManager.default.attributesOfItem(atPath: capture))?[.size] as? Int) ?? 0 }
        var samples: [Double] = []
        var typed = ""
        for index in 0..<keys {
            let before = size()
            let letter = ["a", "b", "c"][index % 3]
            typed += letter
            tmux.type(letter)
            let shown = String(typed.suffix(20))
            _ = tmux.poll(timeout: 5, interval: 1000) { $0.contains(shown) }
            usleep(20_000) // the pipe to `cat` lags the screen a little
            samples.append(Double(size() - before))
        }
        tmux.command("pipe-pane")
        return samples
    }
}
