import ExolveClient
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "exocall-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/exocall", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ text: String, to name: String = "exocall/config.toml", mode: Int) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        return path
    }

    var environment: [String: String] { ["XDG_CONFIG_HOME": folder, "HOME": folder] }

    func testEnvironmentKeyWinsOverTheConfigFile() throws {
        _ = write(#"api_key = "from-file""#, mode: 0o600)
        var env = environment
        env["EXOLVE_API_KEY"] = "from-env"
        let config = try ClientConfiguration.resolve(environment: env)
        XCTAssertEqual(config.apiKey?.authorizationValue, "Bearer from-env")
        let fileOnly = try ClientConfiguration.resolve(environment: environment)
        XCTAssertEqual(fileOnly.apiKey?.authorizationValue, "Bearer from-file")
    }

    func testAConfigHoldingAKeyMustBePrivate() {
        let path = write(#"api_key = "k""#, mode: 0o644)
        XCTAssertThrowsError(try ClientConfiguration.resolve(environment: environment)) { error in
            XCTAssertEqual(error as? ClientConfigurationError, .looseKeyFilePermissions(path: path, mode: 0o644))
            XCTAssertTrue("\(error)".contains("chmod 600 \(path)"))
            XCTAssertFalse("\(error)".contains("\"k\""))
        }
    }

    func testKeyFileIsReadAndMustBePrivate() throws {
        _ = write("api_key_file = \"key.txt\"\n", mode: 0o644)
        _ = write("file-key\n", to: "exocall/key.txt", mode: 0o600)
        XCTAssertEqual(try ClientConfiguration.resolve(environment: environment).apiKey?.authorizationValue, "Bearer file-key")
        _ = write("file-key\n", to: "exocall/key.txt", mode: 0o640)
        XCTAssertThrowsError(try ClientConfiguration.resolve(environment: environment))
    }

    func testMissingKeyNamesTheThreeWays() throws {
        let config = try ClientConfiguration.resolve(environment: environment)
        XCTAssertNil(config.apiKey)
        XCTAssertThrowsError(try config.requireKey()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("EXOLVE_API_KEY"))
            XCTAssertTrue(text.contains("api_key = "))
            XCTAssertTrue(text.contains("api_key_file"))
        }
    }

    func testBaseURLPrecedence() throws {
        _ = write(#"base_url = "https://file.example""#, mode: 0o644)
        XCTAssertEqual(try ClientConfiguration.resolve(environment: environment).endpoint.host, "file.example")
        var env = environment
        env["EXOLVE_BASE_URL"] = "https://env.example"
        XCTAssertEqual(try ClientConfiguration.resolve(environment: env).endpoint.host, "env.example")
        XCTAssertEqual(try ClientConfiguration.resolve(environment: env, baseURLFlag: "http://127.0.0.1:9").endpoint.host, "127.0.0.1:9")
        try FileManager.default.removeItem(atPath: folder + "/exocall/config.toml")
        XCTAssertEqual(try ClientConfiguration.resolve(environment: environment).endpoint.host, "api.exolve.ru")
    }

    func testCorruptConfigIsReportedWithItsLine() {
        _ = write("base_url = \"https://x\"\nthis is not toml\n", mode: 0o600)
        XCTAssertThrowsError(try ClientConfiguration.resolve(environment: environment)) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
        }
    }

    func testPlainHTTPOnlyToLoopback() {
        XCTAssertNoThrow(try Endpoint("https://api.exolve.ru/"))
        XCTAssertNoThrow(try Endpoint("http://127.0.0.1:8080"))
        XCTAssertNoThrow(try Endpoint("http://localhost:8080"))
        XCTAssertNoThrow(try Endpoint("http://[::1]:8080"))
        XCTAssertThrowsError(try Endpoint("http://api.exolve.ru"))
        XCTAssertThrowsError(try Endpoint("http://127.example.com"))
        XCTAssertNoThrow(try Endpoint("http://127.1.2.3:8080"), "all of 127/8 is this machine")
        XCTAssertThrowsError(try Endpoint("http://10.0.0.1:8080"))
        XCTAssertThrowsError(try Endpoint("http://[2001:db8::1]:8080"), "an IPv6 address that is not ::1")
        XCTAssertThrowsError(try Endpoint("http://[::2]:8080"))
        XCTAssertThrowsError(try Endpoint("http://127.0.0.1.evil.example"))
        XCTAssertThrowsError(try Endpoint("ftp://127.0.0.1"))
        XCTAssertThrowsError(try Endpoint("api.exolve.ru"))
        XCTAssertEqual(try Endpoint("https://api.exolve.ru/").makeCallbackURL.absoluteString, "https://api.exolve.ru/call/v1/MakeCallback")
    }
}
