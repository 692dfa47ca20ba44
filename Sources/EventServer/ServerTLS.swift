#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOSSL

/// The receiver's own HTTPS (`--tls-cert`, `--tls-key`): a PEM certificate chain and its private
/// key, read and paired up front so a wrong file is named before the port is bound.
public struct ServerTLS: Sendable {
    /// Why the files cannot serve HTTPS.
    public enum Problem: Error, Equatable, Sendable {
        /// The certificate file is missing, unreadable or not a PEM certificate chain.
        case certificate(path: String, reason: String)
        /// The key file is missing, unreadable or not a PEM private key.
        case key(path: String, reason: String)
        /// The key is not the certificate's.
        case mismatch(certificate: String, key: String)
    }

    /// What the server is given.
    let configuration: TLSConfiguration

    /// Reads `certificate` (PEM, the leaf first, then any intermediates) and `key` (PEM).
    public init(certificate: String, key: String) throws(Problem) {
        if let reason = Self.unreadable(certificate) { throw .certificate(path: certificate, reason: reason) }
        if let reason = Self.unreadable(key) { throw .key(path: key, reason: reason) }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw .certificate(path: certificate, reason: Self.reason(error))
        }
        guard !chain.isEmpty else { throw .certificate(path: certificate, reason: "no certificate in it") }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw .key(path: key, reason: Self.reason(error))
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        // A key that is not the certificate's is refused here, not at the first handshake.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw .mismatch(certificate: certificate, key: key)
        }
        self.configuration = configuration
    }

    /// Why `path` cannot be read (the system's words), or nil when it can.
    static func unreadable(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        return nil
    }

    /// An error from the TLS library in a few words (never the file's contents).
    static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return "\(error.description)" }
        if case NIOSSLError.failedToLoadCertificate = error { return "not a PEM certificate" }
        if case NIOSSLError.failedToLoadPrivateKey = error { return "not a PEM private key" }
        return String(describing: error)
    }
}
