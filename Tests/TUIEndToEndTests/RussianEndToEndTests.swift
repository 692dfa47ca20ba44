import Foundation
import TmuxKit
import XCTest

/// The interface in Russian, chosen by the locale variables (even where the ru_RU
/// locale is not generated), and back in English with --lang en.
final class RussianEndToEndTests: XCTestCase {
    func start(_ arguments: String, environment: [String: String], width: Int = 120, height: Int = 40) throws -> Tmux {
        let tmux = try Tmux(width: width, height: height, home: scratchHome(self), environment: environment,
                            command: Tmux.reporting(arguments))
        addTeardownBlock { tmux.close() }
        return tmux
    }

    /// `exocall --demo` in Russian at 120x40, with `request` loaded.
    func startRussianDemo(loading request: String) throws -> Tmux {
        let home = scratchHome(self)
        let file = home + "/request.json"
        try request.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(home: home, environment: ["LANG": "ru_RU.UTF-8", "LC_ALL": ""], command: Tmux.reporting("--demo --load \(file)"))
        addTeardownBlock { tmux.close() }
        return tmux
    }

    /// Latin words on the screen's chrome (header, tab bar, footer) that are not key names
    /// or the program's and API's own names.
    func englishWords(in lines: [String]) -> [String] {
        let allowed: Set<String> = ["exocall", "F", "Tab", "S", "Alt", "Ctrl", "Esc", "Enter", "Del", "PgUp", "PgDn", "N", "D", "Exolve", "SIP", "URI", "sip", "user", "host"]
        return lines.flatMap { line in
            line.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter { !allowed.contains($0) }
        }
    }

    func testARussianLocaleGivesARussianScreenAndLangEnGivesItBack() throws {
        // The operator's name is data, shown as given (the header names who sends): a Russian one here.
        let russian = ["LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "EXOCALL_OPERATOR": "анна"]
        let tmux = try start("--demo", environment: russian)
        tmux.waitFor("the Russian screen") { $0.contains("┌─ Запрос") && $0.contains("Журнал звонков") && $0.contains("F5 отправить") }
        let lines = tmux.lastScreen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let chrome = [lines.first ?? "", lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""]
        XCTAssertTrue(chrome[0].contains("ДЕМО") && chrome[0].contains("ошиб"), chrome[0])
        XCTAssertEqual(englishWords(in: chrome), [], "English words in the header or footer:\n\(chrome.joined(separator: "\n"))")
        XCTAssertTrue(tmux.lastScreen.contains("Плечо 1"), tmux.lastScreen)

        // Alt-L switches live.
        tmux.keys("M-l")
        tmux.waitFor(text: "┌─ Request")
        tmux.waitFor(text: "F5 send")

        let english = try start("--demo --lang en", environment: russian)
        english.waitFor("the English screen") { $0.contains("┌─ Request") && $0.contains("F5 send") && $0.contains("DEMO") }
    }

    func testTheConfigsUILanguageBeatsTheLocale() throws {
        let home = scratchHome(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "ui_language = \"ru\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: 80, height: 24, home: home, command: Tmux.reporting("--demo"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor("the Russian screen at 80x24") { $0.contains("┌─ Запрос") && $0.contains("1 Форма") }
    }

    func testAnOperatorSendsInRussianFromF5ToTheOutcome() throws {
        let tmux = try startRussianDemo(loading: """
        {"request_description":"первый","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},
         "line_2":{"destinations":[{"number":"79599999999"}],"audio":{"tts":{"text":"Здравствуйте","voice":1,"emotion":2}}}}
        """)
        tmux.waitFor(text: "✓ запрос корректен")
        tmux.keys("F5")
        tmux.waitFor("the Russian confirmation") { $0.contains("Создать обратный звонок?") && $0.contains("голос 1 Алёна добрая") }
        tmux.keys("Enter")
        tmux.waitFor("the Russian outcome") { $0.contains("┌─ ЗВОНОК СОЗДАН") && $0.contains("Обратный звонок создаётся.") }
        XCTAssertTrue(tmux.lastScreen.contains("звонок создан: call_id"), tmux.lastScreen)
        tmux.keys("Escape")
        tmux.waitFor(text: "Журнал звонков (1)")
    }

    func testTheMomentOfSendingTheRepeatGuardAndTheLoggedMessageAreRussian() throws {
        let tmux = try startRussianDemo(loading: """
        {"request_description":"stub:slow=2","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},
         "line_2":{"destinations":[{"number":"79599999999"}]}}
        """)
        tmux.waitFor(text: "✓ запрос корректен")
        tmux.keys("F5")
        tmux.waitFor(text: "Создать обратный звонок?")
        tmux.keys("Enter")
        tmux.waitFor("the Russian status line while the send is in flight") {
            $0.contains("отправка на ДЕМО 127.0.0.1") && $0.contains("(интерфейс работает; F5 дождётся этой отправки)")
        }
        tmux.waitFor(text: "┌─ ЗВОНОК СОЗДАН")
        tmux.keys("Escape")
        tmux.waitFor(text: "Журнал звонков (1)")
        // The same client again: the repeat guard lists the earlier call in Russian.
        tmux.keys("F5")
        tmux.waitFor("the Russian repeat guard") { $0.contains("Этому клиенту уже звонили") && $0.contains("звонок создан, call_id") }
        XCTAssertTrue(tmux.lastScreen.contains("(запись 1)"), tmux.lastScreen)
        XCTAssertFalse(tmux.lastScreen.contains("placed, call_id"), tmux.lastScreen)
        tmux.keys("Escape")
        // The entry's stored (English) message reads in Russian.
        tmux.keys("M-3")
        tmux.keys("Enter")
        tmux.waitFor("the Russian log entry") { $0.contains("Запись журнала 1") && $0.contains("сообщение звонок создан: call_id") }
        XCTAssertTrue(tmux.lastScreen.contains("режим демо"), tmux.lastScreen)
    }
}
