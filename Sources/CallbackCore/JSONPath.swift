import Localization

/// A path into a JSON document in the notation problems are reported in:
/// `line_2.destinations[3].timeout` (keys joined by dots, 0-based indexes).
public struct JSONPath: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Equatable, Hashable, Sendable {
        /// An object member.
        case key(String)
        /// An array element, 0-based.
        case index(Int)
    }

    /// The steps, outermost first.
    public var components: [Component]

    /// Creates a path from steps.
    public init(_ components: [Component]) { self.components = components }

    /// Parses `a.b[2].c`; nil when the text is not a path.
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        while let char = rest.first {
            if char == "[" {
                guard !components.isEmpty, let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                if char == "." {
                    guard !components.isEmpty else { return nil }
                    rest = rest.dropFirst()
                } else if !components.isEmpty {
                    return nil // a key right after "]" with no dot
                }
                let key = rest.prefix { $0 != "." && $0 != "[" && $0 != "]" }
                guard !key.isEmpty else { return nil }
                components.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
            }
        }
        guard !components.isEmpty else { return nil }
        self.components = components
    }

    /// `line_2.destinations[3].timeout`.
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }
}

/// Why a value could not be set at a path.
public struct JSONPathError: Error, Equatable, Sendable, CustomStringConvertible, OperatorFacingError {
    /// The path asked for.
    public var path: String
    /// What stood in the way.
    public var reason: Localized
    /// `path: reason`, in English.
    public var description: String { text.text(.en) }
    /// `path: reason`.
    public var text: Localized { .phrase(.pathError, ["path": .verbatim(path), "reason": reason]) }
}

extension JSONValue {
    /// The value at `path`, or nil when the path leads nowhere.
    public func value(at path: JSONPath) -> JSONValue? {
        var current: JSONValue = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object):
                guard let next = current[key] else { return nil }
                current = next
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }

    /// Sets (or with nil removes) the value at `path`. A missing last key is
    /// added; an index may be one past the end (appends). Anything else that
    /// does not exist is an error: a typo must not build a new branch silently.
    public mutating func set(_ newValue: JSONValue?, at path: JSONPath) throws(JSONPathError) {
        try set(newValue, components: path.components[...], whole: path)
    }

    private mutating func set(_ newValue: JSONValue?, components: ArraySlice<JSONPath.Component>, whole: JSONPath) throws(JSONPathError) {
        guard let first = components.first else {
            if let newValue { self = newValue }
            return
        }
        let rest = components.dropFirst()
        let here = JSONPath(Array(whole.components[..<components.startIndex]))
        let place: Localized = here.components.isEmpty ? .phrase(.pathTheRequest) : .verbatim(here.description)
        switch (first, self) {
        case (.key(let key), .object(var members)):
            if let position = members.lastIndex(where: { $0.key == key }) {
                if rest.isEmpty && newValue == nil {
                    members.remove(at: position)
                } else {
                    try members[position].value.set(newValue, components: rest, whole: whole)
                }
            } else if rest.isEmpty {
                if let newValue { members.append(.init(key, newValue)) }
            } else {
                throw JSONPathError(path: whole.description, reason: here.components.isEmpty ? .phrase(.pathNoKeyInRequest, ["key": .verbatim(key)])
                                                      : .phrase(.pathNoKey, ["key": .verbatim(key), "place": place]))
            }
            self = .object(members)
        case (.index(let index), .array(var items)):
            if items.indices.contains(index) {
                if rest.isEmpty && newValue == nil { items.remove(at: index) } else { try items[index].set(newValue, components: rest, whole: whole) }
            } else if index == items.count && rest.isEmpty, let newValue {
                items.append(newValue)
            } else {
                throw JSONPathError(path: whole.description, reason: .phrase(.pathNoIndex, ["place": place, "count": "\(items.count)", "index": "\(index)"]))
            }
            self = .array(items)
        case (.key, _):
            throw JSONPathError(path: whole.description, reason: .phrase(.pathNotObject, ["place": place, "type": typeLabel]))
        case (.index, _):
            throw JSONPathError(path: whole.description, reason: .phrase(.pathNotArray, ["place": place, "type": typeLabel]))
        }
    }
}
