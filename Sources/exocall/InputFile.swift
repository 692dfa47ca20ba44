import CallbackCore
import Console
import ExolveClient
import Foundation
import Localization

/// Reads a request file named on the command line; `-` is standard input.
enum InputFile {
    /// The bytes of `path`, or an operator-grade reason it could not be read.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        let language = LanguageOption.current()
        return RequestFile.read(path).mapError {
            ReadFailure(message: language(.fileCannotRead, ["path": path == "-" ? language(.fileStandardInput) : path, "reason": $0.text.text(language)]))
        }
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
