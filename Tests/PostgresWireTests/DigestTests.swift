@testable import PostgresWire
import XCTest

/// The sign-in's arithmetic against the standards' own vectors.
final class DigestTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { MD5.hex(bytes) }
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testSHA256MatchesFIPS180Vectors() {
        XCTAssertEqual(hex(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex(SHA256.hash(bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(SHA256.hash(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 55 and 56 bytes: the padding's two cases (one block, then two).
        XCTAssertEqual(hex(SHA256.hash([UInt8](repeating: 0x61, count: 55))), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(hex(SHA256.hash([UInt8](repeating: 0x61, count: 56))), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    func testHMACMatchesRFC4231() {
        XCTAssertEqual(hex(SHA256.hmac(key: [UInt8](repeating: 0x0b, count: 20), bytes("Hi There"))),
                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        XCTAssertEqual(hex(SHA256.hmac(key: bytes("Jefe"), bytes("what do ya want for nothing?"))),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // A key longer than a block is hashed first.
        XCTAssertEqual(hex(SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"))),
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    func testPBKDF2MatchesRFC7914() {
        XCTAssertEqual(hex(SHA256.pbkdf2(password: bytes("passwd"), salt: bytes("salt"), iterations: 1)),
                       "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        XCTAssertEqual(hex(SHA256.pbkdf2(password: bytes("Password"), salt: bytes("NaCl"), iterations: 80_000)),
                       "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56")
    }

    func testMD5MatchesRFC1321AndPostgresPasswordForm() {
        XCTAssertEqual(hex(MD5.hash([])), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(hex(MD5.hash(bytes("abc"))), "900150983cd24fb0d6963f7d28e17f72")
        XCTAssertEqual(hex(MD5.hash(bytes("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))),
                       "57edf4a22be3c955ac49da2e2107b67a")
        // md5(md5("secret" + "anna") + salt), as libpq computes it (checked with Python's hashlib).
        XCTAssertEqual(MD5.password("secret", user: "anna", salt: [1, 2, 3, 4]), "md57a40e687695f2126a3421c7f4bc9861e")
    }

    /// RFC 7677's example exchange, byte for byte.
    func testSCRAMReproducesRFC7677() throws {
        let client = SCRAM(password: "pencil", nonce: "rOprNGfwEbeRWgbNEkqO", user: "user")
        XCTAssertEqual(client.clientFirst, "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let (final, signature) = try client.final(serverFirst: serverFirst)
        XCTAssertEqual(final, "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        XCTAssertNoThrow(try SCRAM.verify(serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", expected: signature))
        XCTAssertThrowsError(try SCRAM.verify(serverFinal: "v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", expected: signature))
        XCTAssertThrowsError(try SCRAM.verify(serverFinal: "e=invalid-proof", expected: signature))
    }

    /// A server's first message that does not extend the nonce, lacks a salt or asks for an
    /// absurd iteration count is refused before any work.
    func testSCRAMRefusesAServerFirstMessageItCannotTrust() {
        let client = SCRAM(password: "pencil", nonce: "abc")
        for (bad, words) in [("r=xyzdef,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "nonce"),
                             ("r=abc,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "nonce"),
                             ("r=abcdef,i=4096", "salt"),
                             ("r=abcdef,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0", "iteration"),
                             ("r=abcdef,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=999999999", "iteration")] {
            XCTAssertThrowsError(try client.final(serverFirst: bad), bad) { error in
                XCTAssertTrue((error as? SCRAM.Refused)?.reason.contains(words) == true, "\(bad): \(error)")
            }
        }
    }
}
