import Localization

private typealias Name = WireSchema.Name

/// Checks a MakeCallback request against every rule of the spec and builds the
/// request as it goes on the wire. It reports all problems at once, each with
/// its JSON path, the rule, the value given and its severity: an **error** where
/// the vendor page (or the type it gives) says the request is wrong, which blocks
/// the send; a **warning** for anything else that looks like a mistake, which
/// informs. This is the one place severities are decided. The CLI, the stand-in
/// server and the TUI form all go through here.
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
            return ValidationResult(problems: [ValidationProblem(path: "", text: error.message)], request: nil)
        }
    }

    /// Validates a parsed document.
    public static func validate(_ json: JSONValue) -> ValidationResult {
        var walk = Walk()
        let request = walk.request(json)
        let blocked = walk.problems.contains(where: \.isError)
        return ValidationResult(problems: walk.problems, request: blocked ? nil : request)
    }

    /// The fields each object may hold, in the spec's order: read from the wire schema.
    public static let knownFields: [String: [String]] = Dictionary(uniqueKeysWithValues: WireObject.allCases.map { ($0.rawValue, WireSchema.names(of: $0)) })

    /// Names longer than this get no "did you mean" (a guess costs time per character).
    public static let suggestionNameLimit = 64
}

/// One pass over the document, collecting problems as it goes. Each reader
/// returns the value as it goes on the wire, or nil when an error blocks it.
private struct Walk {
    var problems: [ValidationProblem] = []

    mutating func error(_ path: String, _ text: Localized, suggestion: String? = nil) {
        problems.append(ValidationProblem(path: path, text: text, suggestion: suggestion, severity: .error))
    }

    mutating func warning(_ path: String, _ text: Localized, suggestion: String? = nil) {
        problems.append(ValidationProblem(path: path, text: text, suggestion: suggestion, severity: .warning))
    }

    /// `phrase` with `arguments`.
    func say(_ phrase: Phrase, _ arguments: [String: Localized] = [:]) -> Localized { .phrase(phrase, arguments) }

    /// How a value reads in a message: `string "x"`, `number 5`, `null`.
    func given(_ value: JSONValue) -> Localized {
        if case .null = value { return value.typeLabel }
        return say(.vGiven, ["type": value.typeLabel, "value": .verbatim(value.shortDescription)])
    }

    /// The members of an object at `path`, with unknown and repeated keys reported.
    /// A `null` member of an optional field is a warning and is left out.
    mutating func members(_ value: JSONValue, at path: String, object: WireObject, what: Phrase) -> [String: JSONValue]? {
        guard case .object(let list) = value else {
            error(path, say(.vMustBeObject, ["what": say(what), "given": given(value)]))
            return nil
        }
        let fields = WireSchema.fields(of: object)
        let known = fields.map(\.name)
        var seen: [String: JSONValue] = [:]
        for member in list {
            let memberPath = join(path, member.key)
            if !known.contains(member.key) {
                let list: [String: Localized] = ["what": say(what), "fields": .verbatim(known.joined(separator: ", "))]
                if let near = nearest(member.key, in: known) {
                    error(memberPath, say(.vUnknownFieldNear, list.merging(["near": .verbatim(near)]) { $1 }))
                } else {
                    error(memberPath, say(.vUnknownField, list))
                }
            } else if seen[member.key] != nil {
                error(memberPath, say(.vRepeated))
            } else if case .null = member.value, fields.first(where: { $0.name == member.key })?.requirement != .required {
                warning(memberPath, say(.vNullAbsent))
                continue
            }
            seen[member.key] = member.value
        }
        return seen
    }

    // MARK: - Objects

    mutating func request(_ json: JSONValue) -> MakeCallbackRequest? {
        guard let fields = members(json, at: "", object: .request, what: .vWhatRequest) else { return nil }
        let description = fields[Name.requestDescription].map { string($0, at: Name.requestDescription) }
        let numberCode = requiredID(fields[Name.numberCode], at: Name.numberCode, what: .vWhatNumberCode)
        let resource = requiredID(fields[Name.callbackResourceID], at: Name.callbackResourceID, what: .vWhatResource)
        let duration = fields[Name.duration].map { unsigned($0, at: Name.duration, bits: 32, range: Rules.duration) }
        let line1 = requiredLine(fields[Name.line1], at: Name.line1)
        let line2 = requiredLine(fields[Name.line2], at: Name.line2)
        guard let numberCode, let resource, let line1, let line2, description != .some(nil), duration != .some(nil) else { return nil }
        return MakeCallbackRequest(requestDescription: description ?? nil, numberCode: numberCode, callbackResourceID: resource,
                                   duration: (duration ?? nil).map { UInt32($0) }, line1: line1, line2: line2)
    }

    mutating func requiredLine(_ value: JSONValue?, at path: String) -> Line? {
        guard let value, value != .null else {
            error(path, say(.vRequiredLine))
            return nil
        }
        guard let fields = members(value, at: path, object: .line, what: .vWhatLeg) else { return nil }
        var destinations: [Destination]? = nil
        switch fields[Name.destinations] {
        case nil, .null?:
            error(join(path, Name.destinations), say(.vRequiredDestinations, ["max": "\(Rules.destinationsPerLine.upperBound)"]))
        case .array(let items)?:
            if !Rules.destinationsPerLine.contains(items.count) {
                error(join(path, Name.destinations), say(.vDestinationsCount, ["min": "\(Rules.destinationsPerLine.lowerBound)",
                                                                               "max": "\(Rules.destinationsPerLine.upperBound)", "count": "\(items.count)"]))
            }
            let built = items.enumerated().map { destination($1, at: "\(path).\(Name.destinations)[\($0)]") }
            if built.allSatisfy({ $0 != nil }) { destinations = built.map { $0! } }
        case let other?:
            error(join(path, Name.destinations), say(.vDestinationsArray, ["given": given(other)]))
        }
        var ringLogic: RingLogic?? = .some(nil)
        if let value = fields[Name.ringLogic] {
            ringLogic = integer(value, at: join(path, Name.ringLogic), range: 1...2,
                                rule: .phrase(.vRuleRingLogic)).map { RingLogic(rawValue: Int($0)) }
        }
        var display: String?? = .some(nil)
        if let value = fields[Name.displayNumber] { display = displayNumber(value, at: join(path, Name.displayNumber)) }
        var audio: Audio?? = .some(nil)
        if let value = fields[Name.audio] { audio = self.audio(value, at: join(path, Name.audio)) }
        guard let destinations, let ringLogic, let display, let audio else { return nil }
        let line = Line(destinations: destinations, ringLogic: ringLogic, displayNumber: display, audio: audio)
        speechLength(line, at: path)
        return line
    }

    /// A warning when the leg's TTS takes longer to say than its longest ring time.
    mutating func speechLength(_ line: Line, at path: String) {
        guard case .tts(let tts)? = line.audio else { return }
        let seconds = Rules.estimatedSpeechSeconds(tts.text, speed: tts.speed ?? Rules.defaultSpeed)
        let longestRing = line.destinations.map { Int64($0.timeout ?? UInt32(Rules.defaultTimeout)) }.max() ?? Rules.defaultTimeout
        if seconds > Double(longestRing) {
            warning("\(path).\(Name.audio).\(Name.tts).\(Name.text)",
                    say(.vSpeechLonger, ["seconds": "\(Int(seconds.rounded()))", "ring": "\(longestRing)"]))
        }
    }

    mutating func destination(_ value: JSONValue, at path: String) -> Destination? {
        guard let fields = members(value, at: path, object: .destination, what: .vWhatDestination) else { return nil }
        var number: String? = nil
        if let value = fields[Name.number] {
            number = phone(value, at: join(path, Name.number))
        } else {
            error(join(path, Name.number), say(.vRequiredNumber))
        }
        var timeout: Int64?? = .some(nil)
        if let value = fields[Name.timeout] {
            timeout = unsigned(value, at: join(path, Name.timeout), bits: 32, range: Rules.timeout)
        }
        guard let number, let timeout else { return nil }
        return Destination(number: number, timeout: timeout.map { UInt32($0) })
    }

    /// The leg's audio; `.some(nil)` when there is none to send (an empty object).
    mutating func audio(_ value: JSONValue, at path: String) -> Audio?? {
        guard let fields = members(value, at: path, object: .audio, what: .vWhatAudio) else { return nil }
        switch (fields[Name.mediaResourceID], fields[Name.tts]) {
        case (nil, nil):
            warning(path, say(.vEmptyAudio))
            return .some(nil)
        case (let media?, let speech?):
            error(path, say(.vAudioBoth))
            _ = positiveID(media, at: join(path, Name.mediaResourceID), what: .vWhatMedia)
            _ = tts(speech, at: join(path, Name.tts))
            return nil
        case (let media?, nil):
            return positiveID(media, at: join(path, Name.mediaResourceID), what: .vWhatMedia).map { .some(.media($0)) }
        case (nil, let speech?):
            return tts(speech, at: join(path, Name.tts)).map { .some(.tts($0)) }
        }
    }

    mutating func tts(_ value: JSONValue, at path: String) -> TTS? {
        guard let fields = members(value, at: path, object: .tts, what: .vWhatTTS) else { return nil }
        var ok = true
        var text: String? = nil
        switch fields[Name.text] {
        case nil, .null?:
            error(join(path, Name.text), say(.vRequiredText, ["min": "\(Rules.ttsText.lowerBound)", "max": "\(Rules.ttsText.upperBound)"]))
        case .string(let given)?:
            let count = Rules.characterCount(given)
            if Rules.ttsText.contains(count) { text = given } else {
                error(join(path, Name.text), say(.vTextLength, ["min": "\(Rules.ttsText.lowerBound)", "max": "\(Rules.ttsText.upperBound)",
                                                                "count": "\(count)"]))
            }
        case let other?:
            error(join(path, Name.text), say(.vMustBeString, ["given": given(other)]))
        }
        var voice: Voice? = VoiceCatalog.voice(id: VoiceCatalog.defaultVoiceID)
        var voiceID: Int? = nil
        if let given = fields[Name.voice] {
            // The lists the messages name are only built for a message (a valid form is
            // validated at every keystroke and before the first frame).
            func ids() -> String { VoiceCatalog.voices.map { String($0.id) }.joined(separator: ", ") }
            voice = nil
            if let raw = integer(given, at: join(path, Name.voice), range: nil, rule: .phrase(.vRuleVoiceID, ["ids": .verbatim(ids())])) {
                if let found = VoiceCatalog.voice(id: Int(raw)) {
                    voice = found
                    voiceID = found.id
                } else {
                    error(join(path, Name.voice), say(.vNoVoice, ["value": "\(raw)", "ids": .verbatim(ids())]))
                    ok = false
                }
            } else { ok = false }
        }
        var lang: Int? = nil
        if let given = fields[Name.lang] {
            func ids() -> Localized {
                Localized.named(en: VoiceCatalog.languages.map { "\($0.id) (\($0.name))" }.joined(separator: ", "),
                                ru: VoiceCatalog.languages.map { "\($0.id) (\($0.id == 1 ? "русский" : $0.name))" }.joined(separator: ", "))
            }
            if let raw = integer(given, at: join(path, Name.lang), range: nil, rule: .phrase(.vRuleLanguageID, ["ids": ids()])) {
                if let found = VoiceCatalog.language(id: Int(raw)), voice.map({ $0.languages.contains(found.id) }) ?? true {
                    lang = found.id
                } else {
                    error(join(path, Name.lang), say(.vNoLanguage, ["value": "\(raw)", "ids": ids()]))
                    ok = false
                }
            } else { ok = false }
        }
        var volume: Int64? = nil
        if let given = fields[Name.volume] {
            volume = integer(given, at: join(path, Name.volume), range: Rules.volume)
            if volume == nil { ok = false }
        }
        var speed: Double? = nil
        if let given = fields[Name.speed] {
            speed = decimal(given, at: join(path, Name.speed), range: Rules.speed)
            if speed == nil { ok = false }
        }
        var emotion: Int? = nil
        if let given = fields[Name.emotion] {
            func names() -> Localized {
                Localized.named(
                    en: VoiceCatalog.emotionIDs.map { "\($0) \(VoiceCatalog.emotionNames[$0]!)" }.joined(separator: ", "),
                    ru: VoiceCatalog.emotionIDs.map { "\($0) \(VoiceCatalog.emotionNamesRussian[$0]!)" }.joined(separator: ", "))
            }
            if let raw = integer(given, at: join(path, Name.emotion), range: nil, rule: .phrase(.vRuleEmotionID, ["names": names()])) {
                let id = Int(raw)
                if VoiceCatalog.emotionNames[id] == nil {
                    error(join(path, Name.emotion), say(.vNoEmotion, ["value": "\(raw)", "names": names()]))
                    ok = false
                } else if let voice, !voice.supports(emotion: id) {
                    let offered = Localized.named(
                        en: voice.emotions.map { "\($0.id) \($0.label)" }.joined(separator: ", "),
                        ru: voice.emotions.map { "\($0.id) \(VoiceCatalog.russianLabel(of: voice, emotion: $0.id) ?? $0.label)" }.joined(separator: ", "))
                    error(join(path, Name.emotion), say(.vVoiceLacksEmotion, [
                        "voice": "\(voice.id)", "name": .verbatim(voice.name), "latin": .verbatim(voice.latin), "emotion": "\(id)",
                        "emotionName": .named(en: VoiceCatalog.emotionNames[id]!, ru: VoiceCatalog.emotionNamesRussian[id]!), "offered": offered,
                    ]))
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

    /// A string field; `.some(nil)` is never returned (a string is a string).
    mutating func string(_ value: JSONValue, at path: String) -> String? {
        guard case .string(let text) = value else {
            error(path, say(.vMustBeString, ["given": given(value)]))
            return nil
        }
        return text
    }

    /// A destination number: the value as written (the fix is offered, never applied here).
    mutating func phone(_ value: JSONValue, at path: String) -> String? {
        guard case .string(let text) = value else {
            if case .number(let lexeme) = value {
                error(path, say(.vPhoneTypeQuoted, ["given": given(value), "lexeme": .verbatim(lexeme)]))
            } else {
                error(path, say(.vPhoneType, ["given": given(value)]))
            }
            return nil
        }
        switch PhoneNumber.check(text) {
        case .valid: break
        case .warning(let reason, let suggestion):
            warning(path, say(.vPhoneWarning, ["reason": reason, "value": .verbatim(value.shortDescription)]), suggestion: suggestion)
        case .invalid(let reason, let suggestion):
            error(path, say(.vPhoneError, ["reason": reason, "value": .verbatim(value.shortDescription)]), suggestion: suggestion)
            return nil
        }
        return text
    }

    /// `display_number`: a plain string to the vendor; anything but digits is a warning.
    mutating func displayNumber(_ value: JSONValue, at path: String) -> String?? {
        guard case .string(let text) = value else {
            if case .number(let lexeme) = value {
                error(path, say(.vDisplayTypeQuoted, ["given": given(value), "lexeme": .verbatim(lexeme)]))
            } else {
                error(path, say(.vDisplayType, ["given": given(value)]))
            }
            return nil
        }
        if text.isEmpty || !text.allSatisfy(\.isASCIIDigit) {
            let fix = PhoneNumber.normalize(text).flatMap { $0.allSatisfy(\.isASCIIDigit) ? $0 : nil }
            warning(path, say(.vDisplayNotDigits, ["value": .verbatim(value.shortDescription)]), suggestion: fix)
        }
        return .some(text)
    }

    mutating func requiredID(_ value: JSONValue?, at path: String, what: Phrase) -> UInt64? {
        guard let value, value != .null else {
            error(path, say(.vRequired, ["what": say(what)]))
            return nil
        }
        return positiveID(value, at: path, what: what)
    }

    /// A uint64 id; 0 is refused because proto3 reads 0 as "not set".
    mutating func positiveID(_ value: JSONValue, at path: String, what: Phrase) -> UInt64? {
        let rule = say(.vRulePositiveID, ["what": say(what)])
        guard let digits = wholeNumber(value, at: path, rule: rule) else { return nil }
        if digits.hasPrefix("-") {
            error(path, say(.vRuleNegativeID, ["rule": rule, "value": .verbatim(digits)]))
            return nil
        }
        guard let id = UInt64(digits) else {
            error(path, say(.vRulePastUInt64, ["rule": rule, "value": .verbatim(digits)]))
            return nil
        }
        guard id > 0 else {
            error(path, say(.vRuleZeroID, ["rule": rule]))
            return nil
        }
        return id
    }

    /// An unsigned whole number of `bits` within `range`; `.some(nil)` never (nil on error).
    /// An unsigned whole number of seconds, of `bits`, within `range`.
    mutating func unsigned(_ value: JSONValue, at path: String, bits: Int, range: ClosedRange<Int64>) -> Int64? {
        let rule = say(.vRuleWholeRangeSeconds, ["min": "\(range.lowerBound)", "max": "\(range.upperBound)"])
        guard let digits = wholeNumber(value, at: path, rule: rule) else { return nil }
        if digits.hasPrefix("-") {
            error(path, say(.vRuleNegativeUnsigned, ["rule": rule, "value": .verbatim(digits)]))
            return nil
        }
        let maximum = bits == 32 ? "4294967295" : "18446744073709551615"
        guard let number = UInt64(digits), bits != 32 || number <= UInt64(UInt32.max) else {
            error(path, say(.vRulePastUnsigned, ["rule": rule, "bits": "\(bits)", "maximum": .verbatim(maximum), "value": .verbatim(digits)]))
            return nil
        }
        guard number <= UInt64(range.upperBound), range.contains(Int64(number)) else {
            error(path, say(.vRuleGot, ["rule": rule, "value": .verbatim(digits)]))
            return nil
        }
        return Int64(number)
    }

    /// A whole number within `range` (when given).
    /// `rule` (what the field takes, for its messages) is only evaluated for a message.
    /// Rules passed here are written `.phrase(...)`, not `say(...)`: an autoclosure that
    /// reads `self` would overlap the walk's own mutation (the exclusivity check refuses it).
    mutating func integer(_ value: JSONValue, at path: String, range: ClosedRange<Int64>?, rule: @autoclosure () -> Localized? = nil) -> Int64? {
        func ruleText() -> Localized {
            rule() ?? range.map { .phrase(.vRuleWholeRange, ["min": "\($0.lowerBound)", "max": "\($0.upperBound)"]) } ?? .phrase(.vRuleWhole)
        }
        guard let digits = wholeNumber(value, at: path, rule: ruleText()) else { return nil }
        guard let number = Int64(digits), number >= Int64(Int32.min), number <= Int64(Int32.max) else {
            error(path, say(.vRulePast32, ["rule": ruleText(), "value": .verbatim(digits)]))
            return nil
        }
        if let range, !range.contains(number) {
            error(path, say(.vRuleGot, ["rule": ruleText(), "value": .verbatim(digits)]))
            return nil
        }
        return number
    }

    mutating func decimal(_ value: JSONValue, at path: String, range: ClosedRange<Double>) -> Double? {
        func rule() -> Localized {
            .phrase(.vRuleNumberRange, ["min": .verbatim(CanonicalJSON.number(range.lowerBound)), "max": .verbatim(CanonicalJSON.number(range.upperBound))])
        }
        guard let lexeme = numberLexeme(value, at: path, rule: rule()) else { return nil }
        guard let number = Double(lexeme), number.isFinite, range.contains(number) else {
            error(path, say(.vRuleGot, ["rule": rule(), "value": .verbatim(lexeme)]))
            return nil
        }
        return number
    }

    /// The integer a number stands for, as canonical digits (`-12`, `1800`): a
    /// whole number written with a fraction or exponent (`1800.0`, `1.8e3`) is a
    /// warning and reads as that number; a real fraction (`1800.5`) is an error.
    mutating func wholeNumber(_ value: JSONValue, at path: String, rule: @autoclosure () -> Localized) -> String? {
        guard let lexeme = numberLexeme(value, at: path, rule: rule()) else { return nil }
        let digits: String
        switch NumberLexeme.integerDigits(lexeme) {
        case .fraction:
            error(path, say(.vRuleFraction, ["rule": rule(), "value": .verbatim(lexeme)]))
            return nil
        case .tooLarge:
            error(path, say(.vRuleTooLarge, ["rule": rule(), "value": .verbatim(lexeme)]))
            return nil
        case .digits(let whole):
            digits = whole
        }
        if lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            warning(path, say(.vWholeAsFraction, ["lexeme": .verbatim(lexeme), "digits": .verbatim(digits)]))
        }
        return digits
    }

    /// The lexeme of a JSON number; a number in quotes (`"1221"`, which proto3 JSON
    /// accepts) is a warning and reads as the number; anything else is a type error.
    mutating func numberLexeme(_ value: JSONValue, at path: String, rule: @autoclosure () -> Localized) -> String? {
        switch value {
        case .number(let lexeme): return lexeme
        case .string(let text) where NumberLexeme.isNumber(text):
            warning(path, say(.vNumberInQuotes, ["text": .verbatim(text)]))
            return text
        default:
            error(path, say(.vRuleGot, ["rule": rule(), "value": given(value)]))
            return nil
        }
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The known field closest to a typo, when it is close enough to be a guess.
    func nearest(_ key: String, in known: [String]) -> String? {
        guard key.count <= RequestValidator.suggestionNameLimit else { return nil }
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

/// Reading JSON number lexemes exactly (no floating point on the way).
enum NumberLexeme {
    /// Whether `text` is a JSON number (`-12`, `1.5`, `1e3`).
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let integer = rest.prefix(while: \.isASCIIDigit)
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix(while: \.isASCIIDigit)
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: \.isASCIIDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    /// What a number lexeme is as a whole number.
    enum WholeNumber: Equatable {
        /// Digits with an optional `-` and no leading zeros.
        case digits(String)
        /// It has a non-zero fraction.
        case fraction
        /// An exponent past every whole-number type.
        case tooLarge
    }

    /// The integer a number lexeme stands for. Exponents past ±40 digits are
    /// left as a (too large) number or a fraction, never expanded.
    static func integerDigits(_ lexeme: String) -> WholeNumber {
        var rest = Substring(lexeme)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let integer = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(integer.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        var exponent = 0
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            let sign = rest.first == "-" ? -1 : 1
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let digits = rest.prefix(while: \.isASCIIDigit).drop { $0 == "0" }
            guard digits.count <= 3, let value = Int(digits.isEmpty ? "0" : String(digits)), value <= 40 else {
                return sign < 0 ? .fraction : .tooLarge // absurdly large: past every type
            }
            exponent = sign * value
        }
        var digits = String(integer) + String(fraction)
        let shift = exponent - fraction.count
        if shift >= 0 {
            digits += String(repeating: "0", count: shift)
        } else {
            let cut = -shift
            guard cut <= digits.count else { return digits.allSatisfy { $0 == "0" } ? .digits("0") : .fraction }
            let tail = digits.suffix(cut)
            guard tail.allSatisfy({ $0 == "0" }) else { return .fraction }
            digits = String(digits.dropLast(cut))
        }
        let stripped = String(digits.drop { $0 == "0" })
        if stripped.isEmpty { return .digits("0") }
        return .digits((negative ? "-" : "") + stripped)
    }
}

extension RequestValidator {
    /// What the account's numbers say about a request, once they are known: a
    /// `number_code` that is not one of the account's numbers able to place calls
    /// is a warning (the vendor would refuse it, or ring from an unexpected number).
    public static func accountWarnings(numberCode: UInt64, outgoing: [String]) -> [ValidationProblem] {
        guard !outgoing.contains(String(numberCode)) else { return [] }
        return [ValidationProblem(path: WireSchema.Name.numberCode,
                                  text: .phrase(.vNotAnAccountNumber, ["count": "\(outgoing.count)"]),
                                  severity: .warning)]
    }
}
