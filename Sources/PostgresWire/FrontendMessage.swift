import NIOCore

/// What the client sends, in PostgreSQL's protocol 3.0 (one writer for every message).
enum FrontendMessage {
    /// The startup packet: protocol 3.0 and the session's parameters.
    case startup([(String, String)])
    /// Asks the server to switch to TLS before anything else.
    case sslRequest
    /// A password, or an md5 answer.
    case password(String)
    /// SASL: the mechanism chosen and its first message.
    case saslInitial(mechanism: String, data: [UInt8])
    /// SASL: a later message.
    case saslResponse([UInt8])
    /// The extended query protocol, unnamed statement and portal: the statement with its
    /// parameters' types, then its text parameters (nil: NULL), results in text.
    case parse(sql: String, types: [UInt32])
    case bind([[UInt8]?])
    case execute
    case sync
    /// Ends the session politely.
    case terminate

    /// Appends the message to `buffer`.
    func write(into buffer: inout ByteBuffer) {
        switch self {
        case .startup(let parameters):
            framed(nil, &buffer) { body in
                body.writeInteger(Int32(196_608))
                for (key, value) in parameters { body.writeNullTerminated(key); body.writeNullTerminated(value) }
                body.writeInteger(UInt8(0))
            }
        case .sslRequest:
            buffer.writeInteger(Int32(8))
            buffer.writeInteger(Int32(80_877_103))
        case .password(let text):
            framed("p", &buffer) { $0.writeNullTerminated(text) }
        case .saslInitial(let mechanism, let data):
            framed("p", &buffer) { body in
                body.writeNullTerminated(mechanism)
                body.writeInteger(Int32(data.count))
                body.writeBytes(data)
            }
        case .saslResponse(let data):
            framed("p", &buffer) { $0.writeBytes(data) }
        case .parse(let sql, let types):
            framed("P", &buffer) { body in
                body.writeNullTerminated("")
                body.writeNullTerminated(sql)
                body.writeInteger(Int16(types.count))
                for type in types { body.writeInteger(type) }
            }
        case .bind(let values):
            framed("B", &buffer) { body in
                body.writeNullTerminated("")
                body.writeNullTerminated("")
                body.writeInteger(Int16(1))
                body.writeInteger(Int16(0))
                body.writeInteger(Int16(values.count))
                for value in values {
                    if let value {
                        body.writeInteger(Int32(value.count))
                        body.writeBytes(value)
                    } else {
                        body.writeInteger(Int32(-1))
                    }
                }
                body.writeInteger(Int16(0))
            }
        case .execute:
            framed("E", &buffer) { body in
                body.writeNullTerminated("")
                body.writeInteger(Int32(0))
            }
        case .sync:
            framed("S", &buffer) { _ in }
        case .terminate:
            framed("X", &buffer) { _ in }
        }
    }

    /// A type byte (none for the startup packet), the length including itself, the body.
    private func framed(_ type: Character?, _ buffer: inout ByteBuffer, _ body: (inout ByteBuffer) -> Void) {
        if let type { buffer.writeInteger(type.asciiValue!) }
        let start = buffer.writerIndex
        buffer.writeInteger(Int32(0))
        body(&buffer)
        buffer.setInteger(Int32(buffer.writerIndex - start), at: start)
    }
}

extension ByteBuffer {
    /// A C string: the text's UTF-8 and a zero byte. A zero inside the text would end it
    /// early, so callers refuse such text first (`WireQuery` does for SQL and parameters go
    /// with their lengths).
    mutating func writeNullTerminated(_ text: String) {
        writeString(text)
        writeInteger(UInt8(0))
    }
}
