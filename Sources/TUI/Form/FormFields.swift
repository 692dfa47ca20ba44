import CallbackCore

extension FormState {
    /// The fields in focus order for the form as it is now (rows come and go
    /// with destinations, audio fields with the audio kind).
    public var focusOrder: [FieldID] {
        var order: [FieldID] = [.requestDescription, .numberCode, .callbackResourceID, .duration]
        for (line, leg) in lines.enumerated() {
            for index in leg.destinations.indices {
                order.append(.destinationNumber(line: line, index: index))
                order.append(.destinationTimeout(line: line, index: index))
            }
            order.append(.addDestination(line: line))
            order.append(.ringLogic(line: line))
            order.append(.displayNumber(line: line))
            order.append(.audioKind(line: line))
            switch leg.audio.kind {
            case .none: break
            case .recorded: order.append(.mediaResourceID(line: line))
            case .tts:
                order += [.ttsText(line: line), .ttsVoice(line: line), .ttsEmotion(line: line), .ttsLang(line: line),
                          .ttsVolume(line: line), .ttsSpeed(line: line)]
            }
        }
        return order
    }

    /// The text of a text field ("" for others).
    public func text(of field: FieldID) -> String {
        switch field {
        case .requestDescription: return requestDescription
        case .numberCode: return numberCode
        case .callbackResourceID: return callbackResourceID
        case .duration: return duration
        case .destinationNumber(let line, let index): return lines[line].destinations[safe: index]?.number ?? ""
        case .destinationTimeout(let line, let index): return lines[line].destinations[safe: index]?.timeout ?? ""
        case .displayNumber(let line): return lines[line].displayNumber
        case .mediaResourceID(let line): return lines[line].audio.mediaResourceID
        case .ttsText(let line): return lines[line].audio.tts.text
        case .ttsVolume(let line): return lines[line].audio.tts.volume
        case .ttsSpeed(let line): return lines[line].audio.tts.speed
        case .addDestination, .ringLogic, .audioKind, .ttsVoice, .ttsEmotion, .ttsLang: return ""
        }
    }

    /// Sets the text of a text field.
    public mutating func setText(_ text: String, of field: FieldID) {
        clearRaw(at: field.path)
        switch field {
        case .requestDescription: requestDescription = text
        case .numberCode: numberCode = text
        case .callbackResourceID: callbackResourceID = text
        case .duration: duration = text
        case .destinationNumber(let line, let index): lines[line].destinations[index].number = text
        case .destinationTimeout(let line, let index): lines[line].destinations[index].timeout = text
        case .displayNumber(let line): lines[line].displayNumber = text
        case .mediaResourceID(let line): lines[line].audio.mediaResourceID = text
        case .ttsText(let line): lines[line].audio.tts.text = text
        case .ttsVolume(let line): lines[line].audio.tts.volume = text
        case .ttsSpeed(let line): lines[line].audio.tts.speed = text
        case .addDestination, .ringLogic, .audioKind, .ttsVoice, .ttsEmotion, .ttsLang: break
        }
    }

    /// The default shown in an empty field, when the API has one.
    public func defaultText(of field: FieldID) -> String? {
        switch field {
        case .duration: return String(Rules.defaultDuration)
        case .destinationTimeout: return String(Rules.defaultTimeout)
        case .ttsVolume: return String(Rules.defaultVolume)
        case .ttsSpeed: return CanonicalJSON.number(Rules.defaultSpeed)
        default: return nil
        }
    }

    /// Whether a field must be filled for the request to be valid (the wire schema says).
    public func isRequired(_ field: FieldID) -> Bool {
        guard case .text = field.kind else { return false }
        return WireSchema.field(at: field.path)?.mustBeFilled ?? false
    }
}
