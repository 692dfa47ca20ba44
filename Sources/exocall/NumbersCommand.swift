import Console
import ArgumentParser
import CallbackCore
import ExolveClient
import FoundationEssentials
import Glibc
import Localization

/// `exocall numbers`: the account's numbers, from `number/customer/v1/GetList`.
struct NumbersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "List the account's numbers (those that can place callbacks unless --all).",
        discussion: """
        Reads every page of the account's purchased numbers with the profile's key and
        endpoint (as send does). Without --all, only numbers that can place calls, the
        ones a callback's number_code may be; with --all, every number (any may be a
        display_number). Nothing is written to the call log: listing is not a call.

        Exit codes: 0 listed, 1 configuration error, 3 refused by Exolve (401 wrong key,
        404...), 4 nothing reached Exolve, 5 the list did not arrive or was not a list.
        """
    )

    @Flag(help: "Print the numbers as JSON: [{number, description, type, region, outgoing_calls}].")
    var json = false

    @Flag(help: "List every number, not only those that can place calls.")
    var all = false

    @OptionGroup var exolve: ExolveListOptions

    func run() async throws {
        let client = try exolve.client(command: "numbers")
        switch await client.listNumbers() {
        case .failure(let failure):
            printError("exocall numbers: " + failure.text.text(LanguageOption.current()))
            switch failure {
            case .rejected: throw ExitCode(SendExit.rejected)
            case .notReached: throw ExitCode(SendExit.notSent)
            case .failed, .badAnswer, .serverError: throw ExitCode(SendExit.unknown)
            }
        case .success(let numbers):
            let shown = all ? numbers : numbers.filter(\.outgoingCalls)
            if json {
                let items = shown.map { number in
                    JSONValue.object([.init("number", .string(number.number)), .init("description", .string(number.description)),
                                      .init("type", .string(number.type)), .init("region", .string(number.region)),
                                      .init("outgoing_calls", .bool(number.outgoingCalls))])
                }
                Console.print(CanonicalJSON.string(.array(items), style: .compact))
                return
            }
            let tr = LanguageOption.current()
            let rows = [[Phrase.numbersNumber, .numbersType, .numbersRegion, .numbersCallsOut, .numbersDescription].map { tr($0) }]
                + shown.map { [$0.number, $0.type, $0.region, tr($0.outgoingCalls ? .yes : .no), $0.description] }
            say(TextTable.render(rows), terminator: "")
            let hidden = numbers.count - shown.count
            let counts = ["shown": "\(shown.count)", "total": "\(numbers.count)", "hidden": "\(hidden)"]
            printError(hidden > 0 ? tr(.numbersShownHidden, counts) : tr(.numbersShown, counts))
        }
    }
}
