import NIOCore

/// What the server sends, as far as exocall reads it; the rest is `.other`.
enum BackendMessage: Sendable {
    /// The answer to an SSLRequest: true for 'S' (go on in TLS), false for 'N'.
    case sslAnswer(Bool)
    /// An authentication request: its code (0 done, 3 cleartext, 5 md5, 10 SASL, 11 SASL
    /// continue, 12 SASL final) and what follows it.
    case authentication(code: Int32, data: [UInt8])
    /// The server is ready for a query; its transaction status ('I', 'T' or 'E').
    case readyForQuery(UInt8)
    /// An error: its fields by code ('C' SQLSTATE, 'M' message, 'D' detail...).
    case error(ServerFields)
    /// A NOTIFY on a channel this session listens to.
    case notification(WireNotification)
    /// A row, its columns as text (nil: NULL).
    case dataRow([[UInt8]?])
    /// A statement ended.
    case commandComplete
    /// The protocol asked for something exocall never does (COPY).
    case unsupported(UInt8)
    /// Parse, bind, parameters, notices, row descriptions: nothing to act on.
    case other
}

/// A notification: its channel and payload.
public struct WireNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public let channel: String
    /// What was sent with it.
    public let payload: String
}

/// An error or notice's fields, by their one-letter codes.
public struct ServerFields: Sendable, Equatable {
    /// The fields as sent.
    public var fields: [UInt8: String]
    /// SQLSTATE, e.g. "42501".
    public var sqlState: String? { fields[UInt8(ascii: "C")] }
    /// The primary message.
    public var message: String? { fields[UInt8(ascii: "M")] }
}

/// Cuts the byte stream into messages. A message longer than `maximumLength` closes the
/// connection: a server (or whatever answers in its place) cannot make exocall hold an
/// unbounded buffer.
struct BackendDecoder: ByteToMessageDecoder {
    typealias InboundOut = BackendMessage

    /// The largest message accepted (a row of the call log is far below it).
    static let maximumLength = 64 * 1024 * 1024

    /// The next byte is the one-byte answer to an SSLRequest.
    var expectsSSLAnswer: Bool

    /// The stream broke the protocol.
    struct Violation: Error, CustomStringConvertible {
        let description: String
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if expectsSSLAnswer {
            guard let answer = buffer.readInteger(as: UInt8.self) else { return .needMoreData }
            expectsSSLAnswer = false
            // Nothing may follow the answer before the handshake: bytes there would be read as
            // the server's once TLS is up (what CVE-2021-23222 let a man in the middle do to libpq).
            if answer == UInt8(ascii: "S"), buffer.readableBytes > 0 {
                throw Violation(description: "bytes after the server's TLS answer, before the handshake")
            }
            switch answer {
            case UInt8(ascii: "S"): context.fireChannelRead(wrapInboundOut(.sslAnswer(true)))
            case UInt8(ascii: "N"): context.fireChannelRead(wrapInboundOut(.sslAnswer(false)))
            // An error here means an old server or not a PostgreSQL server at all.
            default: throw Violation(description: "the server did not answer the TLS request")
            }
            return .continue
        }
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
              let length = buffer.getInteger(at: buffer.readerIndex + 1, as: Int32.self) else { return .needMoreData }
        guard length >= 4, Int(length) <= Self.maximumLength else {
            throw Violation(description: "a message of \(length) bytes")
        }
        guard buffer.readableBytes >= Int(length) + 1 else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 5)
        var body = buffer.readSlice(length: Int(length) - 4)!
        context.fireChannelRead(wrapInboundOut(try Self.message(type, &body)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// One message's body read by its type.
    static func message(_ type: UInt8, _ body: inout ByteBuffer) throws -> BackendMessage {
        switch type {
        case UInt8(ascii: "R"):
            guard let code = body.readInteger(as: Int32.self) else { throw Violation(description: "a short authentication request") }
            return .authentication(code: code, data: body.readBytes(length: body.readableBytes) ?? [])
        case UInt8(ascii: "Z"):
            return .readyForQuery(body.readInteger(as: UInt8.self) ?? UInt8(ascii: "I"))
        case UInt8(ascii: "E"):
            return .error(fields(&body))
        case UInt8(ascii: "A"):
            _ = body.readInteger(as: Int32.self)
            guard let channel = body.readNullTerminatedString(), let payload = body.readNullTerminatedString() else {
                throw Violation(description: "a short notification")
            }
            return .notification(WireNotification(channel: channel, payload: payload))
        case UInt8(ascii: "D"):
            guard let count = body.readInteger(as: Int16.self), count >= 0 else { throw Violation(description: "a short row") }
            var columns: [[UInt8]?] = []
            columns.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let length = body.readInteger(as: Int32.self) else { throw Violation(description: "a short row") }
                if length < 0 {
                    columns.append(nil)
                } else {
                    guard let bytes = body.readBytes(length: Int(length)) else { throw Violation(description: "a short row") }
                    columns.append(bytes)
                }
            }
            return .dataRow(columns)
        case UInt8(ascii: "C"), UInt8(ascii: "I"):
            return .commandComplete
        case UInt8(ascii: "G"), UInt8(ascii: "H"), UInt8(ascii: "W"), UInt8(ascii: "d"), UInt8(ascii: "c"):
            return .unsupported(type)
        default:
            return .other
        }
    }

    private static func fields(_ body: inout ByteBuffer) -> ServerFields {
        var fields: [UInt8: String] = [:]
        while let code = body.readInteger(as: UInt8.self), code != 0, let value = body.readNullTerminatedString() {
            fields[code] = value
        }
        return ServerFields(fields: fields)
    }
}
