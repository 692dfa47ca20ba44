import CallbackCore
import ExolveClient
import ExolveStub
import HostileHTTP
import XCTest
import Localization

/// The account's numbers and callback resources, over loopback.
final class AccountListTests: XCTestCase {
    func testEveryPageIsReadUntilTotal() async throws {
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let client = ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey("k")!)
        guard case .success(let numbers) = await client.listNumbers() else { return XCTFail("listed") }
        XCTAssertEqual(numbers.count, 250)
        XCTAssertEqual(Set(numbers.map(\.number)).count, 250, "no page read twice")
        XCTAssertTrue(numbers.contains { !$0.outgoingCalls }, "a few cannot place calls")
        XCTAssertTrue(Set(numbers.map(\.type)).isSuperset(of: ["ABC", "DEF", "KDU"]))
        let requests = await server.received.filter { $0.path == APIPath.numbers }
        XCTAssertEqual(requests.count, 3, "pages of 100 until 250")
        XCTAssertEqual(String(decoding: requests[2].body, as: UTF8.self), #"{"limit":100,"offset":200}"#)
    }

    func testTheRulingsTolerances() async throws {
        let body = #"""
        {"numbers":[
          {"number_name":"74990000001","description":"a","type_name":"ABC","region_name":"Москва","subscription_fee":300,
           "number_options":{"incoming_calls":true,"outgoing_calls":true},"future_field":{"x":1}},
          {"number_name":79990000002,"subscription_fee":"300","number_options":[{"outgoing_calls":false,"incoming_calls":true}]},
          {"number_name":"78000000003","number_options":[{"outgoing_calls":true}]}
        ],"total":"3"}
        """#
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) }
        defer { server.stop() }
        let client = ExolveClient(endpoint: try Endpoint(server.url), apiKey: APIKey("k")!)
        guard case .success(let numbers) = await client.listNumbers() else { return XCTFail("tolerated") }
        XCTAssertEqual(numbers.map(\.number), ["74990000001", "79990000002", "78000000003"])
        XCTAssertEqual(numbers.map(\.outgoingCalls), [true, false, true])
        XCTAssertEqual(numbers[0].region, "Москва")
    }

    func testAWrongKeyGarbageAndAnUndocumentedListThatIsNotThereFailClearly() async throws {
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let wrong = ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey("nope")!)
        let wrongResult = await wrong.listNumbers()
        XCTAssertEqual(wrongResult, .failure(.rejected(status: 401, message: "malformed token")))
        let open = StubServer()
        let openURL = try await open.start()
        defer { Task { await open.stop() } }
        let garbage = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("stub:garbage")!)
        let garbageResult = await garbage.listNumbers()
        XCTAssertEqual(garbageResult, .failure(.badAnswer(.phrase(.listNotObject))))
        let types = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("stub:types")!)
        let typesResult = await types.listNumbers()
        XCTAssertEqual(typesResult, .failure(.badAnswer(.phrase(.listNumbersNotList))))
        let huge = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("stub:huge")!)
        guard case .failure(.badAnswer(let found)) = await huge.listNumbers() else { return XCTFail("a huge body is not a list") }
        let reason = found.text(.en)
        XCTAssertTrue(reason.contains("larger than"))
        // The trial: a 500 read "the answer was not a list: HTTP 500"; it says the server failed and to try later.
        let failing = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("stub:500")!)
        let failingResult = await failing.listNumbers()
        XCTAssertEqual(failingResult, .failure(.serverError(status: 500, message: "internal error")))
        guard case .failure(let serverFailure) = failingResult else { return XCTFail("500") }
        XCTAssertTrue(serverFailure.text.text(.en).contains("server failed (HTTP 500: internal error)"), serverFailure.text.text(.en))
        XCTAssertFalse(serverFailure.text.text(.en).contains("not a list"))
        let noCallbacks = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("stub:nocallbacks")!)
        guard case .failure(.rejected(404, _)) = await noCallbacks.listCallbackResources() else { return XCTFail("404") }
        let good = ExolveClient(endpoint: try Endpoint(openURL), apiKey: APIKey("k")!)
        let goodResult = await good.listCallbackResources()
        XCTAssertEqual(goodResult, .success([CallbackResource(id: "1221", name: "Основной"),
                                                                     CallbackResource(id: "1222", name: "Ночной"),
                                                                     CallbackResource(id: "1300", name: "Курьеры")]))
    }
}
