/// What a program has drawn on a pseudo-terminal, as text, read a chunk at a time.
///
/// A read can end in the middle of a character (a flag is eight bytes, a Cyrillic letter two):
/// decoding each chunk alone turns both halves into U+FFFD and the text never matches. The
/// incomplete tail waits here for the next chunk.
public struct TerminalText: Sendable {
    /// Everything decoded so far (tests may clear it to look only at what comes next).
    public var text = ""
    /// The bytes of a character the last chunk ended in the middle of.
    private var pending: [UInt8] = []

    /// An empty text.
    public init() {}

    /// Appends a chunk read from the pty; a character cut at its end waits for the next chunk.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        pending.append(contentsOf: chunk)
        let complete = pending.count - Self.incompleteTail(of: pending)
        text += String(decoding: pending[0..<complete], as: UTF8.self)
        pending.removeFirst(complete)
    }

    /// How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet (0-3).
    static func incompleteTail(of bytes: [UInt8]) -> Int {
        // A sequence is at most four bytes: look back at most three for its lead byte.
        for back in stride(from: 1, through: min(3, bytes.count), by: 1) {
            let byte = bytes[bytes.count - back]
            if byte & 0b1100_0000 == 0b1000_0000 { continue } // a continuation byte: keep looking
            // 0xF8-0xFF lead nothing: decoded at once (as U+FFFD), never held.
            let length = byte >= 0b1111_1000 ? 1 : byte >= 0b1111_0000 ? 4 : byte >= 0b1110_0000 ? 3 : byte >= 0b1100_0000 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}
