import CallbackCore
import ExolveClient
import ExolveStub
import Foundation
import XCTest

/// The spec's example request as a value.
let exampleRequest: MakeCallbackRequest = RequestValidator.validate(text: """
{"request_description":"internal_id_148","number_code":74999999999,"callback_resource_id":1221,
 "line_1":{"destinations":[{"number":"78129999999"},{"number":"74959999999"}],"ring_logic":1,
  "audio":{"tts":{"text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"lang":1,"volume":-19,"speed":1.1,"emotion":2}}},
 "line_2":{"destinations":[{"number":"79599999999"},{"number":"79999999999"}],"ring_logic":1,"audio":{"media_resource_id":685}}}
""").request!

/// The example with another request description (to pick a stub scenario).
func example(description: String) -> MakeCallbackRequest {
    var request = exampleRequest
    request.requestDescription = description
    return request
}

/// The key the stand-in expects in these tests.
let testKey = "test-key-5b1f0c9e"

/// Starts a stand-in server on a free loopback port for the duration of a test.
func startStub(apiKey: String? = testKey) async throws -> (StubServer, Endpoint) {
    let server = StubServer(apiKey: apiKey)
    let url = try await server.start()
    return (server, try Endpoint(url))
}

/// A client for `endpoint` with the test key.
func client(_ endpoint: Endpoint, key: String = testKey, timeout: Duration = .seconds(10)) -> ExolveClient {
    ExolveClient(endpoint: endpoint, apiKey: APIKey(key)!, timeout: timeout)
}

/// A loopback port with nothing listening on it.
func closedPort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            _ = bind(fd, pointer, length)
            _ = getsockname(fd, pointer, &length)
        }
    }
    close(fd)
    return UInt16(bigEndian: address.sin_port)
}
