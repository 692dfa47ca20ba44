import CallbackCore

extension FormState {
    /// The fields in focus order for the form as it is now (rows come and go
    /// with destinations, audio fields with the audio kind): the descriptor
    /// table's order, a leg's destination fields once per row.
    public var focusOrder: [FieldID] { FormLayoutMemo.layout(of: self).order }

    /// `focusOrder` worked out (`FormLayoutMemo` keeps the last one).
    func computedFocusOrder() -> [FieldID] {
        let table = FieldDescriptor.table
        var order = table.filter { $0.object == .request }.map { FieldID($0.slot) }
        let rowSlots = table.filter { $0.object == .destination }.map { $0.slot }
        for (line, leg) in lines.enumerated() {
            var rowsPlaced = false
            for descriptor in table {
                switch descriptor.object {
                case .request: break
                case .destination:
                    guard !rowsPlaced else { continue }
                    rowsPlaced = true
                    for index in leg.destinations.indices { order += rowSlots.map { FieldID($0, line: line, index: index) } }
                case .line: order.append(FieldID(descriptor.slot, line: line))
                case .audio: if leg.audio.kind == .recorded { order.append(FieldID(descriptor.slot, line: line)) }
                case .tts: if leg.audio.kind == .tts { order.append(FieldID(descriptor.slot, line: line)) }
                }
            }
        }
        return order
    }

    /// The text of a text field ("" for others).
    public func text(of field: FieldID) -> String {
        let line = field.line ?? 0
        switch field.descriptor.storage {
        case .requestText(let key): return key.get(self)
        case .lineText(let key): return key.get(lines[line])
        case .destinationText(let key): return lines[line].destinations[safe: field.destination?.index ?? 0].map(key.get) ?? ""
        case .audioText(let key): return key.get(lines[line].audio)
        case .ttsText(let key): return key.get(lines[line].audio.tts)
        case .lineChoice, .ttsChoice, .structure: return ""
        }
    }

    /// Sets the text of a text field (what was kept raw at its path goes: the field now says it).
    public mutating func setText(_ text: String, of field: FieldID) {
        clearRaw(at: field.path)
        writeText(text, of: field)
    }

    /// Writes a text field's storage and nothing else (the loader computes what is kept raw at the end).
    mutating func writeText(_ text: String, of field: FieldID) {
        let line = field.line ?? 0
        switch field.descriptor.storage {
        case .requestText(let key): key.set(&self, text)
        case .lineText(let key): key.set(&lines[line], text)
        case .destinationText(let key): key.set(&lines[line].destinations[field.destination?.index ?? 0], text)
        case .audioText(let key): key.set(&lines[line].audio, text)
        case .ttsText(let key): key.set(&lines[line].audio.tts, text)
        case .lineChoice, .ttsChoice, .structure: break
        }
    }

    /// The raw value of a choice field kept in the form (nil: the default, or not a stored choice).
    func storedChoice(of field: FieldID) -> Int? {
        let line = field.line ?? 0
        switch field.descriptor.storage {
        case .lineChoice(let key): return key.get(lines[line])
        case .ttsChoice(let key): return key.get(lines[line].audio.tts)
        case .requestText, .lineText, .destinationText, .audioText, .ttsText, .structure: return nil
        }
    }

    /// Sets the raw value of a stored choice field.
    mutating func setStoredChoice(_ value: Int?, of field: FieldID) {
        let line = field.line ?? 0
        switch field.descriptor.storage {
        case .lineChoice(let key): key.set(&lines[line], value)
        case .ttsChoice(let key): key.set(&lines[line].audio.tts, value)
        case .requestText, .lineText, .destinationText, .audioText, .ttsText, .structure: break
        }
    }

    /// The default shown in an empty field, when the API has one.
    public func defaultText(of field: FieldID) -> String? { field.descriptor.defaultText }

    /// Whether a field must be filled for the request to be valid (the wire schema says).
    public func isRequired(_ field: FieldID) -> Bool {
        guard case .text = field.kind else { return false }
        return field.descriptor.mustBeFilled
    }
}
