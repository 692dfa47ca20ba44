import FoundationEssentials

/// The client's side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL runs it: no
/// channel binding (`n,,`), the user name left empty (the server takes the startup
/// message's), the password's UTF-8 bytes (SASLprep leaves ASCII as it is; the server
/// falls back to the raw bytes when a password is not valid SASLprep input).
struct SCRAM {
    /// Why the server's messages cannot be taken.
    struct Refused: Error, Equatable {
        /// What was wrong, for the operator's detail line.
        let reason: String
    }

    let password: [UInt8]
    let nonce: String
    /// The user name in the first message: empty for PostgreSQL, which takes the startup message's.
    let user: String

    /// A client with a fresh random nonce.
    init(password: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.init(password: password, nonce: Data(bytes).base64EncodedString())
    }

    /// A client with a given nonce and user (the RFC's test vectors).
    init(password: String, nonce: String, user: String = "") {
        self.password = Array(password.utf8)
        self.nonce = nonce
        self.user = user
    }

    /// The first message without its header, part of what both sides sign.
    var clientFirstBare: String { "n=" + user.replacing("=", with: "=3D").replacing(",", with: "=2C") + ",r=" + nonce }
    /// The first message, sent with the mechanism's name.
    var clientFirst: String { "n,," + clientFirstBare }

    /// The client's final message for the server's first, and the signature the server
    /// must prove it knows in its final message.
    func final(serverFirst: String) throws(Refused) -> (message: String, serverSignature: [UInt8]) {
        var fields: [Character: Substring] = [:]
        for part in serverFirst.split(separator: ",") where part.count >= 2 && part.dropFirst().first == "=" {
            fields[part.first!] = part.dropFirst(2)
        }
        guard let combined = fields["r"], combined.hasPrefix(nonce), combined.count > nonce.count else {
            throw Refused(reason: "the server's nonce does not extend the client's")
        }
        guard let saltText = fields["s"], let salt = Data(base64Encoded: String(saltText)), !salt.isEmpty else {
            throw Refused(reason: "the server sent no salt")
        }
        // PostgreSQL uses 4096; a hostile server must not make the client spin for minutes.
        guard let text = fields["i"], let iterations = Int(text), (1...1_000_000).contains(iterations) else {
            throw Refused(reason: "the server's iteration count is missing or out of range")
        }
        let salted = SHA256.pbkdf2(password: password, salt: Array(salt), iterations: iterations)
        let clientKey = SHA256.hmac(key: salted, Array("Client Key".utf8))
        let storedKey = SHA256.hash(clientKey)
        let withoutProof = "c=biws,r=" + combined
        let authMessage = Array((clientFirstBare + "," + serverFirst + "," + withoutProof).utf8)
        let clientSignature = SHA256.hmac(key: storedKey, authMessage)
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = SHA256.hmac(key: salted, Array("Server Key".utf8))
        return (withoutProof + ",p=" + Data(proof).base64EncodedString(), SHA256.hmac(key: serverKey, authMessage))
    }

    /// Checks the server's final message against the signature it must carry.
    static func verify(serverFinal: String, expected: [UInt8]) throws(Refused) {
        if serverFinal.hasPrefix("e=") { throw Refused(reason: "the server refused: " + serverFinal.dropFirst(2)) }
        guard serverFinal.hasPrefix("v="),
              let signature = Data(base64Encoded: String(serverFinal.dropFirst(2).prefix { $0 != "," })),
              Array(signature) == expected else {
            throw Refused(reason: "the server could not prove it knows the password")
        }
    }
}
