import CallbackCore
import Console
import ExolveClient
import FoundationEssentials
import Glibc
import Localization

/// Reads a request file named on the command line; `-` is standard input.
enum InputFile {
    /// The bytes of `path`, or an operator-grade reason it could not be read.
    static func read(_ path: String, language: UILanguage = LanguageOption.current()) -> Result<[UInt8], ReadFailure> {
        RequestFile.read(path).mapError { failure(path, $0, language) }
    }

    /// The UTF-8 text of `path`, or an operator-grade reason it could not be read.
    static func readText(_ path: String, language: UILanguage = LanguageOption.current()) -> Result<String, ReadFailure> {
        RequestFile.readText(path).mapError { failure(path, $0, language) }
    }

    /// "cannot read PATH: reason".
    private static func failure(_ path: String, _ failure: RequestFile.Failure, _ language: UILanguage) -> ReadFailure {
        ReadFailure(message: language(.fileCannotRead, ["path": path == "-" ? language(.fileStandardInput) : path, "reason": failure.text.text(language)]))
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
    Console.print(TerminalText.escaped(text, keepNewlines: true), terminator: terminator)
}
