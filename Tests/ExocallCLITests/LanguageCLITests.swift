import ExolveStub
import Foundation
import XCTest

/// `exocall validate` speaks the operator's language; its JSON and exit codes do not change.
final class LanguageCLITests: XCTestCase {
    let bad = #"{"number_code": "abc", "callback_resource_id": 0, "duration": 5, "line_1": {"destinations": [{"number": "89991234567", "timeout": 5}]}, "extra": 1}"#

    func testValidateIsRussianUnderARussianLocaleWithTheSameJSONAndExitCode() throws {
        let home = scratchFolder(self)
        let russian = ["LANG": "ru_RU.UTF-8"]
        let text = try runExocall(["validate", "-"], environment: russian, home: home, stdin: bad)
        XCTAssertEqual(text.status, 2)
        XCTAssertTrue(text.stdout.contains("ошибка: duration: должно быть целым числом от 300 до 3600 секунд, получено: 5"), text.stdout)
        XCTAssertTrue(text.stdout.contains("предупреждение: line_1.destinations[0].number:"), text.stdout)
        XCTAssertTrue(text.stdout.contains("  исправление: 79991234567"), text.stdout)
        XCTAssertFalse(text.stdout.contains("error:") || text.stdout.contains("must be"), "no English left:\n\(text.stdout)")

        let english = try runExocall(["validate", "-"], home: home, stdin: bad)
        XCTAssertTrue(english.stdout.contains("error: duration: must be a whole number from 300 to 3600 seconds, got 5"), english.stdout)

        let jsonRussian = try runExocall(["validate", "-", "--json"], environment: russian, home: home, stdin: bad)
        let jsonEnglish = try runExocall(["validate", "-", "--json"], home: home, stdin: bad)
        XCTAssertEqual(jsonRussian.stdout, jsonEnglish.stdout, "machine output does not change with the language")
        XCTAssertEqual(jsonRussian.status, jsonEnglish.status)
    }

    func testLangBeatsTheConfigWhichBeatsTheLocale() throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "ui_language = \"ru\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let fromConfig = try runExocall(["validate", "-"], environment: ["LANG": "en_US.UTF-8"], home: home, stdin: "{}")
        XCTAssertTrue(fromConfig.stdout.contains("ошибка: number_code: обязательно:"), fromConfig.stdout)
        let fromFlag = try runExocall(["--lang", "en", "validate", "-"], home: home, stdin: "{}")
        XCTAssertTrue(fromFlag.stdout.contains("error: number_code: required:"), fromFlag.stdout)
        let afterCommand = try runExocall(["validate", "-", "--lang=en"], home: home, stdin: "{}")
        XCTAssertTrue(afterCommand.stdout.contains("error: number_code: required:"), afterCommand.stdout)
        let valid = try runExocall(["validate", "-"], environment: ["LANG": "ru_RU.UTF-8"], home: scratchFolder(self), stdin: exampleText())
        XCTAssertEqual(valid.stdout, "ОК\n")
    }

    func testAnUnknownLangOrUILanguageIsRefusedNamingIt() throws {
        let home = scratchFolder(self)
        let flag = try runExocall(["--lang", "de", "validate", "/dev/null"], home: home)
        XCTAssertEqual(flag.status, 1)
        XCTAssertTrue(flag.stderr.contains("--lang takes ru or en, got \"de\""), flag.stderr)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "ui_language = \"fr\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let check = try runExocall(["config", "check"], home: home)
        XCTAssertNotEqual(check.status, 0)
        XCTAssertTrue((check.stdout + check.stderr).contains("ui_language: must be \"ru\" or \"en\", got \"fr\""), check.stdout + check.stderr)
    }

    func testSendSpeaksRussianOnStderrAndKeepsStdoutAndJSON() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k-ru")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let environment = ["EXOLVE_API_KEY": "k-ru", "LANG": "ru_RU.UTF-8"]
        let placed = try runExocall(["send", "--base-url", url, "-"], environment: environment, home: home, stdin: exampleText(description: "ru-1"))
        XCTAssertEqual(placed.status, 0, placed.stderr)
        XCTAssertEqual(placed.stdout.split(separator: "\n").first?.count, 19, "the call_id alone, whatever the language")
        XCTAssertTrue(placed.stderr.hasPrefix("звонок создан за "), placed.stderr)
        let rejected = try runExocall(["send", "--base-url", url, "-", "--allow-repeat"], environment: environment, home: home,
                                      stdin: exampleText(description: "stub:403"))
        XCTAssertEqual(rejected.status, 3)
        XCTAssertTrue(rejected.stderr.contains("Exolve отклонил запрос (HTTP 403)"), rejected.stderr)
        let json = try runExocall(["send", "--base-url", url, "-", "--json", "--allow-repeat"], environment: environment, home: home,
                                  stdin: exampleText(description: "stub:403"))
        XCTAssertTrue(json.stdout.contains(#""message":"rejected by Exolve (HTTP 403)"#), json.stdout)
    }

    func testConfigCheckAndLogSpeakRussian() throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "theme = 5\n[profiles.shop]\nduration = 5\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let check = try runExocall(["config", "check"], environment: ["LANG": "ru_RU.UTF-8"], home: home)
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stdout.contains("строка 1: theme: должно быть строкой в кавычках"), check.stdout)
        XCTAssertTrue(check.stdout.contains("profiles.shop.duration: должно быть целым числом от 300 до 3600 секунд, получено: 5"), check.stdout)
        let empty = try runExocall(["log"], environment: ["LANG": "ru_RU.UTF-8"], home: scratchFolder(self))
        XCTAssertTrue(empty.stderr.contains("в журнале пока нет звонков"), empty.stderr)
    }

    func testABrokenJSONFileIsReportedInRussian() throws {
        let broken = "{\"number_code\": 7499,\n  \"line_1\": [1, 2,]\n}"
        let run = try runExocall(["validate", "-"], environment: ["LANG": "ru_RU.UTF-8"], home: scratchFolder(self), stdin: broken)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "ошибка: (запрос): испорченный JSON в строке 2, столбце 19: ожидалось значение, найдено ']'\n")
    }
}

/// What the network, the call log and the configuration say reaches a Russian
/// operator in Russian; the machine output stays English.
final class LanguageErrorTests: XCTestCase {
    func testAConnectionRefusedIsExplainedInRussianAndTheJSONStaysEnglish() throws {
        let home = scratchFolder(self)
        let environment = ["EXOLVE_API_KEY": "k-ru", "LANG": "ru_RU.UTF-8"]
        // Port 1 on loopback: nothing listens there.
        let run = try runExocall(["send", "--base-url", "http://127.0.0.1:1", "--no-log", "-"], environment: environment, home: home,
                                 stdin: exampleText(description: "ru-refused"))
        XCTAssertEqual(run.status, 4)
        XCTAssertEqual(run.stderr, "не отправлено: сервер отказал в соединении. До Exolve ничего не дошло; можно спокойно отправить снова.\n")
        let json = try runExocall(["send", "--base-url", "http://127.0.0.1:1", "--no-log", "--json", "-"], environment: environment, home: home,
                                  stdin: exampleText(description: "ru-refused"))
        XCTAssertTrue(json.stdout.contains(#""message":"not sent: connection refused. "#), json.stdout)
    }

    func testADamagedCallLogIsReportedInRussianAndNothingIsSent() throws {
        let home = scratchFolder(self)
        let damaged = home + "/damaged.sqlite"
        try "this is not a database".write(toFile: damaged, atomically: true, encoding: .utf8)
        let run = try runExocall(["send", "--base-url", "http://127.0.0.1:1", "--db", damaged, "-"],
                                 environment: ["EXOLVE_API_KEY": "k-ru", "LANG": "ru_RU.UTF-8"], home: home, stdin: exampleText())
        XCTAssertEqual(run.status, 4)
        XCTAssertTrue(run.stderr.contains("ничего не отправлено, потому что журнал звонков \(damaged) повреждён"), run.stderr)
        XCTAssertTrue(run.stderr.contains("(чтобы отправить без записи в журнал, добавьте --no-log)"), run.stderr)
        XCTAssertEqual(try String(contentsOfFile: damaged, encoding: .utf8), "this is not a database", "a damaged log is never overwritten")
        let log = try runExocall(["log", "--db", damaged], environment: ["LANG": "ru_RU.UTF-8"], home: home)
        XCTAssertNotEqual(log.status, 0)
        XCTAssertTrue(log.stderr.contains("exocall его не трогает"), log.stderr)
    }

    func testConfigurationErrorsSpeakRussian() throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        let config = home + "/config/exocall/config.toml"
        try "base_url = \"http://example.com\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let send = try runExocall(["send", "-"], environment: ["EXOLVE_API_KEY": "k", "LANG": "ru_RU.UTF-8"], home: home, stdin: exampleText())
        XCTAssertEqual(send.stderr, "exocall send: базовый адрес \"http://example.com\" не подходит: простой http разрешён только на локальный адрес (127.0.0.1, localhost, ::1); используйте https\n")
        try FileManager.default.removeItem(atPath: config)
        let tab = try runExocall(["send", "-"], environment: ["EXOLVE_API_KEY": "ab\tc", "LANG": "ru_RU.UTF-8"], home: home, stdin: exampleText())
        XCTAssertTrue(tab.stderr.contains("ключ API из переменной окружения EXOLVE_API_KEY не подходит: в нём есть табуляция"), tab.stderr)
        XCTAssertFalse(tab.stderr.contains("ab\tc"), "the key never appears")
    }

    func testABadLangIsRefusedInTheLocalesLanguageWithItsValueEscaped() throws {
        let run = try runExocall(["--lang", "\u{1b}[2Jde", "validate", "x"], environment: ["LANG": "ru_RU.UTF-8"], home: scratchFolder(self))
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "exocall: --lang принимает ru или en, указано \"\\e[2Jde\"\n")
        XCTAssertFalse(run.stderr.contains("\u{1b}"), "an argument is never printed raw")
    }

    func testConfigCheckReportsASettingOnlyTheLoaderChecks() throws {
        // mouse and repeat_window were checked when the config was loaded, and
        // config check said OK: it listed only the profile reader's problems.
        let home = scratchFolder(self)
        let file = home + "/c.toml"
        try "mouse = \"yes\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let english = try runExocall(["config", "check", "--file", file], home: home)
        XCTAssertEqual(english.status, 2)
        XCTAssertEqual(english.stdout, "\(file): mouse: must be true or false\n")
        try "repeat_window = \"soon\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let russian = try runExocall(["config", "check", "--file", file], environment: ["LANG": "ru_RU.UTF-8"], home: home)
        XCTAssertEqual(russian.status, 2)
        XCTAssertTrue(russian.stdout.contains("repeat_window: должно быть длительностью вроде 10m, 90s или 1h, либо 0, чтобы выключить защиту; указано \"soon\""), russian.stdout)
    }
}
