import Glibc
import NIOCore

/// A network in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`, or one address), for `--allow-from`.
public struct CIDR: Sendable, Equatable {
    let bytes: [UInt8]
    let prefix: Int

    /// Parses `text`; nil when it is not an address with an optional prefix length.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let address = try? SocketAddress(ipAddress: first, port: 0) else { return nil }
        let raw = CIDR.raw(address)
        guard !raw.isEmpty else { return nil }
        let bits = raw.count * 8
        let length = parts.count == 2 ? Int(parts[1]) : bits
        guard let length, (0...bits).contains(length) else { return nil }
        bytes = raw
        prefix = length
    }

    /// Whether `address` is in the network (an IPv4 address in IPv6 form counts as IPv4).
    public func contains(_ address: SocketAddress) -> Bool {
        let raw = bytes.count == 4 ? CIDR.unmapped(address) : CIDR.raw(address)
        guard raw.count == bytes.count else { return false }
        var left = prefix
        for index in 0..<bytes.count where left > 0 {
            let mask: UInt8 = left >= 8 ? 0xFF : UInt8(0xFF << (8 - left) & 0xFF)
            if raw[index] & mask != bytes[index] & mask { return false }
            left -= 8
        }
        return true
    }

    /// The address's bytes, an IPv4-mapped IPv6 address's as IPv4 (`::ffff:10.1.2.3` is 10.1.2.3).
    static func unmapped(_ address: SocketAddress) -> [UInt8] {
        let raw = CIDR.raw(address)
        return raw.count == 16 && raw.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] ? Array(raw.suffix(4)) : raw
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6; none for a Unix socket), from NIO's
    /// text of it read back by the C library.
    static func raw(_ address: SocketAddress) -> [UInt8] {
        guard let text = address.ipAddress else { return [] }
        var v4 = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, text, &v4) == 1 { return v4 }
        var v6 = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET6, text, &v6) == 1 { return v6 }
        return []
    }
}
