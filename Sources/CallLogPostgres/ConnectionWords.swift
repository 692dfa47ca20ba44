import ExolveClient
import FoundationEssentials
import Glibc
import Localization
import NIOCore
import NIOPosix

/// What a failed connection to the team database means, in words: the networking
/// library's own dump (`SingleConnectionFailure(target: [IPv4]127.0.0.1…`) never
/// reaches an operator.
enum ConnectionWords {
    /// The reason for `error`, when it is a connection failure this knows.
    static func describe(_ error: any Error) -> Localized? {
        if let failed = error as? NIOConnectionError {
            let place = Localized.verbatim("\(failed.host):\(failed.port)")
            for attempt in failed.connectionErrors {
                if let reason = describe(attempt.error, place: place) { return reason }
            }
            if failed.dnsAError != nil || failed.dnsAAAAError != nil || failed.connectionErrors.isEmpty {
                return .phrase(.pgNoSuchHost, ["host": .verbatim(failed.host)])
            }
            return .phrase(.pgCannotConnect, ["place": place, "reason": .verbatim("—")])
        }
        return describe(error, place: nil)
    }

    private static func describe(_ error: any Error, place: Localized?) -> Localized? {
        let where_ = place ?? .phrase(.pgTheServer)
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .phrase(.pgRefused, ["place": where_])
            case ETIMEDOUT: return .phrase(.pgTimedOut, ["place": where_])
            case ENETUNREACH, EHOSTUNREACH: return .phrase(.pgUnreachable, ["place": where_])
            case ECONNRESET: return .phrase(.pgReset, ["place": where_])
            default: return .phrase(.pgCannotConnect, ["place": where_, "reason": .verbatim(String(cString: strerror(io.errnoCode)))])
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return .phrase(.pgTimedOut, ["place": where_]) }
        if TLSWords.isTLS(error) { return TLSWords.reason(error) }
        return nil
    }
}
