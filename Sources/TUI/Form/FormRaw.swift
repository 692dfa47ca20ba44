import CallbackCore

/// What a loaded file held that the form's fields cannot say as written: a
/// number in quotes, `1800.0`, `null`, an unknown field, `media_resource_id`
/// and `tts` together, a leg that is not an object... Kept as JSON at its path
/// and put back into the request the form builds, so a loaded file shows
/// exactly the problems `exocall validate` shows for it and nothing is
/// resolved silently. Editing a field drops what was kept at, above or below
/// its path: the operator's edit decides.
extension FormState {
    /// The kept values: the key is the path's components as a JSON array
    /// (`["line_1","destinations",0,"x]y"]`, so any key survives), the value its
    /// compact JSON text; an empty text means "left out": the file did not have
    /// what the form would add. (Text, so drafts can hold them.)
    public var rawValues: [String: String] {
        get { raw ?? [:] }
        set { raw = newValue.isEmpty ? nil : newValue }
    }

    /// A path's components as a kept value's key.
    static func rawKey(_ components: [JSONPath.Component]) -> String {
        CanonicalJSON.string(.array(components.map { component in
            switch component {
            case .key(let key): return .string(key)
            case .index(let index): return .number(String(index))
            }
        }), style: .compact)
    }

    /// A kept value's key as path components.
    static func components(ofRawKey key: String) -> [JSONPath.Component]? {
        guard case .array(let items)? = try? JSONParser.parse(key) else { return nil }
        var components: [JSONPath.Component] = []
        for item in items {
            switch item {
            case .string(let text): components.append(.key(text))
            case .number(let lexeme): guard let index = Int(lexeme) else { return nil }; components.append(.index(index))
            default: return nil
            }
        }
        return components
    }

    /// Components as the validator writes a problem's path (`line_1.destinations[0].number`).
    static func dotted(_ components: [JSONPath.Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The kept values' paths as problems name them.
    public var rawPaths: [String] {
        rawValues.compactMap { key, value in value.isEmpty ? nil : Self.components(ofRawKey: key).map(Self.dotted) }.sorted()
    }

    /// The kept value at exactly `path` (as a problem names it), if any.
    public func rawValue(at path: String) -> JSONValue? {
        rawEntry(at: path).flatMap { $0.value.isEmpty ? nil : try? JSONParser.parse($0.value) }
    }

    /// The kept entry whose path reads as `path`.
    func rawEntry(at path: String) -> (key: String, value: String)? {
        rawValues.first { key, _ in Self.components(ofRawKey: key).map(Self.dotted) == path }
    }

    /// Drops the kept entry at exactly `path` (as a problem names it); whether there was one.
    public mutating func dropRaw(at path: String) -> Bool {
        guard let entry = rawEntry(at: path) else { return false }
        rawValues[entry.key] = nil
        return true
    }

    /// Drops what was kept at `path` (a form field's), above it and below it.
    public mutating func clearRaw(at path: String) {
        guard raw != nil, let target = JSONPath(parsing: path)?.components else { return }
        rawValues = rawValues.filter { key, _ in
            guard let kept = Self.components(ofRawKey: key) else { return false }
            return !(kept.starts(with: target) || target.starts(with: kept))
        }
    }

    /// Drops everything kept below `path` (its rows were added, removed or moved).
    mutating func clearRaw(under path: String) {
        guard raw != nil, let target = JSONPath(parsing: path)?.components else { return }
        rawValues = rawValues.filter { key, _ in !(Self.components(ofRawKey: key)?.starts(with: target) ?? true) }
    }

    /// Whether anything is kept below the form field at `path`.
    func hasRaw(below path: String) -> Bool {
        guard let target = JSONPath(parsing: path)?.components else { return false }
        return rawValues.keys.contains { key in
            guard let kept = Self.components(ofRawKey: key) else { return false }
            return kept.count > target.count && kept.starts(with: target)
        }
    }

    /// `json` with the kept values put back.
    func applyingRaw(to json: JSONValue) -> JSONValue {
        guard let raw, !raw.isEmpty else { return json }
        var result = json
        let entries = raw.compactMap { key, text in Self.components(ofRawKey: key).map { ($0, text) } }
        // Shorter paths first, so a kept object is in place before anything kept inside it.
        for (components, text) in entries.sorted(by: { $0.0.count < $1.0.count }) {
            if text.isEmpty {
                try? result.set(nil, at: JSONPath(components))
                continue
            }
            guard let value = try? JSONParser.parse(text) else { continue }
            if components.isEmpty { result = value; continue }
            try? result.set(value, at: JSONPath(components))
        }
        return result
    }

    /// The smallest set of kept values that makes the form's JSON say what `original` says.
    static func rawDifference(_ original: JSONValue, _ built: JSONValue, at path: [JSONPath.Component] = []) -> [String: String] {
        if original == built { return [:] }
        func keep() -> [String: String] { [rawKey(path): CanonicalJSON.string(original, style: .compact)] }
        switch (original, built) {
        case (.object(let wanted), .object(let have)):
            let wantedKeys = wanted.map(\.key)
            // Duplicated keys cannot be said field by field: keep the whole object.
            guard Set(wantedKeys).count == wantedKeys.count else { return keep() }
            var result: [String: String] = [:]
            for member in have where !wantedKeys.contains(member.key) {
                result[rawKey(path + [.key(member.key)])] = "" // the form adds it; the file did not have it
            }
            for member in wanted {
                let child = path + [.key(member.key)]
                if let mine = have.first(where: { $0.key == member.key })?.value {
                    result.merge(rawDifference(member.value, mine, at: child)) { $1 }
                } else {
                    result[rawKey(child)] = CanonicalJSON.string(member.value, style: .compact)
                }
            }
            return result
        case (.array(let wanted), .array(let have)) where wanted.count == have.count:
            var result: [String: String] = [:]
            for index in wanted.indices { result.merge(rawDifference(wanted[index], have[index], at: path + [.index(index)])) { $1 } }
            return result
        default:
            return keep()
        }
    }
}
