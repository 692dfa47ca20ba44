import CallbackCore
import FoundationEssentials
import Glibc

/// The stand-in's account: 250 numbers across types and regions (a few that
/// cannot place calls), served in pages as `number/customer/v1/GetList` does,
/// and three callback resources on the undocumented `/callback/v1/GetList`.
/// A key that starts with `stub:` makes the lists fail on purpose:
/// `stub:garbage` (not JSON), `stub:types` (wrong types), `stub:huge` (a 3 MiB
/// body), `stub:500`, `stub:nocallbacks` (404 on the callback list only).
enum AccountListing {
    /// The failure scenarios, by key.
    static let scenarios: [(tag: String, effect: String)] = [
        ("stub:garbage", "the lists answer with a body that is not JSON"),
        ("stub:types", "the numbers list answers with wrong types"),
        ("stub:huge", "the numbers list answers with 3 MiB"),
        ("stub:500", "the lists answer 500"),
        ("stub:nocallbacks", "the callback list answers 404 (it is undocumented)"),
    ]

    static let regions = ["Москва", "Санкт-Петербург", "Новосибирская область", "Свердловская область", "Республика Татарстан",
                          "Краснодарский край", "Нижегородская область", "Вся Россия"]
    static let notes = ["отдел продаж", "поддержка", "курьеры", "колл-центр", "доставка", "бухгалтерия", "HR", "маркетинг", ""]

    /// The account's numbers, the same every time.
    static let numbers: [CallbackCore.JSONValue] = (0..<250).map { index in
        let type = index % 10 == 9 ? "KDU" : (index % 3 == 0 ? "ABC" : "DEF")
        var number: String
        switch type {
        case "KDU": number = "7800" + String(1_000_000 + index)
        case "ABC": number = "7495" + String(3_000_000 + index * 7)
        default: number = "7999" + String(1_200_000 + index * 13)
        }
        if index == 0 { number = "74999999999" } // the spec's example number_code is the demo account's
        let outgoing = index % 17 != 5 // a few numbers cannot place calls
        let options = CallbackCore.JSONValue.object([.init("incoming_calls", .bool(true)), .init("outgoing_calls", .bool(outgoing)),
                                        .init("incoming_sms", .bool(type == "DEF")), .init("outgoing_sms", .bool(false))])
        return .object([
            .init("number_name", .string(number)),
            .init("description", .string(notes[index % notes.count] + (index % 4 == 0 ? " \(index / 4 + 1)" : ""))),
            .init("type_name", .string(type)),
            .init("region_name", .string(type == "KDU" ? "Вся Россия" : regions[index % (regions.count - 1)])),
            .init("application_uuid", .string("7b4e2f3a-0000-4000-8000-00000000000\(index % 3)")),
            .init("application_name", .string("demo")),
            .init("category_name", .string(index % 5 == 0 ? "Серебряный" : "Простой")),
            .init("create_date", .string("2026-0\(1 + index % 9)-1\(index % 10)T10:00:00Z")),
            .init("subscription_fee", index % 2 == 0 ? .number("300") : .string("300")),
            .init("install_fee", .number("0")),
            // The vendor's table types number_options as an array, its example as an object: serve both.
            .init("number_options", index % 5 == 0 ? .array([options]) : options),
        ])
    }

    static func respond(path: String, body: [UInt8], token: String) -> StubResponse {
        switch token {
        case "stub:garbage": return text(200, "<html>upstream glitch")
        case "stub:500": return text(500, #"{"code":13,"message":"internal error"}"#)
        case "stub:nocallbacks" where path == APIPath.callbackResources: return text(404, "404 page not found")
        default: break
        }
        if path == APIPath.callbackResources {
            let callbacks: [CallbackCore.JSONValue] = [("1221", "Основной"), ("1222", "Ночной"), ("1300", "Курьеры")].map {
                .object([.init("callback_resource_id", .string($0.0)), .init("callback_name", .string($0.1))])
            }
            return json(.object([.init("callbacks", .array(callbacks))]))
        }
        switch token {
        case "stub:types": return json(.object([.init("numbers", .string("many")), .init("total", .string("lots"))]))
        case "stub:huge": return text(200, #"{"numbers":[""# + String(repeating: "x", count: 3 << 20) + "\"]}")
        default: break
        }
        guard let request = try? JSONParser.parse(body) else {
            return text(400, #"{"error": "proto: syntax error (line 1:1): invalid value"}"#)
        }
        func integer(_ key: String) -> Int? {
            if case .number(let lexeme)? = request[key] { return Int(lexeme) }
            if case .string(let text)? = request[key] { return Int(text) }
            return nil
        }
        var list = numbers
        if case .string(let search)? = request["search_filter"], !search.isEmpty {
            list = list.filter { item in if case .string(let number)? = item["number_name"] { return number.contains(search) } else { return false } }
        }
        let offset = max(0, integer("offset") ?? 0)
        let limit = max(0, integer("limit") ?? list.count)
        let page = Array(list.dropFirst(offset).prefix(limit))
        return json(.object([.init("numbers", .array(page)), .init("total", .number(String(list.count)))]))
    }

    static func json(_ value: CallbackCore.JSONValue) -> StubResponse {
        StubResponse(status: 200, contentType: "application/json", body: Array(CanonicalJSON.string(value, style: .compact).utf8))
    }

    static func text(_ status: Int, _ body: String) -> StubResponse {
        StubResponse(status: status, contentType: "text/plain", body: Array(body.utf8))
    }
}
