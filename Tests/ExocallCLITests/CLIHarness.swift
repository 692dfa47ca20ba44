import Foundation
import TmuxKit
import XCTest

/// What a run of the exocall binary produced.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `exocall` binary, beside the test bundle.
var exocallBinary: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("exocall").path), folder.path != "/" {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("exocall")
}

/// A scratch folder removed at the end of the test.
func scratchFolder(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "exocall-cli-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Runs exocall with `arguments`, an isolated environment plus `environment`, and optional stdin.
func runExocall(_ arguments: [String], environment: [String: String] = [:], home: String, stdin: String? = nil) throws -> CLIRun {
    let process = Process()
    process.executableURL = exocallBinary
    process.arguments = arguments
    var env = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
               "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let end = ProcessEnd(process)
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    end.wait()
    return CLIRun(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                  stderr: String(decoding: stderrData, as: UTF8.self))
}

/// The spec's example request file's text, with another description.
func exampleText(description: String = "internal_id_148") -> String {
    """
    {"request_description":"\(description)","number_code":74999999999,"callback_resource_id":1221,
     "line_1":{"destinations":[{"number":"78129999999"},{"number":"74959999999"}],"ring_logic":1,
      "audio":{"tts":{"text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"lang":1,"volume":-19,"speed":1.1,"emotion":2}}},
     "line_2":{"destinations":[{"number":"79599999999"},{"number":"79999999999"}],"ring_logic":1,"audio":{"media_resource_id":685}}}
    """
}

/// Runs `command` in `sh -c` with the exocall binary as "$X" (for redirections and
/// limits such as `> /dev/full` or `ulimit -f`), in the same isolated environment.
func runExocallShell(_ command: String, environment: [String: String] = [:], home: String) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var env = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
               "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "X": exocallBinary.path]
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let end = ProcessEnd(process)
    try process.run()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    end.wait()
    return CLIRun(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                  stderr: String(decoding: stderrData, as: UTF8.self))
}
