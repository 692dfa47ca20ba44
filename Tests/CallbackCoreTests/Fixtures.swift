import CallbackCore
import XCTest

/// The spec's example request, as text.
let specExample = """
{
  "request_description": "internal_id_148",
  "number_code": 74999999999,
  "callback_resource_id": 1221,
  "line_1": {
    "destinations": [{"number": "78129999999"}, {"number": "74959999999"}],
    "ring_logic": 1,
    "audio": {"tts": {"text": "МТС Exolve — конструктор омниканальных диалогов для бизнеса",
                      "voice": 1, "lang": 1, "volume": -19, "speed": 1.1, "emotion": 2}}
  },
  "line_2": {
    "destinations": [{"number": "79599999999"}, {"number": "79999999999"}],
    "ring_logic": 1,
    "audio": {"media_resource_id": 685}
  }
}
"""

/// The spec's example, parsed.
func exampleJSON() -> JSONValue { try! JSONParser.parse(specExample) }

/// The example with one value set (or removed with nil) at a path.
func example(setting path: String, to value: JSONValue?) -> JSONValue {
    var json = exampleJSON()
    try! json.set(value, at: JSONPath(parsing: path)!)
    return json
}

/// The problems found when `path` is set to the JSON text `literal`.
func problems(setting path: String, to literal: String?) -> [ValidationProblem] {
    RequestValidator.validate(example(setting: path, to: literal.map { try! JSONParser.parse($0) })).problems
}

/// Asserts that setting `path` to `literal` is accepted: no error (a warning elsewhere, such
/// as the speech-length estimate at extreme speeds, does not block), nothing at `path`.
func assertAccepted(_ path: String, _ literal: String?, file: StaticString = #filePath, line: UInt = #line) {
    let found = problems(setting: path, to: literal)
    XCTAssertEqual(found.filter(\.isError), [], "\(path) = \(literal ?? "absent") should be valid", file: file, line: line)
    XCTAssertEqual(found.filter { $0.path == path }, [], "\(path) = \(literal ?? "absent") should raise nothing", file: file, line: line)
}

/// Asserts that setting `path` to `literal` gives exactly one warning, at `path`, mentioning
/// `fragment`, and that the request can still be sent.
func assertWarned(_ path: String, _ literal: String?, mentions fragment: String, at reportedPath: String? = nil,
                  file: StaticString = #filePath, line: UInt = #line) -> ValidationResult {
    let json = example(setting: path, to: literal.map { try! JSONParser.parse($0) })
    let result = RequestValidator.validate(json)
    XCTAssertEqual(result.problems.count, 1, "expected one warning for \(path) = \(literal ?? "absent"), got \(result.problems)", file: file, line: line)
    guard let problem = result.problems.first else { return result }
    XCTAssertEqual(problem.severity, .warning, file: file, line: line)
    XCTAssertEqual(problem.path, reportedPath ?? path, file: file, line: line)
    XCTAssertTrue(problem.message.contains(fragment), "\"\(problem.message)\" should mention \"\(fragment)\"", file: file, line: line)
    XCTAssertNotNil(result.request, "a warning does not block the send", file: file, line: line)
    return result
}

/// Asserts that setting `path` to `literal` gives exactly one problem, at `path`, whose message contains `fragment`.
func assertRejected(_ path: String, _ literal: String?, mentions fragment: String, at reportedPath: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) {
    let found = problems(setting: path, to: literal)
    XCTAssertEqual(found.count, 1, "expected one problem for \(path) = \(literal ?? "absent"), got \(found)", file: file, line: line)
    guard let problem = found.first else { return }
    XCTAssertEqual(problem.path, reportedPath ?? path, file: file, line: line)
    XCTAssertTrue(problem.message.contains(fragment), "\"\(problem.message)\" should mention \"\(fragment)\"", file: file, line: line)
    XCTAssertEqual(problem.severity, .error, "\(path) = \(literal ?? "absent") is an error", file: file, line: line)
}
