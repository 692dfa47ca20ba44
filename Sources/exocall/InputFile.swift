import CallbackCore
import Console
import ExolveClient
import Foundation

/// Reads a request file named on the command line; `-` is standard input.
enum InputFile {
    /// The bytes of `path`, or an operator-grade reason it could not be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        RequestFile.read(path).mapError { ReadFailure(message: "cannot read \(path == "-" ? "standard input" : path): \($0.reason)") }
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
