import CallbackCore
import Localization

extension ExolveClient {
    /// How many numbers a page asks for.
    public static let numbersPageSize = 100
    /// The most pages read, whatever `total` says (a bound against a server that never ends).
    public static let numbersPageLimit = 50

    /// Every number of the account: pages of `limit` from `offset` 0 until `total`
    /// (or an empty page), each asked once. Fees, options as an object or a list,
    /// numbers as strings or numbers, unknown fields: all tolerated.
    public func listNumbers() async -> Result<[AccountNumber], ListFailure> {
        var numbers: [AccountNumber] = []
        var total = 0
        var ended = false
        for page in 0..<Self.numbersPageLimit {
            let body = JSONValue.object([.init("limit", .number(String(Self.numbersPageSize))),
                                         .init("offset", .number(String(page * Self.numbersPageSize)))])
            let answer: JSONValue
            switch await listJSON(post(APIPath.numbers, body: Array(CanonicalJSON.string(body, style: .compact).utf8))) {
            case .failure(let failure): return .failure(failure)
            case .success(let value): answer = value
            }
            guard case .array(let items)? = answer["numbers"] ?? .some(.array([])) else {
                return .failure(.badAnswer(.phrase(.listNumbersNotList)))
            }
            for item in items {
                guard let number = Self.accountNumber(item) else { return .failure(.badAnswer(.phrase(.listNumberWithoutName))) }
                numbers.append(number)
            }
            total = answer["total"].flatMap(Self.integer) ?? numbers.count
            if items.isEmpty || numbers.count >= total {
                ended = true
                break
            }
        }
        // Out of pages with `total` still ahead (it grew, or it is 10^12): the list is
        // not whole, and "5000 of 5000 numbers" would say it was.
        guard ended else {
            return .failure(.badAnswer(.phrase(.listNumbersUnending, ["pages": "\(Self.numbersPageLimit)", "read": "\(numbers.count)",
                                                                     "total": "\(total)"])))
        }
        return .success(numbers)
    }

    /// The application's callback resources (undocumented: use as a convenience only).
    public func listCallbackResources() async -> Result<[CallbackResource], ListFailure> {
        switch await listJSON(post(APIPath.callbackResources, body: Array("{}".utf8))) {
        case .failure(let failure): return .failure(failure)
        case .success(let answer):
            guard case .array(let items)? = answer["callbacks"] else { return .failure(.badAnswer(.phrase(.listNoCallbacks))) }
            var resources: [CallbackResource] = []
            for item in items {
                guard let id = item["callback_resource_id"].flatMap(Self.text), !id.isEmpty, id.allSatisfy(\.isASCIIDigit) else {
                    return .failure(.badAnswer(.phrase(.listResourceWithoutID)))
                }
                resources.append(CallbackResource(id: id, name: item["callback_name"].flatMap(Self.text) ?? ""))
            }
            return .success(resources)
        }
    }

    /// The JSON an exchange answered, or why there is none. Texts are kept free of the key.
    func listJSON(_ result: TransportResult) -> Result<JSONValue, ListFailure> {
        switch result {
        case .failedBeforeSending(let reason): return .failure(.notReached(reason.mappingOutsideText(redact)))
        case .failedAfterSending(let reason): return .failure(.failed(reason.mappingOutsideText(redact)))
        case .response(let status, let body, let dropped):
            guard dropped == 0 else { return .failure(.badAnswer(.phrase(.listTooLarge, ["size": "\(body.count)"]))) }
            switch status {
            case 200..<300:
                guard let value = try? JSONParser.parse(body), case .object = value else {
                    return .failure(.badAnswer(.phrase(.listNotObject)))
                }
                return .success(value)
            case 400..<500:
                return .failure(.rejected(status: status, message: redact(ErrorBody.message(from: body, status: status))))
            case 500..<600:
                return .failure(.serverError(status: status, message: redact(ErrorBody.message(from: body, status: status))))
            default:
                return .failure(.badAnswer("HTTP \(status)"))
            }
        }
    }

    static func accountNumber(_ item: JSONValue) -> AccountNumber? {
        guard let number = item["number_name"].flatMap(text), !number.isEmpty else { return nil }
        // number_options: an object, or (as the vendor's table types it) a list of such objects.
        var options: [JSONValue] = []
        switch item["number_options"] {
        case .object?: options = [item["number_options"]!]
        case .array(let list)?: options = list
        default: break
        }
        let outgoing = options.contains { $0["outgoing_calls"] == .bool(true) }
        return AccountNumber(number: number, description: item["description"].flatMap(text) ?? "",
                             type: item["type_name"].flatMap(text) ?? "", region: item["region_name"].flatMap(text) ?? "",
                             outgoingCalls: outgoing)
    }

    /// A string, or a number written as one.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let lexeme): return lexeme
        default: return nil
        }
    }

    static func integer(_ value: JSONValue) -> Int? { text(value).flatMap { Int($0) } }
}
