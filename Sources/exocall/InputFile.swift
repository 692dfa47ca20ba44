import CallbackCore
import Console
import Foundation

/// Reads a request file named on the command line; `-` is standard input.
enum InputFile {
    /// The bytes of `path`, or an operator-grade reason it could not be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        if path == "-" {
            return .success(Array(FileHandle.standardInput.readDataToEndOfFile()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadFailure(message: "cannot read \(path): no such file"))
        }
        if isDirectory.boolValue { return .failure(ReadFailure(message: "cannot read \(path): it is a directory")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(message: "cannot read \(path): permission denied or unreadable"))
        }
        return .success(Array(data))
    }

    /// Why a file could not be read.
    struct ReadFailure: Error {
        let message: String
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    Console.error(TerminalText.escaped(text, keepNewlines: true) + "\n")
}

/// Prints human-readable output on stdout, control characters shown, never obeyed
/// (machine output, `--json`, is printed as it is: JSON escapes its own).
func say(_ text: String, terminator: String = "\n") {
    print(TerminalText.escaped(text, keepNewlines: true), terminator: terminator)
}
