import CallbackCore
import Localization

/// The audio feature's dialogs.
public enum AudioDialog: Equatable, Sendable {
    /// The voice picker of a leg: filtered by text and gender.
    case voicePicker(line: Int, filter: String, gender: Gender?, selected: Int)
    /// The emotion picker of a leg: only its voice's emotions.
    case emotionPicker(line: Int, selected: Int)
    /// The whole catalog as a grid (voices down, emotions across) for a leg.
    case explorer(line: Int, row: Int, column: Int)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .voicePicker: return .voicePicker
        case .emotionPicker: return .emotionPicker
        case .explorer: return .voiceExplorer
        }
    }
}

extension DialogKind {
    /// The voice picker.
    public static let voicePicker = DialogKind("voicePicker", .dialogVoicePicker)
    /// The emotion picker.
    public static let emotionPicker = DialogKind("emotionPicker", .dialogEmotionPicker)
    /// The voice explorer.
    public static let voiceExplorer = DialogKind("voiceExplorer", .dialogVoiceExplorer)
}

extension AudioCommands {
    /// The audio dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.voicePicker, [.anyCharacter, .anyPaste], meaning: .filtering, "type", .keyFilter),
        KeyTable.on(.voicePicker, .of(.tab), .audio(.cycleGender), "Tab", .keyGender),
        KeyTable.on(.voicePicker, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.voicePicker, .of(.enter), .accept, "Enter", .keySet),
        KeyTable.on(.voicePicker, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.voicePicker, .of(.backspace), .filterErase, "Backspace", .keyEraseFilter, footer: false),
        KeyTable.on(.voicePicker, .of(.control("u")), .filterClear, "Ctrl-U", .keyClearFilter, footer: false),
        KeyTable.on(.emotionPicker, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.emotionPicker, .of(.enter), .accept, "Enter", .keySet),
        KeyTable.on(.emotionPicker, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.voiceExplorer, .of(.left, .up, .down, .right, .home, .end, .pageUp, .pageDown), meaning: .moving(Command.move), "←↑↓→", .keyMove),
        KeyTable.on(.voiceExplorer, .of(.enter), .accept, "Enter", .keySetVoiceEmotion),
        KeyTable.on(.voiceExplorer, .of(.escape, .function(9)), .close, "Esc", .keyClose),
    ]

    /// Draws an audio dialog; returns the picker's filter cursor.
    static func draw(_ dialog: AudioDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .voicePicker(let line, let filter, let gender, let selected):
            return AudioPickerViews.voicePicker(line: line, filter: filter, gender: gender, selected: selected, state: state, on: &canvas)
        case .emotionPicker(let line, let selected):
            AudioPickerViews.emotionPicker(line: line, selected: selected, state: state, on: &canvas)
            return nil
        case .explorer(let line, let row, let column):
            AudioPickerViews.explorer(line: line, row: row, column: column, state: state, on: &canvas)
            return nil
        }
    }
}

/// The audio feature's commands.
public enum AudioCommand: Equatable, Sendable {
    /// F9: the voice explorer.
    case openExplorer
    /// Tab in the voice picker: female, male, any.
    case cycleGender
}
