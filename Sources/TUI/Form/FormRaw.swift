import CallbackCore

/// What a loaded file held that the form's fields cannot say as written: a
/// number in quotes, `1800.0`, `null`, an unknown field, `media_resource_id`
/// and `tts` together, a leg that is not an object... Kept as JSON at its path
/// and put back into the request the form builds, so a loaded file shows
/// exactly the problems `exocall validate` shows for it and nothing is
/// resolved silently. Editing a field drops what was kept at, above or below
/// its path: the operator's edit decides.
extension FormState {
    /// The kept values by JSON path (compact JSON text, so drafts can hold them);
    /// an empty text means "left out": the file did not have what the form would add.
    public var rawValues: [String: String] {
        get { raw ?? [:] }
        set { raw = newValue.isEmpty ? nil : newValue }
    }

    /// The kept value at exactly `path`, if any.
    public func rawValue(at path: String) -> JSONValue? {
        rawValues[path].flatMap { $0.isEmpty ? nil : try? JSONParser.parse($0) }
    }

    /// Drops what was kept at `path`, above it and below it.
    public mutating func clearRaw(at path: String) {
        guard raw != nil else { return }
        rawValues = rawValues.filter { key, _ in !Self.related(key, path) }
    }

    /// Drops everything kept below `path` (its rows were added, removed or moved).
    mutating func clearRaw(under path: String) {
        guard raw != nil else { return }
        rawValues = rawValues.filter { key, _ in !(key == path || Self.isBelow(key, path)) }
    }

    static func isBelow(_ key: String, _ path: String) -> Bool {
        path.isEmpty || key.hasPrefix(path + ".") || key.hasPrefix(path + "[")
    }

    static func related(_ key: String, _ path: String) -> Bool {
        key == path || isBelow(key, path) || isBelow(path, key)
    }

    /// `json` with the kept values put back.
    func applyingRaw(to json: JSONValue) -> JSONValue {
        guard let raw, !raw.isEmpty else { return json }
        var result = json
        // Shorter paths first, so a kept object is in place before anything kept inside it.
        for (path, text) in raw.sorted(by: { $0.key.count < $1.key.count }) {
            if text.isEmpty {
                if let parsed = JSONPath(parsing: path) { try? result.set(nil, at: parsed) }
                continue
            }
            guard let value = try? JSONParser.parse(text) else { continue }
            if path.isEmpty { result = value; continue }
            guard let parsed = JSONPath(parsing: path) else { continue }
            try? result.set(value, at: parsed)
        }
        return result
    }

    /// The smallest set of kept values that makes the form's JSON say what `original` says.
    static func rawDifference(_ original: JSONValue, _ built: JSONValue, at path: String = "") -> [String: String] {
        if original == built { return [:] }
        func keep() -> [String: String] { [path: CanonicalJSON.string(original, style: .compact)] }
        switch (original, built) {
        case (.object(let wanted), .object(let have)):
            let wantedKeys = wanted.map(\.key)
            // Duplicated keys cannot be said field by field: keep the whole object.
            guard Set(wantedKeys).count == wantedKeys.count else { return path.isEmpty ? keepRoot(original) : keep() }
            var result: [String: String] = [:]
            for member in have where !wantedKeys.contains(member.key) {
                result[path.isEmpty ? member.key : "\(path).\(member.key)"] = "" // the form adds it; the file did not have it
            }
            for member in wanted {
                let child = path.isEmpty ? member.key : "\(path).\(member.key)"
                if let mine = have.first(where: { $0.key == member.key })?.value {
                    result.merge(rawDifference(member.value, mine, at: child)) { $1 }
                } else {
                    result[child] = CanonicalJSON.string(member.value, style: .compact)
                }
            }
            return result
        case (.array(let wanted), .array(let have)) where wanted.count == have.count:
            var result: [String: String] = [:]
            for index in wanted.indices { result.merge(rawDifference(wanted[index], have[index], at: "\(path)[\(index)]")) { $1 } }
            return result
        default:
            return path.isEmpty ? keepRoot(original) : keep()
        }
    }

    /// A root that cannot be matched field by field is kept whole.
    private static func keepRoot(_ original: JSONValue) -> [String: String] {
        ["": CanonicalJSON.string(original, style: .compact)]
    }
}
