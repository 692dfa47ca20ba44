private typealias Name = WireSchema.Name

/// Checks a MakeCallback request against every rule of the spec and builds the
/// typed request from it. It reports all problems at once, each with its JSON
/// path, the rule and the value given. The CLI, the stand-in server and the
/// TUI form all go through here: no rule is written anywhere else.
public enum RequestValidator {
    /// Validates JSON text; a syntax error is one problem naming line and column.
    public static func validate(text: String) -> ValidationResult {
        validate(bytes: Array(text.utf8))
    }

    /// Validates UTF-8 JSON bytes.
    public static func validate(bytes: [UInt8]) -> ValidationResult {
        do {
            return validate(try JSONParser.parse(bytes))
        } catch {
            return ValidationResult(problems: [ValidationProblem(path: "", message: error.description)], request: nil)
        }
    }

    /// Validates a parsed document.
    public static func validate(_ json: JSONValue) -> ValidationResult {
        var walk = Walk()
        let request = walk.request(json)
        return ValidationResult(problems: walk.problems, request: walk.problems.isEmpty ? request : nil)
    }

    /// The fields each object may hold, in the spec's order: read from the wire schema.
    public static let knownFields: [String: [String]] = Dictionary(uniqueKeysWithValues: WireObject.allCases.map { ($0.rawValue, WireSchema.names(of: $0)) })
}

/// One pass over the document, collecting problems as it goes.
private struct Walk {
    var problems: [ValidationProblem] = []

    mutating func report(_ path: String, _ message: String, suggestion: String? = nil) {
        problems.append(ValidationProblem(path: path, message: message, suggestion: suggestion))
    }

    /// The members of an object at `path`, with unknown and repeated keys reported.
    mutating func members(_ value: JSONValue, at path: String, kind: String, what: String) -> [String: JSONValue]? {
        guard case .object(let list) = value else {
            report(path, "must be a JSON object (\(what)), got \(value.typeName) \(value.shortDescription)")
            return nil
        }
        let known = RequestValidator.knownFields[kind]!
        var seen: [String: JSONValue] = [:]
        for member in list {
            let memberPath = join(path, member.key)
            if !known.contains(member.key) {
                var message = "unknown field"
                if let near = nearest(member.key, in: known) { message += " (did you mean \"\(near)\"?)" }
                message += "; \(what) takes only " + known.joined(separator: ", ")
                report(memberPath, message)
            } else if seen[member.key] != nil {
                report(memberPath, "field given more than once")
            }
            seen[member.key] = member.value
        }
        return seen
    }

    // MARK: - Objects

    mutating func request(_ json: JSONValue) -> MakeCallbackRequest? {
        guard let fields = members(json, at: "", kind: "request", what: "the request") else { return nil }
        let description = optionalString(fields[Name.requestDescription], at: Name.requestDescription)
        let numberCode = requiredID(fields[Name.numberCode], at: Name.numberCode, what: "the Exolve number that places the call")
        let resource = requiredID(fields[Name.callbackResourceID], at: Name.callbackResourceID, what: "the callback resource id")
        let duration = fields[Name.duration].flatMap { integer($0, at: Name.duration, range: Rules.duration, unit: "seconds") }
        let line1 = requiredLine(fields[Name.line1], at: Name.line1)
        let line2 = requiredLine(fields[Name.line2], at: Name.line2)
        guard let numberCode, let resource, let line1, let line2 else { return nil }
        return MakeCallbackRequest(requestDescription: description ?? nil, numberCode: numberCode, callbackResourceID: resource,
                                   duration: duration.map { UInt32($0) }, line1: line1, line2: line2)
    }

    mutating func requiredLine(_ value: JSONValue?, at path: String) -> Line? {
        guard let value else {
            report(path, "required: each callback has two legs, line_1 and line_2")
            return nil
        }
        guard let fields = members(value, at: path, kind: "line", what: "a leg") else { return nil }
        var destinations: [Destination]? = nil
        switch fields[Name.destinations] {
        case nil:
            report(join(path, Name.destinations), "required: a leg rings 1 to \(Rules.destinationsPerLine.upperBound) destinations")
        case .array(let items)?:
            if !Rules.destinationsPerLine.contains(items.count) {
                report(join(path, Name.destinations),
                       "must hold \(Rules.destinationsPerLine.lowerBound) to \(Rules.destinationsPerLine.upperBound) destinations, has \(items.count)")
            }
            let built = items.enumerated().map { destination($1, at: "\(path).destinations[\($0)]") }
            if built.allSatisfy({ $0 != nil }) { destinations = built.map { $0! } }
        case let other?:
            report(join(path, Name.destinations), "must be an array of destinations, got \(other.typeName) \(other.shortDescription)")
        }
        var ringLogic: RingLogic? = nil
        var ringOK = true
        if let value = fields[Name.ringLogic] {
            if let raw = integer(value, at: join(path, Name.ringLogic), range: 1...2, unit: nil,
                                 rule: "must be 1 (sequential) or 2 (parallel)") {
                ringLogic = RingLogic(rawValue: Int(raw))
            } else { ringOK = false }
        }
        var display: String? = nil
        var displayOK = true
        if let value = fields[Name.displayNumber] {
            display = phone(value, at: join(path, Name.displayNumber))
            displayOK = display != nil
        }
        var audio: Audio? = nil
        var audioOK = true
        if let value = fields[Name.audio] {
            audio = self.audio(value, at: join(path, Name.audio))
            audioOK = audio != nil
        }
        guard let destinations, ringOK, displayOK, audioOK else { return nil }
        return Line(destinations: destinations, ringLogic: ringLogic, displayNumber: display, audio: audio)
    }

    mutating func destination(_ value: JSONValue, at path: String) -> Destination? {
        guard let fields = members(value, at: path, kind: "destination", what: "a destination") else { return nil }
        var number: String? = nil
        if let value = fields[Name.number] {
            number = phone(value, at: join(path, Name.number))
        } else {
            report(join(path, Name.number), "required: the phone number or SIP URI to ring")
        }
        var timeout: Int64? = nil
        var timeoutOK = true
        if let value = fields[Name.timeout] {
            timeout = integer(value, at: join(path, Name.timeout), range: Rules.timeout, unit: "seconds")
            timeoutOK = timeout != nil
        }
        guard let number, timeoutOK else { return nil }
        return Destination(number: number, timeout: timeout.map { UInt32($0) })
    }

    mutating func audio(_ value: JSONValue, at path: String) -> Audio? {
        guard let fields = members(value, at: path, kind: WireObject.audio.rawValue, what: "an audio message") else { return nil }
        switch (fields[Name.mediaResourceID], fields[Name.tts]) {
        case (nil, nil):
            report(path, "must hold exactly one of media_resource_id or tts; leave audio out for no message")
            return nil
        case (let media?, let speech?):
            report(path, "must hold exactly one of media_resource_id or tts, not both")
            _ = positiveID(media, at: join(path, Name.mediaResourceID), what: "the media resource id")
            _ = tts(speech, at: join(path, Name.tts))
            return nil
        case (let media?, nil):
            return positiveID(media, at: join(path, Name.mediaResourceID), what: "the media resource id").map(Audio.media)
        case (nil, let speech?):
            return tts(speech, at: join(path, Name.tts)).map(Audio.tts)
        }
    }

    mutating func tts(_ value: JSONValue, at path: String) -> TTS? {
        guard let fields = members(value, at: path, kind: WireObject.tts.rawValue, what: "text-to-speech settings") else { return nil }
        var ok = true
        var text: String? = nil
        switch fields[Name.text] {
        case nil:
            report(join(path, Name.text), "required: the text to synthesize, \(Rules.ttsText.lowerBound) to \(Rules.ttsText.upperBound) characters")
        case .string(let given)?:
            let count = Rules.characterCount(given)
            if Rules.ttsText.contains(count) { text = given } else {
                report(join(path, Name.text), "must be \(Rules.ttsText.lowerBound) to \(Rules.ttsText.upperBound) characters, has \(count)")
            }
        case let other?:
            report(join(path, Name.text), "must be a string, got \(other.typeName) \(other.shortDescription)")
        }
        var voice: Voice? = nil
        var voiceID: Int? = nil
        if let given = fields[Name.voice] {
            let ids = VoiceCatalog.voices.map { String($0.id) }.joined(separator: ", ")
            if let raw = integer(given, at: join(path, Name.voice), range: nil, unit: nil, rule: "must be a voice id (\(ids))") {
                if let found = VoiceCatalog.voice(id: Int(raw)) {
                    voice = found
                    voiceID = found.id
                } else {
                    report(join(path, Name.voice), "no voice \(raw); voices are \(ids)")
                    ok = false
                }
            } else { ok = false }
        } else {
            voice = VoiceCatalog.voice(id: VoiceCatalog.defaultVoiceID)
        }
        var lang: Int? = nil
        if let given = fields[Name.lang] {
            let ids = VoiceCatalog.languages.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            if let raw = integer(given, at: join(path, Name.lang), range: nil, unit: nil, rule: "must be a language id: \(ids)") {
                if let found = VoiceCatalog.language(id: Int(raw)), voice.map({ $0.languages.contains(found.id) }) ?? true {
                    lang = found.id
                } else {
                    report(join(path, Name.lang), "no language \(raw); languages are \(ids)")
                    ok = false
                }
            } else { ok = false }
        }
        var volume: Int64? = nil
        if let given = fields[Name.volume] {
            volume = integer(given, at: join(path, Name.volume), range: Rules.volume, unit: nil)
            if volume == nil { ok = false }
        }
        var speed: Double? = nil
        if let given = fields[Name.speed] {
            speed = decimal(given, at: join(path, Name.speed), range: Rules.speed)
            if speed == nil { ok = false }
        }
        var emotion: Int? = nil
        if let given = fields[Name.emotion] {
            let names = VoiceCatalog.emotionIDs.map { "\($0) \(VoiceCatalog.emotionNames[$0]!)" }.joined(separator: ", ")
            if let raw = integer(given, at: join(path, Name.emotion), range: nil, unit: nil, rule: "must be an emotion id (\(names))") {
                let id = Int(raw)
                if VoiceCatalog.emotionNames[id] == nil {
                    report(join(path, Name.emotion), "no emotion \(raw); emotions are \(names)")
                    ok = false
                } else if let voice, !voice.supports(emotion: id) {
                    let offered = voice.emotions.map { "\($0.id) \($0.label)" }.joined(separator: ", ")
                    report(join(path, Name.emotion),
                           "voice \(voice.id) (\(voice.name), \(voice.latin)) does not support emotion \(id) (\(VoiceCatalog.emotionNames[id]!)); it supports \(offered)")
                    ok = false
                } else {
                    emotion = id
                }
            } else { ok = false }
        }
        guard ok, let text else { return nil }
        return TTS(text: text, voice: voiceID, lang: lang, volume: volume.map { Int32($0) }, speed: speed, emotion: emotion)
    }

    // MARK: - Scalars

    mutating func optionalString(_ value: JSONValue?, at path: String) -> String?? {
        guard let value else { return .some(nil) }
        guard case .string(let text) = value else {
            report(path, "must be a string, got \(value.typeName) \(value.shortDescription)")
            return nil
        }
        return .some(text)
    }

    mutating func phone(_ value: JSONValue, at path: String) -> String? {
        guard case .string(let text) = value else {
            var message = "must be a string of digits or a SIP URI, got \(value.typeName) \(value.shortDescription)"
            if case .number(let lexeme) = value { message += " (write it in quotes: \"\(lexeme)\")" }
            report(path, message)
            return nil
        }
        switch PhoneNumber.check(text) {
        case .valid: return text
        case .invalid(let reason, let suggestion):
            report(path, "\(reason), got \(value.shortDescription)", suggestion: suggestion)
            return nil
        }
    }

    mutating func requiredID(_ value: JSONValue?, at path: String, what: String) -> UInt64? {
        guard let value else {
            report(path, "required: \(what)")
            return nil
        }
        return positiveID(value, at: path, what: what)
    }

    /// A uint64 id; 0 is refused because proto3 reads 0 as "not set".
    mutating func positiveID(_ value: JSONValue, at path: String, what: String) -> UInt64? {
        let rule = "must be a positive whole number (\(what), uint64)"
        guard let lexeme = numberLexeme(value, at: path, rule: rule) else { return nil }
        guard isInteger(lexeme), !lexeme.hasPrefix("-"), let id = UInt64(lexeme), id > 0 else {
            report(path, "\(rule), got \(lexeme)")
            return nil
        }
        return id
    }

    /// A whole number within `range` (when given).
    mutating func integer(_ value: JSONValue, at path: String, range: ClosedRange<Int64>?, unit: String?, rule: String? = nil) -> Int64? {
        let unitText = unit.map { " \($0)" } ?? ""
        let ruleText = rule ?? range.map { "must be a whole number from \($0.lowerBound) to \($0.upperBound)\(unitText)" } ?? "must be a whole number"
        guard let lexeme = numberLexeme(value, at: path, rule: ruleText) else { return nil }
        guard isInteger(lexeme), let number = Int64(lexeme) else {
            report(path, "\(ruleText), got \(lexeme)")
            return nil
        }
        if let range, !range.contains(number) {
            report(path, "\(ruleText), got \(lexeme)")
            return nil
        }
        return number
    }

    mutating func decimal(_ value: JSONValue, at path: String, range: ClosedRange<Double>) -> Double? {
        let rule = "must be a number from \(CanonicalJSON.number(range.lowerBound)) to \(CanonicalJSON.number(range.upperBound))"
        guard let lexeme = numberLexeme(value, at: path, rule: rule) else { return nil }
        guard let number = Double(lexeme), range.contains(number) else {
            report(path, "\(rule), got \(lexeme)")
            return nil
        }
        return number
    }

    /// The lexeme of a JSON number; anything else is reported as a wrong type.
    mutating func numberLexeme(_ value: JSONValue, at path: String, rule: String) -> String? {
        if case .number(let lexeme) = value { return lexeme }
        var message = "\(rule), got \(value.typeName) \(value.shortDescription)"
        if case .string(let text) = value, !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == "." }) {
            message += " (write it without quotes: \(text))"
        }
        report(path, message)
        return nil
    }

    func isInteger(_ lexeme: String) -> Bool { !lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The known field closest to a typo, when it is close enough to be a guess.
    func nearest(_ key: String, in known: [String]) -> String? {
        let folded = key.lowercased().filter { $0 != "_" && $0 != "-" }
        var best: (String, Int)? = nil
        for candidate in known {
            let distance = editDistance(folded, candidate.filter { $0 != "_" })
            if distance <= 2, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
