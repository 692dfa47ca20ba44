import Localization
import NIOSSL

/// A TLS failure in an operator's words, for every connection exocall makes (Exolve's API,
/// the team database): BoringSSL's own text names source files and error numbers.
public enum TLSWords {
    /// Whether `error` came from TLS.
    public static func isTLS(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }

    /// What went wrong, in words.
    public static func reason(_ error: any Error) -> Localized {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") {
            return .phrase(.transportUntrusted)
        }
        if text.contains("failedToValidateHostname") { return .phrase(.transportWrongHost) }
        if text.contains("WRONG_VERSION_NUMBER") { return .phrase(.transportNotTLS) }
        return .phrase(.transportHandshakeFailed)
    }
}
