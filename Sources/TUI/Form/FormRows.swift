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

    /// The index in `rows` of the row that holds `field`.
    public static func index(of field: FieldID, in rows: [FormRow]) -> Int? { rows.firstIndex { $0.fields.contains(field) } }
}

extension FormState {
    /// The form's rows: the focus order laid out, a section heading where a leg starts,
    /// a destination's fields on one row, the TTS text over several.
    public var rows: [FormRow] { FormLayoutMemo.layout(of: self).rows }

    /// `rows` worked out from `order` (`FormLayoutMemo` keeps the last ones).
    func computedRows(_ order: [FieldID]) -> [FormRow] {
        var rows: [FormRow] = [.section(.formGeneral)]
        var currentLine: Int? = nil
        for field in order {
            if let line = field.line, line != currentLine {
                currentLine = line
                rows += [.blank, .section(line == 0 ? .formLineFirst : .formLineSecond)]
            }
            switch field {
            case .destinationNumber(let line, let index): rows.append(.destination(line: line, index: index))
            case .destinationTimeout: break // on its number's row
            case .ttsText(let line): rows += (0..<FormRow.ttsTextRows).map { FormRow.ttsText(line: line, part: $0) } + [.ttsInfo(line: line)]
            default: rows.append(.field(field))
            }
        }
        return rows
    }

    /// The row index showing `field`.
    public func row(of field: FieldID) -> Int? { FormRow.index(of: field, in: rows) }
}
