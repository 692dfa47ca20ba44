import CallbackCore
import ExolveClient
import Foundation
import XCTest

final class ProfileTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "exocall-profiles-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/exocall", withIntermediateDirectories: true)
        let config = """
        default_profile = "shop"
        base_url = "https://top.example"
        api_key = "top-key"

        [profiles.shop]
        base_url = "https://shop.example"
        api_key_env = "SHOP_KEY"
        number_code = 74999999999

        [profiles.clinic]
        api_key_file = "clinic.key"
        callback_resource_id = 77
        [profiles.clinic.line_2]
        display_number = "74950000000"
        audio = { media_resource_id = 685 }
        """
        _ = FileManager.default.createFile(atPath: folder + "/exocall/config.toml", contents: Data(config.utf8), attributes: [.posixPermissions: 0o600])
        _ = FileManager.default.createFile(atPath: folder + "/exocall/clinic.key", contents: Data("clinic-key\n".utf8), attributes: [.posixPermissions: 0o600])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func resolve(_ env: [String: String] = [:], flag: String? = nil, base: String? = nil) throws -> ClientConfiguration {
        try ClientConfiguration.resolve(environment: ["XDG_CONFIG_HOME": folder, "HOME": folder].merging(env) { $1 },
                                        baseURLFlag: base, profileFlag: flag)
    }

    func testProfileResolutionOrderFlagThenEnvironmentThenDefault() throws {
        XCTAssertEqual(try resolve().profile?.name, "shop", "default_profile")
        XCTAssertEqual(try resolve(["EXOCALL_PROFILE": "clinic"]).profile?.name, "clinic", "EXOCALL_PROFILE beats default_profile")
        XCTAssertEqual(try resolve(["EXOCALL_PROFILE": "clinic"], flag: "shop").profile?.name, "shop", "--profile beats EXOCALL_PROFILE")
        XCTAssertThrowsError(try resolve(flag: "nope")) { error in
            XCTAssertTrue("\(error)".contains("profiles are clinic, shop"), "\(error)")
        }
    }

    func testBaseURLOrderFlagEnvironmentProfileTopLevel() throws {
        XCTAssertEqual(try resolve().endpoint.host, "shop.example")
        XCTAssertEqual(try resolve(["EXOCALL_PROFILE": "clinic"]).endpoint.host, "top.example", "a profile without base_url uses the top level")
        XCTAssertEqual(try resolve(["EXOLVE_BASE_URL": "https://env.example"]).endpoint.host, "env.example")
        XCTAssertEqual(try resolve(["EXOLVE_BASE_URL": "https://env.example"], base: "https://flag.example").endpoint.host, "flag.example")
    }

    func testAProfileTakesItsOwnKeyNeverAnotherApplications() throws {
        let shop = try resolve(["SHOP_KEY": "shop-key", "EXOLVE_API_KEY": "generic"])
        XCTAssertEqual(shop.apiKey?.authorizationValue, "Bearer shop-key", "the profile's key beats EXOLVE_API_KEY")
        XCTAssertEqual(shop.keyVariable, "SHOP_KEY")
        let missing = try resolve(["EXOLVE_API_KEY": "generic"])
        XCTAssertNil(missing.apiKey, "no fallback to another application's key")
        XCTAssertThrowsError(try missing.requireKey()) { XCTAssertTrue("\($0)".contains("SHOP_KEY")) }
        XCTAssertEqual(try resolve(flag: "clinic").apiKey?.authorizationValue, "Bearer clinic-key")
    }

    func testProfileDefaultsAreRequestShapedJSON() throws {
        let clinic = try XCTUnwrap(resolve(flag: "clinic").profile)
        XCTAssertEqual(CanonicalJSON.string(clinic.defaults, style: .compact),
                       #"{"callback_resource_id":77,"line_2":{"audio":{"media_resource_id":685},"display_number":"74950000000"}}"#)
    }

    func testConfigCheckNamesEachProblemWithItsLine() throws {
        let text = """
        default_profile = "gone"
        colour = "red"
        [profiles.a]
        api_key = "inline"
        duration = 5
        api_key_file = "loose.key"
        """
        _ = FileManager.default.createFile(atPath: folder + "/exocall/loose.key", contents: Data("k".utf8), attributes: [.posixPermissions: 0o644])
        let problems = ProfileReader.read(text, configPath: folder + "/exocall/config.toml", environment: [:]).problems
        let summary = problems.map { "\($0.line ?? 0) \($0.key)" }
        XCTAssertTrue(summary.contains("1 default_profile"), "\(summary)")
        XCTAssertTrue(summary.contains("2 colour"), "\(summary)")
        XCTAssertTrue(summary.contains("4 profiles.a.api_key"), "\(summary)")
        XCTAssertTrue(summary.contains("5 profiles.a.duration"), "\(summary)")
        XCTAssertTrue(problems.contains { $0.key == "profiles.a.api_key_file" && $0.message.contains("chmod 600") }, "\(problems)")
    }
}

final class SetAssignmentTests: XCTestCase {
    func template() -> JSONValue {
        try! JSONParser.parse(#"{"number_code":1,"callback_resource_id":2,"line_1":{"destinations":[{"number":"79990000001"}]},"line_2":{"destinations":[{"number":"79990000002"}],"audio":{"tts":{"text":"a"}}}}"#)
    }

    func testEveryKindOfPath() throws {
        var json = template()
        try SetAssignment.apply("line_2.destinations[0].number=79991234567", to: &json)
        try SetAssignment.apply("line_2.destinations[0].timeout=45", to: &json)
        try SetAssignment.apply("line_2.audio.tts.text=Здравствуйте = привет", to: &json)
        try SetAssignment.apply("line_2.audio.tts.speed=1.2", to: &json)
        try SetAssignment.apply("duration=600", to: &json)
        try SetAssignment.apply("request_description=42", to: &json)
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.destinations[0].number")!), .string("79991234567"))
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.destinations[0].timeout")!), .number("45"))
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.audio.tts.text")!), .string("Здравствуйте = привет"), "only the first = splits")
        XCTAssertEqual(json.value(at: JSONPath(parsing: "line_2.audio.tts.speed")!), .number("1.2"))
        XCTAssertEqual(json["duration"], .number("600"), "a new optional field may be added")
        XCTAssertEqual(json["request_description"], .string("42"), "a string field keeps digits as a string")
        XCTAssertTrue(RequestValidator.validate(json).isValid)
    }

    func testBadAssignmentsAreErrors() {
        var json = template()
        let cases: [(String, String)] = [
            ("line_3.ring_logic=2", "there is no \"line_3\""),
            ("line_1.destinations[4].number=7999", "index 4 does not exist"),
            ("duration=long", "takes a number"),
            ("number_code.x=1", "not an object"),
            ("no-equals-sign", "expected PATH=VALUE"),
            ("line_1..x=1", "is not a path"),
        ]
        for (assignment, fragment) in cases {
            XCTAssertThrowsError(try SetAssignment.apply(assignment, to: &json), assignment) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(assignment): \(error)")
            }
        }
        XCTAssertEqual(json, template(), "a failed assignment changes nothing")
    }
}

final class TemplateAndCurlTests: XCTestCase {
    func testTemplateRoundTrip() throws {
        let folder = NSTemporaryDirectory() + "exocall-templates-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = TemplateStore(folder: folder)
        let json = try JSONParser.parse(#"{"request_description":"Напоминание","number_code":74999999999,"line_1":{"destinations":[{"number":"79990000001"}]}}"#)
        try store.save("reminder", json: json, overwrite: false)
        XCTAssertEqual(try store.load("reminder"), json)
        XCTAssertEqual(store.names(), ["reminder"])
        XCTAssertThrowsError(try store.save("reminder", json: json, overwrite: false))
        try store.save("reminder", json: .object([]), overwrite: true)
        XCTAssertEqual(try store.load("reminder"), .object([]))
        XCTAssertEqual(try String(contentsOfFile: store.path(of: "reminder"), encoding: .utf8), "{}\n")
        for bad in ["", "../x", "a/b", ".hidden", "x.json", String(repeating: "a", count: 65)] {
            XCTAssertThrowsError(try store.save(bad, json: json, overwrite: true), bad)
        }
        try store.delete("reminder")
        XCTAssertEqual(store.names(), [])
        XCTAssertThrowsError(try store.load("reminder")) { XCTAssertTrue("\($0)".contains("no template")) }
    }

    func testCurlParsedBackByAShellGivesTheSameBody() throws {
        let body = #"{"request_description":"it's \"quoted\" $HOME `x` \\ ёж","number_code":1}"#
        let command = CurlCommand.make(endpoint: try Endpoint("https://api.exolve.ru"), keyVariable: "EXOLVE_API_KEY", body: body)
        XCTAssertTrue(command.contains(#"-H "Authorization: Bearer $EXOLVE_API_KEY""#))
        // A curl stand-in that prints what the shell handed it.
        let script = """
        curl() { while [ $# -gt 0 ]; do case "$1" in --data-binary) printf '%s' "$2" > "$OUT_BODY"; shift;; -H) printf '%s\\n' "$2" >> "$OUT_HEADERS"; shift;; esac; shift; done; }
        \(command)
        """
        let out = NSTemporaryDirectory() + "curl-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out + ".body"); try? FileManager.default.removeItem(atPath: out + ".headers") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = ["OUT_BODY": out + ".body", "OUT_HEADERS": out + ".headers", "EXOLVE_API_KEY": "from-the-shell", "HOME": "/nowhere"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try String(contentsOfFile: out + ".body", encoding: .utf8), body)
        XCTAssertTrue(try String(contentsOfFile: out + ".headers", encoding: .utf8).contains("Authorization: Bearer from-the-shell"),
                      "the shell fills the key in from its variable")
    }
}
