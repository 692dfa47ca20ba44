/// The Exolve API paths exocall uses, written once: the client calls them and
/// the stand-in serves them.
public enum APIPath {
    /// Places a callback.
    public static let makeCallback = "/call/v1/MakeCallback"
    /// The account's numbers (documented).
    public static let numbers = "/number/customer/v1/GetList"
    /// The application's callback resources (NOT in the vendor's documentation).
    public static let callbackResources = "/callback/v1/GetList"
    /// The account's call history (documented only in part: experimental).
    public static let callHistory = "/statistics/call-history/v1/GetList"
}
