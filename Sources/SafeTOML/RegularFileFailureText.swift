import Localization
import ProcessEnvironment

extension RegularFile.Failure {
    /// Why, for the operator; `tooLarge` says it for a file over its reader's limit
    /// (a config or a theme, a draft), which only the reader knows.
    public func text(tooLarge: Localized) -> Localized {
        switch self {
        case .danglingLink(let target): return .phrase(.fileDanglingLink, ["target": .verbatim(target)])
        case .linkLoop: return .phrase(.fileLinkLoop)
        case .notAFile: return .phrase(.fileNotRegular)
        case .unreadable(let reason): return .phrase(.fileUnreadableBecause, ["reason": .verbatim(reason)])
        case .tooLarge: return tooLarge
        }
    }
}
