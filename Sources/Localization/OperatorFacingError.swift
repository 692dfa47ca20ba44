/// An error that can tell the operator what went wrong in either language.
public protocol OperatorFacingError: Error {
    /// The message for the operator, rendered where it is shown.
    var text: Localized { get }
}

extension OperatorFacingError {
    /// The message for the operator, in `language`.
    public func description(in language: UILanguage) -> String { text.text(language) }
}

extension Localized {
    /// What `error` says to the operator: its own words in both languages when it
    /// has them, else its description (a system's own text), the same in both.
    public static func error(_ error: any Error) -> Localized {
        (error as? any OperatorFacingError)?.text ?? .verbatim("\(error)")
    }
}

extension UILanguage {
    /// What `error` says to the operator in this language.
    public func describe(_ error: any Error) -> String { Localized.error(error).text(self) }
}
