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
        guard case .object(let members) = json else { return (form, [""]) }
        for member in members {
            switch member.key {
            case Name.requestDescription: form.requestDescription = scalarText(member.value, member.key, &ignored)
            case Name.numberCode: form.numberCode = scalarText(member.value, member.key, &ignored)
            case Name.callbackResourceID: form.callbackResourceID = scalarText(member.value, member.key, &ignored)
            case Name.duration: form.duration = scalarText(member.value, member.key, &ignored)
            case Name.line1: form.lines[0] = LineForm.loading(member.value, Name.line1, &ignored)
            case Name.line2: form.lines[1] = LineForm.loading(member.value, Name.line2, &ignored)
            default: ignored.append(member.key)
            }
        }
        return (form, ignored)
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

extension LineForm {
    static func loading(_ json: JSONValue, _ path: String, _ ignored: inout [String]) -> LineForm {
        var line = LineForm()
        guard case .object(let members) = json else {
            ignored.append(path)
            return line
        }
        for member in members {
            let here = "\(path).\(member.key)"
            switch member.key {
            case Name.destinations:
                guard case .array(let items) = member.value else { ignored.append(here); continue }
                line.destinations = items.enumerated().map { index, item in
                    var row = DestinationForm()
                    guard case .object(let fields) = item else { ignored.append("\(here)[\(index)]"); return row }
                    for field in fields {
                        switch field.key {
                        case Name.number: row.number = FormState.scalarText(field.value, "\(here)[\(index)].number", &ignored)
                        case Name.timeout: row.timeout = FormState.scalarText(field.value, "\(here)[\(index)].timeout", &ignored)
                        default: ignored.append("\(here)[\(index)].\(field.key)")
                        }
                    }
                    return row
                }
                if line.destinations.isEmpty { line.destinations = [DestinationForm()] }
            case Name.ringLogic: line.ringLogic = FormState.choice(member.value, here, &ignored)
            case Name.displayNumber: line.displayNumber = FormState.scalarText(member.value, here, &ignored)
            case Name.audio: line.audio = AudioForm.loading(member.value, here, &ignored)
            default: ignored.append(here)
            }
        }
        return line
    }
}

extension AudioForm {
    static func loading(_ json: JSONValue, _ path: String, _ ignored: inout [String]) -> AudioForm {
        var audio = AudioForm()
        guard case .object(let members) = json else {
            ignored.append(path)
            return audio
        }
        for member in members {
            let here = "\(path).\(member.key)"
            switch member.key {
            case Name.mediaResourceID:
                audio.mediaResourceID = FormState.scalarText(member.value, here, &ignored)
                if audio.kind == .none { audio.kind = .recorded }
            case Name.tts:
                audio.kind = .tts
                guard case .object(let fields) = member.value else { ignored.append(here); continue }
                for field in fields {
                    let fieldPath = "\(here).\(field.key)"
                    switch field.key {
                    case Name.text: audio.tts.text = FormState.scalarText(field.value, fieldPath, &ignored)
                    case Name.voice: audio.tts.voice = FormState.choice(field.value, fieldPath, &ignored)
                    case Name.emotion: audio.tts.emotion = FormState.choice(field.value, fieldPath, &ignored)
                    case Name.lang: audio.tts.lang = FormState.choice(field.value, fieldPath, &ignored)
                    case Name.volume: audio.tts.volume = FormState.scalarText(field.value, fieldPath, &ignored)
                    case Name.speed: audio.tts.speed = FormState.scalarText(field.value, fieldPath, &ignored)
                    default: ignored.append(fieldPath)
                    }
                }
            default: ignored.append(here)
            }
        }
        return audio
    }
}
