import CallbackCore

private typealias Name = WireSchema.Name

extension FormState {
    /// A form holding a request read from a file, the call log or a template.
    /// Every value is kept as it came: what the fields cannot say as written (a
    /// number in quotes, `null`, an unknown field, a recording and TTS together)
    /// is kept as JSON at its path (`kept`), so the form's request says exactly
    /// what the file says and shows exactly the problems `exocall validate` shows.
    public static func loading(_ json: JSONValue) -> (form: FormState, kept: [String]) {
        var (form, _) = fields(json)
        form.rawValues = rawDifference(json, form.fieldsJSON)
        return (form, form.rawPaths)
    }

    /// The fields read from `json`, with the JSON paths they cannot hold (the root's
    /// path, "", when the document is not an object; `rawValues` keeps all of it).
    static func fields(_ json: JSONValue) -> (form: FormState, ignored: [String]) {
        var form = FormState()
        var ignored: [String] = []
        guard case .object = json else { return (form, [""]) }
        form.load(json, as: .request, path: "", line: 0, index: 0, &ignored)
        return (form, ignored)
    }

    /// Reads one object of a request into the form: the wire schema says which
    /// members it has, the descriptor table where each scalar goes; anything else
    /// is ignored by path (and kept raw by the caller).
    mutating func load(_ json: JSONValue, as object: WireObject, path: String, line: Int, index: Int, _ ignored: inout [String]) {
        guard case .object(let members) = json else {
            ignored.append(path)
            return
        }
        for member in members {
            let here = path.isEmpty ? member.key : "\(path).\(member.key)"
            guard let field = WireSchema.fields(of: object).first(where: { $0.name == member.key }) else {
                ignored.append(here)
                continue
            }
            switch field.type {
            case .object(.line):
                let leg = Name.lines.firstIndex(of: member.key) ?? 0
                load(member.value, as: .line, path: here, line: leg, index: 0, &ignored)
            case .array(.destination):
                guard case .array(let items) = member.value else { ignored.append(here); continue }
                lines[line].destinations = items.map { _ in DestinationForm() }
                for (row, item) in items.enumerated() {
                    load(item, as: .destination, path: "\(here)[\(row)]", line: line, index: row, &ignored)
                }
                if lines[line].destinations.isEmpty { lines[line].destinations = [DestinationForm()] }
            case .object(.audio):
                load(member.value, as: .audio, path: here, line: line, index: 0, &ignored)
            case .object(.tts):
                lines[line].audio.kind = .tts
                load(member.value, as: .tts, path: here, line: line, index: 0, &ignored)
            case .object, .array:
                ignored.append(here)
            case .string, .uint64, .uint32, .int32, .float, .enumeration:
                guard let descriptor = FieldDescriptor.at(object, member.key) else {
                    ignored.append(here)
                    continue
                }
                let id = FieldID(descriptor.slot, line: line, index: index)
                if case .choice = descriptor.kind {
                    setStoredChoice(Self.choice(member.value, here, &ignored), of: id)
                } else {
                    writeText(Self.scalarText(member.value, here, &ignored), of: id)
                }
                // A recording's id makes the leg play a recording (unless TTS came first).
                if object == .audio, lines[line].audio.kind == .none { lines[line].audio.kind = .recorded }
            }
        }
    }

    /// A JSON scalar as field text.
    static func scalarText(_ value: JSONValue, _ path: String, _ ignored: inout [String]) -> String {
        switch value {
        case .string(let text): return text
        case .number(let lexeme): return lexeme
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .object, .array:
            ignored.append(path)
            return ""
        }
    }

    /// A JSON integer as a choice id (nil, with the path ignored, when it is not one).
    static func choice(_ value: JSONValue, _ path: String, _ ignored: inout [String]) -> Int? {
        if case .number(let lexeme) = value, let id = Int(lexeme) { return id }
        ignored.append(path)
        return nil
    }
}
