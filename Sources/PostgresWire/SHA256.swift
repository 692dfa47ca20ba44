/// SHA-256 (FIPS 180-4), and HMAC (RFC 2104) and PBKDF2 (RFC 8018) over it: what
/// PostgreSQL's SCRAM-SHA-256 sign-in needs, without a cryptography library (and its
/// second copy of BoringSSL) in the binary. Checked against the standards' vectors.
/// PBKDF2 runs thousands of rounds at every sign-in, so HMAC's key blocks are compressed
/// once and each round costs two compressions, without allocating.
enum SHA256 {
    /// The digest's length in bytes.
    static let length = 32
    private static let blockLength = 64

    /// The eight working words between blocks.
    typealias State = SIMD8<UInt32>

    private static let initial: State = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] { finish(initial, after: 0, message) }

    /// Hashes `message` from `state`, which has already taken `done` bytes (whole blocks).
    private static func finish(_ state: State, after done: Int, _ message: [UInt8]) -> [UInt8] {
        var state = state
        var padded = message
        padded.append(0x80)
        while padded.count % blockLength != 56 { padded.append(0) }
        let bits = UInt64(done + message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        padded.withUnsafeBytes { bytes in
            for offset in stride(from: 0, to: bytes.count, by: blockLength) {
                compress(&state, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + blockLength]))
            }
        }
        return digest(state)
    }

    private static func digest(_ state: State) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        for i in 0..<8 {
            out[i * 4] = UInt8(truncatingIfNeeded: state[i] >> 24)
            out[i * 4 + 1] = UInt8(truncatingIfNeeded: state[i] >> 16)
            out[i * 4 + 2] = UInt8(truncatingIfNeeded: state[i] >> 8)
            out[i * 4 + 3] = UInt8(truncatingIfNeeded: state[i])
        }
        return out
    }

    /// One 64-byte block into `state`.
    private static func compress(_ state: inout State, _ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { words in
            for i in 0..<16 { words[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            compress(&state, words: UnsafeBufferPointer(words))
        }
    }

    /// One block, as its sixteen big-endian words, into `state`.
    @_optimize(speed)
    private static func compress(_ state: inout State, words: UnsafeBufferPointer<UInt32>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            k.withUnsafeBufferPointer { k in
                for i in 0..<16 { w[i] = words[i] }
                for i in 16..<64 {
                    let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7]
                for i in 0..<64 {
                    let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                    let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                    h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                state &+= State(a, b, c, d, e, f, g, h)
            }
        }
    }

    /// HMAC-SHA-256 under one key: its padded key blocks compressed once.
    struct HMAC {
        fileprivate let inner: State
        fileprivate let outer: State

        init(key: [UInt8]) {
            var block = key.count > SHA256.blockLength ? SHA256.hash(key) : key
            block += [UInt8](repeating: 0, count: SHA256.blockLength - block.count)
            var inner = SHA256.initial, outer = SHA256.initial
            block.map { $0 ^ 0x36 }.withUnsafeBytes { SHA256.compress(&inner, $0) }
            block.map { $0 ^ 0x5c }.withUnsafeBytes { SHA256.compress(&outer, $0) }
            self.inner = inner
            self.outer = outer
        }

        /// The MAC of `message`.
        func mac(_ message: [UInt8]) -> [UInt8] {
            SHA256.finish(outer, after: SHA256.blockLength, SHA256.finish(inner, after: SHA256.blockLength, message))
        }
    }

    /// HMAC-SHA-256 of `message` under `key`.
    static func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] { HMAC(key: key).mac(message) }

    /// PBKDF2-HMAC-SHA-256 of `password` and `salt`: one 32-byte block (SCRAM's `Hi`).
    /// After the first, each round's message is the last 32-byte MAC: one block with fixed
    /// padding, so a round is two compressions on words, with nothing allocated.
    static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        let prf = HMAC(key: password)
        let first = prf.mac(salt + [0, 0, 0, 1])
        var u = State(), result = State()
        for i in 0..<8 {
            u[i] = UInt32(first[i * 4]) << 24 | UInt32(first[i * 4 + 1]) << 16 | UInt32(first[i * 4 + 2]) << 8 | UInt32(first[i * 4 + 3])
        }
        result = u
        if iterations > 1 {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { block in
                // 32 bytes of message, 0x80, zeros, and the length: one key block and 32 bytes, in bits.
                block[8] = 0x8000_0000
                for i in 9..<15 { block[i] = 0 }
                block[15] = UInt32((blockLength + length) * 8)
                for _ in 2...iterations {
                    for i in 0..<8 { block[i] = u[i] }
                    var inner = prf.inner
                    compress(&inner, words: UnsafeBufferPointer(block))
                    for i in 0..<8 { block[i] = inner[i] }
                    var outer = prf.outer
                    compress(&outer, words: UnsafeBufferPointer(block))
                    u = outer
                    result ^= u
                }
            }
        }
        return digest(result)
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value >> count | value << (32 - count) }
}
