/// F2/F3's last path, and an export waiting for the operator to agree to overwrite.
public struct FileState: Equatable, Sendable {
    /// The last path used by F2/F3.
    public var lastPath = "request.json"
    /// The contents an `e` export writes if the operator agrees to overwrite.
    public var pendingExport: String? = nil

    /// The defaults.
    public init() {}
}
