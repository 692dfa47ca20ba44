import CallbackCore
import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// Saved requests ("templates"): canonical request JSON files under
/// `$XDG_DATA_HOME/exocall/templates/NAME.json`. A template may be incomplete
/// or invalid; it is validated like any request when sent.
public struct TemplateStore: Sendable {
    /// The folder.
    public let folder: String

    /// `$XDG_DATA_HOME/exocall/templates`, else `~/.local/share/exocall/templates`.
    public static func defaultFolder(environment: [String: String] = ProcessEnvironment.variables) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/exocall/templates" }
        return (ProcessEnvironment.home(environment)) + "/.local/share/exocall/templates"
    }

    /// A store in `folder`.
    public init(folder: String) { self.folder = folder }

    /// Why a template operation failed.
    public struct Failure: Error, Equatable, CustomStringConvertible, OperatorFacingError {
        /// The message.
        public var text: Localized
        /// The message in English.
        public var description: String { text.text(.en) }
    }

    /// The template-name rule, as messages state it.
    public static let nameRule = Localized.phrase(.tplNameRule, ["max": "\(nameLength.upperBound)"])

    /// How long a name may be.
    public static let nameLength = 1...64

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "." || character == "_" || character == "-"
    }

    /// Whether `name` can name a template file: letters, digits, `.`, `_`, `-`; 1 to 64;
    /// it starts with a letter or digit.
    public static func isValidName(_ name: String) -> Bool {
        guard nameLength.contains(name.count), let first = name.first, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy(isNameCharacter) && !name.hasSuffix(".json")
    }

    /// A name offered for a request with this description: its name characters
    /// (no dots), at most 40 of them; empty when there is no description.
    public static func suggestedName(from description: String) -> String {
        String(description.filter { isNameCharacter($0) && $0 != "." }.prefix(40))
    }

    /// The path of a template.
    public func path(of name: String) -> String { folder + "/" + name + ".json" }

    /// Every template's name, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A template's request JSON.
    public func load(_ name: String) throws(Failure) -> JSONValue {
        guard Self.isValidName(name) else { throw Failure(text: .phrase(.tplNotAName, ["name": .verbatim(name)])) }
        guard let data = FileManager.default.contents(atPath: path(of: name)) else {
            let known = names()
            throw Failure(text: known.isEmpty ? .phrase(.tplNoneNoneSaved, ["name": .verbatim(name)])
                          : .phrase(.tplNone, ["name": .verbatim(name), "names": .verbatim(known.joined(separator: ", "))]))
        }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            throw Failure(text: .phrase(.tplUnreadable, ["path": .verbatim(path(of: name)), "reason": error.message]))
        }
    }

    /// Saves `json` as `name` (canonical pretty JSON); refuses to replace one unless `overwrite`.
    public func save(_ name: String, json: JSONValue, overwrite: Bool) throws(Failure) {
        guard Self.isValidName(name) else {
            throw Failure(text: .phrase(.tplBadName, ["name": .verbatim(name), "rule": Self.nameRule]))
        }
        if !overwrite && FileManager.default.fileExists(atPath: path(of: name)) {
            throw Failure(text: .phrase(.tplExists, ["name": .verbatim(name)]))
        }
        // A folder that cannot be made fails the write below, with the C library's reason.
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if case .failure(let failure) = AtomicFile.write(Array((CanonicalJSON.string(json, style: .pretty) + "\n").utf8), to: path(of: name)) {
            throw Failure(text: .phrase(.tplCannotWrite, ["path": .verbatim(path(of: name)), "reason": .verbatim(failure.reason)]))
        }
    }

    /// Deletes a template.
    public func delete(_ name: String) throws(Failure) {
        guard Self.isValidName(name), FileManager.default.fileExists(atPath: path(of: name)) else {
            throw Failure(text: .phrase(.tplNoneBare, ["name": .verbatim(name)]))
        }
        guard unlink(path(of: name)) == 0 else {
            throw Failure(text: .phrase(.tplCannotDelete, ["path": .verbatim(path(of: name)), "reason": .verbatim(String(cString: strerror(errno)))]))
        }
    }
}
