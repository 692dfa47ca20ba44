import CallbackCore
import FoundationEssentials
import Glibc

/// The life of a call the stand-in placed, as Exolve's callback call events tell it: leg A
/// (the operator) rings and answers, then leg B (the client), they talk, both hang up; or a
/// leg is busy or does not answer, as the description's scenario asks. A few seconds in all.
public enum CallLife {
    /// How a demo call goes, by `stub:` tag.
    public enum Plot: Equatable, Sendable {
        /// Both answer and talk `seconds`.
        case talk(seconds: Int)
        /// The client is busy (Q.850 17).
        case clientBusy
        /// The client does not answer (Q.850 19).
        case clientNoAnswer
        /// The operator does not answer (Q.850 19); the client is never rung.
        case operatorNoAnswer
    }

    /// Each event's body, with how long after the previous one it is sent (seconds).
    public static func events(callID: String, operatorNumber: String, clientNumber: String, plot: Plot, start: Date) -> [(delay: Double, body: String)] {
        var clock = start
        var result: [(Double, String)] = []
        func at(_ seconds: Double, _ side: String, _ type: String, number: String, extra: String = "") {
            clock = clock.addingTimeInterval(seconds)
            let stamp = CivilTime.iso(milliseconds: Int64((clock.timeIntervalSince1970 * 1000).rounded(.down)))
            result.append((seconds, #"{"service":"callback","date_time":"\#(stamp)","call_sid":"stub-\#(callID)","number":"\#(number)","type":"\#(type)","uid":\#(callID),"event_side":"\#(side)"\#(extra)}"#))
        }
        func end(_ side: String, number: String, cause: Int, hangup: String, durationMs: Int) {
            at(0.1, side, "d", number: number, extra: #","cause":"\#(cause)","hangup_cause":"\#(hangup)","duration":\#(durationMs),"full_duration":\#(durationMs),"record_call":false"#)
            at(0.1, side, "e", number: number)
        }
        at(0.3, "A", "o", number: operatorNumber)
        switch plot {
        case .operatorNoAnswer:
            at(2.0, "A", "h", number: operatorNumber)
            end("A", number: operatorNumber, cause: 19, hangup: "NO_ANSWER", durationMs: 0)
            return result
        default: break
        }
        at(1.0, "A", "s", number: operatorNumber)
        at(0.3, "B", "o", number: clientNumber)
        switch plot {
        case .clientBusy:
            at(0.8, "B", "h", number: clientNumber)
            end("B", number: clientNumber, cause: 17, hangup: "USER_BUSY", durationMs: 0)
            at(0.1, "A", "h", number: operatorNumber)
            end("A", number: operatorNumber, cause: 16, hangup: "NORMAL_CLEARING", durationMs: 0)
        case .clientNoAnswer:
            at(2.5, "B", "h", number: clientNumber)
            end("B", number: clientNumber, cause: 19, hangup: "NO_ANSWER", durationMs: 0)
            at(0.1, "A", "h", number: operatorNumber)
            end("A", number: operatorNumber, cause: 16, hangup: "NORMAL_CLEARING", durationMs: 0)
        case .talk(let seconds):
            at(1.0, "B", "s", number: clientNumber)
            at(Double(seconds), "B", "h", number: clientNumber)
            at(0.1, "A", "h", number: operatorNumber)
            end("B", number: clientNumber, cause: 16, hangup: "NORMAL_CLEARING", durationMs: seconds * 1000)
            end("A", number: operatorNumber, cause: 16, hangup: "NORMAL_CLEARING", durationMs: seconds * 1000)
        case .operatorNoAnswer: break
        }
        return result
    }
}

