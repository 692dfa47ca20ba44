import Foundation
import CallLog

// exocall-bench: one command, one table, the same figures as JSON. Its flags: `usage` below.
let arguments = Array(CommandLine.arguments.dropFirst())
/// The flags this tool knows, and those that take a value; anything else is refused
/// rather than read as "no flag" (which runs the whole benchmark, half an hour).
let knownFlags: Set<String> = ["--small", "--render-only", "--log-only", "--events-only", "--crowd-pooled", "--crowd-only",
                               "--team-only", "--hostile-only", "--startup-only", "--send-only", "--help", "-h"]
let valueFlags: Set<String> = ["--out", "--binary", "--keep-db"]
let usage = """
    usage: exocall-bench [--small] [--binary PATH] [--out DIR]       the full benchmark (--small: CI's version)
           exocall-bench --startup-only [--binary PATH]              only the pty startup and keystroke rows
           exocall-bench --team-only [--small]                       only the PostgreSQL team log's rows
           exocall-bench --crowd-only [--small]                      only the 200 operators on one PostgreSQL
           exocall-bench --crowd-pooled [--small]                    the same crowd with a pool each, as before issue #32
           exocall-bench --events-only [--small]                     only the call events' rows
           exocall-bench --hostile-only [--binary PATH]              only the hostile-input rows
           exocall-bench --send-only [--binary PATH]                 only exocall send next to curl
           exocall-bench --log-only [--keep-db PATH]                 only the SQLite log's queries
           exocall-bench --render-only [--keep-db PATH]              only the in-process frame figures
    Without --binary, exocall is the shipped build (.ci/build-release, built now if needed).
    """
do {
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        if valueFlags.contains(argument) {
            guard index + 1 < arguments.count else {
                FileHandle.standardError.write(Data("exocall-bench: \(argument) needs a value\n\(usage)\n".utf8))
                exit(2)
            }
            index += 2
            continue
        }
        guard knownFlags.contains(argument) else {
            FileHandle.standardError.write(Data("exocall-bench: unknown argument \"\(argument)\"\n\(usage)\n".utf8))
            exit(2)
        }
        index += 1
    }
    if arguments.contains("--help") || arguments.contains("-h") {
        print(usage)
        exit(0)
    }
}
let small = arguments.contains("--small")
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let root = FileManager.default.currentDirectoryPath
let out = option("--out") ?? root + "/bench-out"
try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
let scratch = out + "/scratch"
try? FileManager.default.removeItem(atPath: scratch)
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)

// The binary under test: --binary, else the shipped release build (.ci/build-release, built now if needed:
// the one .ci/install installs and .ci/package-deb packages).
var exocall = option("--binary") ?? ""
if exocall.isEmpty {
    print("building exocall (release, .ci/build-release)…")
    guard let built = shell(root + "/.ci/build-release", []), let path = built.split(separator: "\n").last else {
        FileHandle.standardError.write(Data("exocall-bench: .ci/build-release failed (run it to see why)\n".utf8))
        exit(1)
    }
    exocall = String(path)
}
guard FileManager.default.isExecutableFile(atPath: exocall) else {
    FileHandle.standardError.write(Data("exocall-bench: no exocall binary at \(exocall)\n".utf8))
    exit(1)
}

let runs = small ? 3 : 10
let keys = small ? 20 : 200
let entries = small ? 10_000 : 1_000_000
var rows: [Row] = []
var figures: [String: Any] = [:]
func fmt(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

// --render-only: just the in-process frame figures, on --keep-db's database (to profile a change).
if arguments.contains("--render-only") {
    let log = LogBench(path: option("--keep-db") ?? scratch + "/big.sqlite", entries: entries)
    if !FileManager.default.fileExists(atPath: log.path) { _ = try log.generate() }
    let (frame, keyed) = try log.render(frames: small ? 200 : 2000)
    print("frame p50 / p99: \(fmt(frame.median, 3)) / \(fmt(frame.p99, 3)) ms; key + frame: \(fmt(keyed.median, 3)) / \(fmt(keyed.p99, 3)) ms")
    exit(0)
}

/// Issue #30's rows on one backend: the receiver's throughput and acknowledgements, then
/// (`events` = five per entry) the log's event queries; on the team log, event to panel.
@MainActor func eventRows(backend: String, db: String, fill: () async throws -> Double, team: PostgresBench?) async throws {
    let bench = EventsBench(exocall: exocall, scratch: scratch)
    // Throughput into a log of its own (a fresh SQLite file; the team database itself).
    let target = team == nil ? scratch + "/events-\(UUID().uuidString.prefix(8)).sqlite" : db
    let receiver = try bench.start(db: target)
    let posted = small ? 1_000 : 20_000
    _ = try bench.throughput(receiver, count: 200, connections: 4, firstUID: 8_000_000_000_000_000_000) // warm
    let (perSecond, acks) = try bench.throughput(receiver, count: posted, connections: 8, firstUID: 8_100_000_000_000_000_000)
    try bench.requireWritten(receiver, accepted: 200 + posted)
    rows.append(Row(section: "events", metric: "\(backend): events accepted per second (8 connections)", value: fmt(perSecond, 0) + "/s", target: "≥ 2,000/s", met: perSecond >= 2000))
    rows.append(Row(section: "events", metric: "\(backend): acknowledgement (p50 / p99)", value: "\(fmt(acks.median, 2)) / \(fmt(acks.p99, 2)) ms", target: "p99 < 20 ms", met: acks.p99 < 20))
    var eventFigures: [String: Any] = ["posted": posted, "per_second": perSecond, "ack": acks.dictionary]
    if let team {
        let toPanel = try await bench.eventToPanel(receiver, url: team.url, runs: small ? 10 : 50)
        rows.append(Row(section: "events", metric: "\(backend): event to another operator's panel (p50 / p95)", value: "\(fmt(toPanel.median, 1)) / \(fmt(toPanel.p95, 1)) ms", target: "p95 < 1 s", met: toPanel.p95 < 1000))
        eventFigures["event_to_panel"] = toPanel.dictionary
    }
    receiver.stop()
    let filled = try await fill()
    rows.append(Row(section: "events", metric: "\(backend): add \(entries * 5) events beside \(entries) entries (bulk)", value: fmt(filled / 1000, 1) + " s", target: "", met: nil))
    let store = try await CallLogOpener.open(db)
    for (name, stats) in try await EventsBench.queries(store, runs: small ? 5 : 20) {
        rows.append(Row(section: "events", metric: "\(backend): \(name) (p50 / max)", value: "\(fmt(stats.median, 2)) / \(fmt(stats.max, 2)) ms", target: "p50 < 20 ms", met: stats.median < 20))
        eventFigures[name] = stats.dictionary
    }
    await store.close()
    figures["events_" + backend.lowercased()] = eventFigures
}

/// The same log on PostgreSQL (a throwaway cluster), and the time an entry sent by one
/// process takes to reach another's panel.
@MainActor func teamRows(events: Bool = true, queries: Bool = true) async throws {
    guard let team = PostgresBench.start(entries: entries) else { return }
    defer { team.cluster.destroy() }
    let teamGeneration = try await team.generate()
    rows.append(Row(section: "team", metric: "PostgreSQL: generate \(entries) entries (server-side)", value: fmt(teamGeneration / 1000, 1) + " s", target: "", met: nil))
    if events {
        try await eventRows(backend: "PostgreSQL", db: team.url, fill: { try EventsBench.fillPostgres(team, count: entries * 5) }, team: team)
    }
    guard queries else { return }
    var teamFigures: [String: Any] = ["generate_seconds": teamGeneration / 1000, "entries": entries]
    for (name, stats) in try await team.queries(runs: small ? 5 : 20) {
        rows.append(Row(section: "team", metric: "PostgreSQL: \(name) (p50 / max)", value: "\(fmt(stats.median, 2)) / \(fmt(stats.max, 2)) ms", target: "p50 < 20 ms", met: stats.median < 20))
        teamFigures[name] = stats.dictionary
    }
    let propagation = try await team.propagation(runs: small ? 10 : 50)
    rows.append(Row(section: "team", metric: "another process's send in the panel (p50 / p95)", value: "\(fmt(propagation.median, 1)) / \(fmt(propagation.p95, 1)) ms", target: "p95 < 1 s", met: propagation.p95 < 1000))
    teamFigures["propagation"] = propagation.dictionary
    figures["team"] = teamFigures
}

/// The SQLite half of the call events' rows, on the generated log at `path`.
@MainActor func sqliteEventRows(_ path: String) async throws {
    try await eventRows(backend: "SQLite", db: path, fill: { try EventsBench.fillSQLite(path, count: entries * 5) }, team: nil)
}

// --log-only: just the SQLite log's queries (a generated log; --keep-db reuses one).
if arguments.contains("--log-only") {
    let log = LogBench(path: option("--keep-db") ?? scratch + "/big.sqlite", entries: entries)
    if !FileManager.default.fileExists(atPath: log.path) { _ = try log.generate() }
    for (name, stats) in try await log.queries(runs: small ? 5 : 20) {
        print("SQLite: \(name) (p50 / max): \(fmt(stats.median, 2)) / \(fmt(stats.max, 2)) ms  p50 < 20 ms \(stats.median < 20 ? "met" : "NOT MET")")
    }
    exit(0)
}

// --events-only: just the call events' rows, on both backends.
if arguments.contains("--events-only") {
    let log = LogBench(path: scratch + "/big.sqlite", entries: entries)
    _ = try log.generate()
    try await sqliteEventRows(log.path)
    try await teamRows(events: true, queries: false)
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

/// Issue #32's row: a team of 200 operators (20 with --small) on one PostgreSQL, each holding
/// what an open TUI holds, sending to a quarter as many clients at once.
@MainActor func crowdRows() async throws {
    let operators = small ? 20 : 200, clients = operators / 4
    let crowd: CrowdBench.Figures
    do { crowd = try await CrowdBench(operators: operators, clients: clients).run() } catch {
        print("crowd rows skipped: \(error)")
        return
    }
    let section = "crowd"
    rows.append(Row(section: section, metric: "\(operators) operators open the team log and listen", value: fmt(crowd.openSeconds, 1) + " s", target: "", met: nil))
    rows.append(Row(section: section, metric: "\(operators) send to \(clients) clients at once: placed / held", value: "\(crowd.begun) / \(crowd.held)" + (crowd.failed.isEmpty ? "" : " (\(crowd.failed.count) failed: \(crowd.failed[0]))"),
                    target: "\(clients) / \(operators - clients)", met: crowd.begun == clients && crowd.held == operators - clients))
    rows.append(Row(section: section, metric: "server connections at peak (max_connections 250)", value: "\(crowd.peakConnections), \(crowd.named) named exocall opN@host",
                    target: "≤ \(operators), 1 each", met: crowd.peakConnections <= operators && crowd.named == crowd.peakConnections))
    rows.append(Row(section: section, metric: "guarded begin, all at once (p50 / p99)", value: "\(fmt(crowd.begins.median, 1)) / \(fmt(crowd.begins.p99, 1)) ms",
                    target: "p99 < 1000 ms", met: crowd.begins.p99 < 1000))
    figures["crowd"] = ["operators": operators, "clients": clients, "placed": crowd.begun, "held": crowd.held, "failed": crowd.failed.count,
                        "peak_connections": crowd.peakConnections, "begin": crowd.begins.dictionary, "open_seconds": crowd.openSeconds]
}

// --crowd-pooled: the same crowd with a pool per operator, as before issue #32 (for BENCHMARKS.md).
if arguments.contains("--crowd-pooled") {
    do {
        let crowd = try await CrowdBench(operators: small ? 20 : 200, clients: small ? 5 : 50, connections: 8).run()
        print("pooled: placed \(crowd.begun), held \(crowd.held), failed \(crowd.failed.count) \(crowd.failed.first ?? ""), peak connections \(crowd.peakConnections), begin p99 \(fmt(crowd.begins.p99, 1)) ms")
    } catch {
        print("pooled: \(error)")
    }
    exit(0)
}

// --crowd-only: just that row.
if arguments.contains("--crowd-only") {
    try await crowdRows()
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

// --team-only: just the PostgreSQL rows (the team log at scale).
if arguments.contains("--team-only") {
    try await teamRows(events: false)
    try await crowdRows()
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

/// Issue #27's rows: a 5 MB paste, an 80,000-character description, config check on 10,000 keys.
@MainActor func hostileRows() throws {
    let hostile = HostileBench(exocall: exocall, scratch: scratch)
    let pasted = try hostile.paste(runs: small ? 2 : 5)
    rows.append(Row(section: "hostile", metric: "a 5 MB paste, decoded and refused by the field (median)", value: fmt(pasted.median, 0) + " ms", target: "< 1000 ms", met: pasted.median < 1000))
    let (longPanel, longEntry) = try hostile.longDescription(frames: small ? 20 : 100)
    rows.append(Row(section: "hostile", metric: "80,000-character description: key + frame, panel (p50 / max)", value: "\(fmt(longPanel.median, 2)) / \(fmt(longPanel.max, 2)) ms", target: "p50 < 16 ms", met: longPanel.median < 16))
    rows.append(Row(section: "hostile", metric: "80,000-character description: key + frame, entry open (p50 / max)", value: "\(fmt(longEntry.median, 2)) / \(fmt(longEntry.max, 2)) ms", target: "p50 < 100 ms", met: longEntry.median < 100))
    let checkMany = try hostile.configCheck(keys: 10_000, runs: small ? 2 : 5)
    let checkAll = try hostile.configCheck(keys: 4_000, runs: small ? 2 : 5)
    rows.append(Row(section: "hostile", metric: "config check, 10,000 keys (refused past 4,096) (median)", value: fmt(checkMany.median, 0) + " ms", target: "< 1000 ms", met: checkMany.median < 1000))
    rows.append(Row(section: "hostile", metric: "config check, 4,000 unknown keys, each named (median)", value: fmt(checkAll.median, 0) + " ms", target: "< 1000 ms", met: checkAll.median < 1000))
    figures["hostile"] = ["paste_5mb": pasted.dictionary, "long_description_panel": longPanel.dictionary, "long_description_entry": longEntry.dictionary,
                          "config_check_10000": checkMany.dictionary, "config_check_4000": checkAll.dictionary]
}

// --hostile-only: just those rows (debug builds are slower: the targets are for release).
if arguments.contains("--hostile-only") {
    try hostileRows()
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

/// `exocall send` placing a call on the stand-in, next to curl posting the same body.
@MainActor func sendRows() throws {
    let (sendOurs, sendCurl) = try SendBench(exocall: exocall, scratch: scratch).run(calls: small ? 3 : 20)
    let sendRatio = sendOurs.median / sendCurl.median
    rows.append(Row(section: "send", metric: "exocall send to the stand-in, placed (median)", value: fmt(sendOurs.median, 1) + " ms", target: "", met: nil))
    rows.append(Row(section: "send", metric: "curl, same body (median)", value: fmt(sendCurl.median, 1) + " ms", target: "", met: nil))
    rows.append(Row(section: "send", metric: "ratio to curl", value: fmt(sendRatio, 2) + "x", target: "≤ 2x", met: sendRatio <= 2))
    figures["send"] = ["exocall": sendOurs.dictionary, "curl": sendCurl.dictionary, "ratio": sendRatio]
}

// --send-only: just those rows.
if arguments.contains("--send-only") {
    try sendRows()
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

let floor = try Floor.build(in: scratch)
let terminal = TerminalBench(exocall: exocall, floor: floor, scratch: scratch)

// Issue #32's rows about the binary itself: its size stripped, and its hardening (ELF headers).
let stripped = scratch + "/exocall-stripped"
if shell("/usr/bin/strip", ["-o", stripped, exocall]) != nil,
   let size = (try? FileManager.default.attributesOfItem(atPath: stripped))?[.size] as? Int {
    let megabytes = Double(size) / 1_000_000
    rows.append(Row(section: "ship", metric: "the release binary, stripped", value: fmt(megabytes) + " MB", target: "≤ 40 MB", met: megabytes <= 40))
    figures["stripped_mb"] = megabytes
}
if let headers = shell("/usr/bin/readelf", ["-h", "-l", "-d", "-W", exocall]) {
    let hardened = headers.contains("DYN (Position-Independent Executable file)") && headers.contains("GNU_RELRO")
        && (headers.contains("BIND_NOW") || headers.contains("Flags: NOW"))
    rows.append(Row(section: "ship", metric: "PIE, full RELRO and BIND_NOW (readelf)", value: hardened ? "all three" : "missing", target: "all three", met: hardened))
}

print("1/8 startup and keys in a pseudo-terminal…")
// As a user feels it: in a pty of 120x40, spawn to the first frame's last row, exocall
// and the floor interleaved run by run; a key written to its echo arriving.
let ptyHome = scratch + "/pty-home"
try? FileManager.default.createDirectory(atPath: ptyHome, withIntermediateDirectories: true)
let pty = PtyBench(home: ptyHome)
let ptyRuns = small ? 5 : 20
// `exocall` as an operator starts it (its log, config and draft in the scratch home).
// The floor prints one line; the frame floor draws exocall's own first frame, captured in
// tmux from the same home, so what drawing that frame costs any program is told apart
// from what exocall adds to it.
let frameFloor = try FrameFloor.build(in: scratch, exocall: exocall, home: ptyHome, marker: "quit")
let ptyTimes = pty.interleavedFirstFrames([([exocall], "quit"), ([floor], "floor ready"), ([frameFloor.path], "quit")], runs: ptyRuns)
let firstFrame = Stats(ptyTimes[0]), firstFrameFloor = Stats(ptyTimes[1]), frameFloorStats = Stats(ptyTimes[2])
let firstFrameRatio = firstFrame.median / firstFrameFloor.median
let frameFloorRatio = frameFloorStats.median / firstFrameFloor.median
let toFrameFloorRatio = firstFrame.median / frameFloorStats.median
rows.append(Row(section: "startup", metric: "exocall, spawn to first frame in a pty (median / max)", value: "\(fmt(firstFrame.median)) / \(fmt(firstFrame.max)) ms", target: "", met: nil))
rows.append(Row(section: "startup", metric: "C ncurses floor, the same way (median / max)", value: "\(fmt(firstFrameFloor.median)) / \(fmt(firstFrameFloor.max)) ms", target: "", met: nil))
rows.append(Row(section: "startup", metric: "ratio of medians", value: fmt(firstFrameRatio, 2) + "x", target: "≤ 2x", met: firstFrameRatio <= 2))
rows.append(Row(section: "startup", metric: "C ncurses drawing exocall's first frame (\(frameFloor.runs) runs of text), the same way (median / max)",
                value: "\(fmt(frameFloorStats.median)) / \(fmt(frameFloorStats.max)) ms, \(fmt(frameFloorRatio, 2))x the floor", target: "", met: nil))
// Only a frame tmux shows cell for cell as exocall's stands as its floor.
rows.append(Row(section: "startup", metric: "exocall's first frame to the same frame drawn in C", value: fmt(toFrameFloorRatio, 2) + "x" + (frameFloor.same ? "" : " (the C frame differs from exocall's)"),
                target: "≤ 2x", met: frameFloor.same && toFrameFloorRatio <= 2))
// The usual start: the last session's draft restored (its file read, its time shown).
let draftHome = scratch + "/pty-draft-home"
try? FileManager.default.createDirectory(atPath: draftHome + "/state/exocall", withIntermediateDirectories: true)
try? PtyBench.sampleDraft.write(toFile: draftHome + "/state/exocall/draft.json", atomically: true, encoding: .utf8)
let draftFrameFloor = try FrameFloor.build(in: scratch + "/draft-frame", exocall: exocall, home: draftHome, marker: "quit")
let draftTimes = PtyBench(home: draftHome).interleavedFirstFrames([([exocall], "quit"), ([draftFrameFloor.path], "quit")], runs: ptyRuns)
let withDraft = Stats(draftTimes[0]), draftFrameFloorStats = Stats(draftTimes[1])
let draftToFrameFloorRatio = withDraft.median / draftFrameFloorStats.median
rows.append(Row(section: "startup", metric: "exocall restoring a draft, spawn to first frame (median / max)", value: "\(fmt(withDraft.median)) / \(fmt(withDraft.max)) ms",
                target: "≤ 2x floor", met: withDraft.median <= 2 * firstFrameFloor.median))
rows.append(Row(section: "startup", metric: "the same, to its frame drawn in C (\(fmt(draftFrameFloorStats.median)) ms)",
                value: fmt(draftToFrameFloorRatio, 2) + "x" + (draftFrameFloor.same ? "" : " (the C frame differs from exocall's)"),
                target: "≤ 2x", met: draftFrameFloor.same && draftToFrameFloorRatio <= 2))
let version = Stats(pty.run([exocall, "--version"], runs: ptyRuns))
var startupFigures: [String: Any] = ["pty_exocall": firstFrame.dictionary, "pty_floor": firstFrameFloor.dictionary, "pty_ratio": firstFrameRatio,
                                     "pty_frame_floor": frameFloorStats.dictionary, "pty_to_frame_floor_ratio": toFrameFloorRatio,
                                     "pty_exocall_with_draft": withDraft.dictionary, "pty_draft_frame_floor": draftFrameFloorStats.dictionary,
                                     "version": version.dictionary]
rows.append(Row(section: "startup", metric: "exocall --version, spawn to exit (median / max)", value: "\(fmt(version.median)) / \(fmt(version.max)) ms", target: "", met: nil))
if let hello = PtyBench.staticHello(in: scratch) {
    let helloStats = Stats(pty.run([hello], runs: ptyRuns))
    let ratio = version.median / helloStats.median
    rows.append(Row(section: "startup", metric: "a statically linked Swift hello (median)", value: "\(fmt(helloStats.median)) ms", target: "", met: nil))
    rows.append(Row(section: "startup", metric: "--version ratio to the static hello", value: fmt(ratio, 2) + "x", target: "≤ 2x", met: ratio <= 2))
    startupFigures["static_hello"] = helloStats.dictionary
    startupFigures["version_ratio"] = ratio
}
// Typed as a typist types: each key once both programs have drawn the last one, in turn.
// Each way of typing starts from an empty draft in a home of its own.
func freshPty(_ name: String) -> PtyBench {
    try? FileManager.default.createDirectory(atPath: scratch + "/" + name, withIntermediateDirectories: true)
    return PtyBench(home: scratch + "/" + name)
}
let typed = freshPty("pty-typed").typing([exocall], ready: "quit", floor: [floor], floorReady: "floor ready", keys: keys)
let ptyKeys = Stats(typed.ours.echo), ptyFloorKeys = Stats(typed.floor.echo)
let ptySettled = Stats(typed.ours.settled), ptyFloorSettled = Stats(typed.floor.settled)
let ptyKeyRatio = ptyKeys.median / ptyFloorKeys.median
rows.append(Row(section: "keys", metric: "exocall, key to echo in a pty, typed (median / p95)", value: "\(fmt(ptyKeys.median, 2)) / \(fmt(ptyKeys.p95, 2)) ms", target: "", met: nil))
rows.append(Row(section: "keys", metric: "floor, key to echo in a pty, typed (median / p95)", value: "\(fmt(ptyFloorKeys.median, 2)) / \(fmt(ptyFloorKeys.p95, 2)) ms", target: "", met: nil))
rows.append(Row(section: "keys", metric: "ratio of medians", value: fmt(ptyKeyRatio, 2) + "x", target: "≤ 1.3x", met: ptyKeyRatio <= 1.3))
// Issue #19 asked 1.3x of the floor; issue #32 asks 2x, with PIE on: both are shown.
rows.append(Row(section: "keys", metric: "ratio of medians (issue #32's target)", value: fmt(ptyKeyRatio, 2) + "x", target: "≤ 2x", met: ptyKeyRatio <= 2))
// The echo goes out before the rest of the key's frame: when that rest has arrived too.
rows.append(Row(section: "keys", metric: "exocall, key to its whole frame, typed (median / p95)", value: "\(fmt(ptySettled.median, 2)) / \(fmt(ptySettled.p95, 2)) ms", target: "", met: nil))
rows.append(Row(section: "keys", metric: "floor, key to its whole frame, typed (median / p95)", value: "\(fmt(ptyFloorSettled.median, 2)) / \(fmt(ptyFloorSettled.p95, 2)) ms", target: "", met: nil))
// Keys back to back (the next written the moment the last one's echo arrives): a key
// then waits for the rest of the last one's frame; shown, with no target.
let burst = Stats(freshPty("pty-burst").keystrokes([exocall], ready: "quit", keys: keys))
let burstFloor = Stats(pty.keystrokes([floor], ready: "floor ready", keys: keys))
rows.append(Row(section: "keys", metric: "keys back to back: exocall / floor, echo (median)", value: "\(fmt(burst.median, 2)) / \(fmt(burstFloor.median, 2)) ms, \(fmt(burst.median / burstFloor.median, 2))x", target: "", met: nil))
startupFigures["pty_keys"] = ["exocall": ptyKeys.dictionary, "floor": ptyFloorKeys.dictionary, "ratio": ptyKeyRatio,
                              "exocall_whole_frame": ptySettled.dictionary, "floor_whole_frame": ptyFloorSettled.dictionary,
                              "back_to_back": ["exocall": burst.dictionary, "floor": burstFloor.dictionary]]

// --startup-only: just the pty rows above (to profile a change to the start).
if arguments.contains("--startup-only") {
    for row in rows { print("\(row.metric): \(row.value)  \(row.target) \(row.met.map { $0 ? "met" : "NOT MET" } ?? "")") }
    exit(0)
}

print("2/8 startup as seen in tmux…")
// Secondary: a tmux server's own start (60-80 ms) dominates both programs here.
let startupOurs = Stats(terminal.startup(exocall, marker: "F10 quit", runs: runs))
let startupFloor = Stats(terminal.startup(floor, marker: "floor ready", runs: runs))
let startupRatio = startupOurs.median / startupFloor.median
rows.append(Row(section: "tmux", metric: "as seen in tmux (dominated by tmux): exocall (median)", value: "\(fmt(startupOurs.median)) ms", target: "", met: nil))
rows.append(Row(section: "tmux", metric: "as seen in tmux (dominated by tmux): floor (median)", value: "\(fmt(startupFloor.median)) ms", target: "", met: nil))
startupFigures["tmux"] = ["exocall": startupOurs.dictionary, "floor": startupFloor.dictionary, "ratio": startupRatio]
figures["startup"] = startupFigures

print("3/8 keystroke latency in tmux…")
let (typing, focus) = terminal.exocallKeys(keys)
let floorKeys = Stats(terminal.floorKeys(keys))
let typingStats = Stats(typing), focusStats = Stats(focus)
rows.append(Row(section: "keys", metric: "typing into a text field (median / p95)", value: "\(fmt(typingStats.median, 2)) / \(fmt(typingStats.p95, 2)) ms", target: "", met: nil))
rows.append(Row(section: "keys", metric: "moving focus (median / p95)", value: "\(fmt(focusStats.median, 2)) / \(fmt(focusStats.p95, 2)) ms", target: "", met: nil))
rows.append(Row(section: "keys", metric: "floor echoing a key (median / p95)", value: "\(fmt(floorKeys.median, 2)) / \(fmt(floorKeys.p95, 2)) ms", target: "", met: nil))
let keyRatio = max(typingStats.median, focusStats.median) / floorKeys.median
rows.append(Row(section: "keys", metric: "in tmux: ratio to the floor (worse of the two)", value: fmt(keyRatio, 2) + "x", target: "", met: nil))
figures["keys"] = ["typing": typingStats.dictionary, "focus": focusStats.dictionary, "floor": floorKeys.dictionary, "ratio": keyRatio]

print("4/8 generating a call log of \(entries) entries…")
// --keep-db PATH reuses (or keeps) a generated database between runs.
let keptDB = option("--keep-db")
let log = LogBench(path: keptDB ?? scratch + "/big.sqlite", entries: entries)
let reuse = keptDB.map { FileManager.default.fileExists(atPath: $0) } ?? false
let generation = reuse ? 0 : try log.generate()
rows.append(Row(section: "log", metric: "generate \(entries) entries (bulk)", value: reuse ? "reused" : fmt(generation / 1000, 1) + " s", target: "", met: nil))
var queryFigures: [String: Any] = ["generate_seconds": generation / 1000, "entries": entries]
for (name, stats) in try await log.queries(runs: small ? 5 : 20) {
    // The issue's targets are medians (render names its p99); the max is shown beside.
    rows.append(Row(section: "log", metric: "\(name) (p50 / max)", value: "\(fmt(stats.median, 2)) / \(fmt(stats.max, 2)) ms", target: "p50 < 20 ms", met: stats.median < 20))
    queryFigures[name] = stats.dictionary
}
figures["log"] = queryFigures
try await sqliteEventRows(log.path)

try await teamRows()
try await crowdRows()

print("5/8 render…")
let (renderStats, keyRender) = try log.render(frames: small ? 200 : 2000)
rows.append(Row(section: "render", metric: "frame at 200x60 with the log panel (p50 / p99)", value: "\(fmt(renderStats.median, 3)) / \(fmt(renderStats.p99, 3)) ms", target: "p99 < 1 ms", met: renderStats.p99 < 1))
rows.append(Row(section: "render", metric: "keystroke + frame (p50 / p99)", value: "\(fmt(keyRender.median, 3)) / \(fmt(keyRender.p99, 3)) ms", target: "", met: nil))
figures["render"] = ["frame": renderStats.dictionary, "key_and_frame": keyRender.dictionary]
if let rss = log.peakRSS(exocall: exocall, scratch: scratch) {
    rows.append(Row(section: "render", metric: "peak RSS, TUI open on the log, scrolled", value: "\(fmt(Double(rss) / 1024, 1)) MB", target: "< 30 MB", met: rss < 30 * 1024))
    figures["peak_rss_kb"] = rss
}

print("6/8 terminal output…")
let colour = Stats(terminal.bytesPerKey(colour: true, keys: small ? 10 : 50))
let mono = Stats(terminal.bytesPerKey(colour: false, keys: small ? 10 : 50))
rows.append(Row(section: "output", metric: "bytes per typed character, colour (median)", value: fmt(colour.median, 0), target: "< 64", met: colour.median < 64))
rows.append(Row(section: "output", metric: "bytes per typed character, NO_COLOR (median)", value: fmt(mono.median, 0), target: "< 64", met: mono.median < 64))
figures["bytes_per_key"] = ["colour": colour.dictionary, "no_color": mono.dictionary]

print("7/8 send…")
try sendRows()

print("8/8 hostile input…")
try hostileRows()

// The table.
let widths = [8, 52, 22, 12]
func line(_ cells: [String]) -> String {
    zip(cells, widths).map { $0.0.padding(toLength: max($0.1, $0.0.count), withPad: " ", startingAt: 0) }.joined(separator: " ")
}
var table = line(["SECTION", "METRIC", "VALUE", "TARGET"]) + "  MET\n"
for row in rows {
    table += line([row.section, row.metric, row.value, row.target]) + "  " + (row.met.map { $0 ? "yes" : "NO" } ?? "") + "\n"
}
print("\n" + table)
let machine = (shell("/usr/bin/uname", ["-srm"]) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) } ?? ""
let report: [String: Any] = [
    "date": ISO8601DateFormatter().string(from: Date()), "small": small, "binary": exocall,
    "machine": ["os": machine, "cpu": cpu, "cores": ProcessInfo.processInfo.activeProcessorCount,
                "memory_gb": Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824],
    "figures": figures,
    "rows": rows.map { ["section": $0.section, "metric": $0.metric, "value": $0.value, "target": $0.target, "met": $0.met as Any] },
]
let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
try json.write(to: URL(fileURLWithPath: out + "/results.json"))
try table.write(toFile: out + "/table.txt", atomically: true, encoding: .utf8)
print("wrote \(out)/results.json and \(out)/table.txt")
try? FileManager.default.removeItem(atPath: scratch)

extension Stats {
    var dictionary: [String: Double] { ["count": Double(count), "median": median, "p95": p95, "p99": p99, "max": max] }
}
