import ArgumentParser
import CallLog
import CallLogModel
import ExolveModel
import FoundationEssentials
import Glibc
import Localization
import ProcessEnvironment

/// `exocall log note ID TEXT`: the operator's note on a call (every change kept, with who and when).
struct LogNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add or replace the note on an entry (up to 2,000 characters; \"\" clears it). Earlier notes are kept.",
        discussion: "The note never changes the request or the outcome. `exocall log show ID` shows it and who wrote it."
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var operatorOption: OperatorOption

    @Argument(help: "The entry's id (the first column of `exocall log`).")
    var id: Int64

    @Argument(help: "The note (quote it; - reads it from standard input).")
    var text: String

    func run() async throws {
        var note = text
        if text == "-" {
            switch InputFile.read("-") {
            case .success(let bytes): note = String(decoding: bytes, as: UTF8.self)
            case .failure(let failure):
                printError("exocall log note: " + failure.message)
                throw ExitCode(1)
            }
        }
        let configured = (try? ConfigFile.load(path: ConfigFile.path(environment: ProcessEnvironment.variables)))?.operatorName
        try await LogAnnotation.write(.note, note, id: id, configuredOperator: configured, database: database, operatorOption: operatorOption,
                                      command: "log note")
    }
}

/// `exocall log disposition ID NAME`: what came of a call, from the team's list.
struct LogDispositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition",
        abstract: "Set the disposition of an entry: one of the config's `dispositions` (\"\" clears it). Earlier ones are kept.",
        discussion: "Without a `dispositions` list in config.toml: reached, call back later, wrong number, not interested (in Russian when the interface is)."
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var operatorOption: OperatorOption

    @Argument(help: "The entry's id.")
    var id: Int64

    @Argument(help: "The disposition's name, as the list spells it (quote names with spaces).")
    var name: String

    func run() async throws {
        let say = LanguageOption.current()
        let config: ConfigFile
        do { config = try ConfigFile.load(path: ConfigFile.path(environment: ProcessEnvironment.variables)) } catch {
            printError("exocall log disposition: " + say.describe(error))
            throw ExitCode(1)
        }
        let names = config.dispositionNames(in: say)
        let wanted = name.trimmingSpaces()
        // Case aside, as the list spells it.
        let chosen = wanted.isEmpty ? "" : names.first { $0.lowercased() == wanted.lowercased() }
        guard let chosen else {
            printError("exocall log disposition: " + say(.annotateUnknownDisposition, ["value": wanted, "names": names.joined(separator: ", ")]))
            throw ExitCode(2)
        }
        try await LogAnnotation.write(.disposition, chosen, id: id, configuredOperator: config.operatorName, database: database,
                                      operatorOption: operatorOption, command: "log disposition")
    }
}

/// What the two commands share: the rules, the operator, the write, the answer.
enum LogAnnotation {
    static func write(_ kind: Annotation.Kind, _ raw: String, id: Int64, configuredOperator: String?, database: DatabaseOption,
                      operatorOption: OperatorOption, command: String) async throws {
        let say = LanguageOption.current()
        let text = Annotation.normalized(raw)
        if let problem = Annotation.problem(text, kind: kind) {
            printError("exocall \(command): " + problem.text(kind: kind, in: say))
            throw ExitCode(2)
        }
        let location = try database.resolved(command: command)
        let who = try operatorOption.resolved(configured: configuredOperator, command: command)
        let store: any CallLogStore
        do { store = try await CallLogOpener.open(location, session: LogSession(operatorName: who)) } catch {
            printError("exocall \(command): " + say.describe(error))
            throw ExitCode(1)
        }
        do {
            try await store.annotate(Annotation(entryID: id, kind: kind, text: text, operatorName: who,
                                                at: Int64((Date().timeIntervalSince1970 * 1000).rounded())))
        } catch {
            printError("exocall \(command): " + say.describe(error))
            await store.close()
            throw ExitCode(1)
        }
        await store.close()
        let done: Phrase = text.isEmpty ? (kind == .note ? .annotateNoteCleared : .annotateDispositionCleared)
                                        : (kind == .note ? .annotateNoteSaved : .annotateDispositionSaved)
        printError(say(done, ["id": "\(id)", "name": text, "who": who]))
    }
}
