import Localization

/// The rows the form draws, top to bottom. Several fields may share a row
/// (a destination's number and timeout).
public enum FormRow: Equatable, Sendable {
    /// A section heading.
    case section(Phrase)
    /// One field on its own row.
    case field(FieldID)
    /// A destination: number and timeout.
    case destination(line: Int, index: Int)
    /// One visual row of a leg's TTS text editor.
    case ttsText(line: Int, part: Int)
    /// The TTS text's counter and how long it takes to say.
    case ttsInfo(line: Int)
    /// Empty space.
    case blank

    /// The fields on this row.
    public var fields: [FieldID] {
        switch self {
        case .section, .blank, .ttsInfo: return []
        case .ttsText(let line, _): return [.ttsText(line: line)]
        case .field(let field): return [field]
        case .destination(let line, let index): return [.destinationNumber(line: line, index: index), .destinationTimeout(line: line, index: index)]
        }
    }
}

extension FormRow {
    /// How many rows the TTS text editor shows.
    public static let ttsTextRows = 3
}

extension FormState {
    /// The form's rows.
    public var rows: [FormRow] {
        var rows: [FormRow] = [.section(.formGeneral), .field(.requestDescription), .field(.numberCode),
                               .field(.callbackResourceID), .field(.duration)]
        for (line, leg) in lines.enumerated() {
            rows.append(.blank)
            rows.append(.section(line == 0 ? .formLineFirst : .formLineSecond))
            for index in leg.destinations.indices { rows.append(.destination(line: line, index: index)) }
            rows.append(.field(.addDestination(line: line)))
            rows.append(.field(.ringLogic(line: line)))
            rows.append(.field(.displayNumber(line: line)))
            rows.append(.field(.audioKind(line: line)))
            switch leg.audio.kind {
            case .none: break
            case .recorded: rows.append(.field(.mediaResourceID(line: line)))
            case .tts:
                rows += (0..<FormRow.ttsTextRows).map { FormRow.ttsText(line: line, part: $0) } + [.ttsInfo(line: line)]
                rows += [.field(.ttsVoice(line: line)), .field(.ttsEmotion(line: line)),
                         .field(.ttsLang(line: line)), .field(.ttsVolume(line: line)), .field(.ttsSpeed(line: line))]
            }
        }
        return rows
    }

    /// The row index showing `field`.
    public func row(of field: FieldID) -> Int? { rows.firstIndex { $0.fields.contains(field) } }
}
