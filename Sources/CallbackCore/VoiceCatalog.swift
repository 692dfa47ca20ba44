/// A speaker's gender as the vendor lists it.
public enum Gender: String, Sendable, Codable, CaseIterable {
    /// Female voice ("F").
    case female = "F"
    /// Male voice ("M").
    case male = "M"
}

/// One emotion a voice supports, with the label the vendor uses for that voice.
public struct Emotion: Equatable, Sendable, Hashable {
    /// The emotion id sent as `tts.emotion`.
    public var id: Int
    /// The vendor's English label for this emotion on this voice ("kind" for voice 1's emotion 2).
    public var label: String
}

/// A TTS language (only Russian today; another is a data change here).
public struct Language: Equatable, Sendable {
    /// The id sent as `tts.lang`.
    public var id: Int
    /// Human name.
    public var name: String
}

/// A synthesized voice of the Exolve TTS engine.
public struct Voice: Equatable, Sendable {
    /// The id sent as `tts.voice`.
    public var id: Int
    /// The vendor's name, in Cyrillic ("Алёна").
    public var name: String
    /// The same name in Latin letters ("Alyona").
    public var latin: String
    /// The vendor's gender for this voice.
    public var gender: Gender
    /// The emotions this voice supports, in the vendor's order (default first).
    public var emotions: [Emotion]
    /// The emotion used when a request names none.
    public var defaultEmotion: Int
    /// The language ids this voice speaks.
    public var languages: [Int]

    /// Whether this voice supports emotion `id`.
    public func supports(emotion id: Int) -> Bool { emotions.contains { $0.id == id } }

    /// This voice's label for emotion `id`, or nil when the voice lacks it.
    public func label(forEmotion id: Int) -> String? { emotions.first { $0.id == id }?.label }
}

/// The voice/emotion catalog of the spec's table. The validator, the pickers,
/// the voice explorer and `exocall voices` all read this; nothing else names a voice.
public enum VoiceCatalog {
    /// Generic English names of the emotion ids (a voice may label one differently).
    public static let emotionNames: [Int: String] = [
        1: "neutral", 2: "joyful", 3: "irritated", 4: "friendly", 5: "strict", 6: "whisper",
    ]

    /// The emotions' Russian names, as the vendor writes them (voice 1 calls 2 «добрая»).
    public static let emotionNamesRussian: [Int: String] = [
        1: "нейтральная", 2: "радостная", 3: "раздражённая", 4: "дружелюбная", 5: "строгая", 6: "шёпот",
    ]

    /// Where a voice's own Russian label differs from the generic name (the vendor's table).
    static let russianLabels: [Int: [Int: String]] = [1: [2: "добрая"]]

    /// `voice`'s Russian label for emotion `id` («добрая» for voice 1's 2), nil when the voice lacks it.
    public static func russianLabel(of voice: Voice, emotion id: Int) -> String? {
        guard voice.supports(emotion: id) else { return nil }
        return russianLabels[voice.id]?[id] ?? emotionNamesRussian[id]
    }

    /// The generic name of emotion `id`, in Russian («радостная») or English ("joyful"); nil for no such emotion.
    public static func emotionName(_ id: Int, russian: Bool) -> String? {
        russian ? emotionNamesRussian[id] : emotionNames[id]
    }

    /// `voice`'s label for emotion `id` as the vendor writes it, in Russian («добрая») or
    /// English ("kind"); nil when the voice lacks the emotion.
    public static func label(of voice: Voice, emotion id: Int, russian: Bool) -> String? {
        russian ? russianLabel(of: voice, emotion: id) : voice.label(forEmotion: id)
    }

    /// The vendor's mark for `gender`: F / M, or Ж / М in Russian.
    public static func genderMark(_ gender: Gender, russian: Bool) -> String {
        russian ? (gender == .female ? "Ж" : "М") : gender.rawValue
    }

    /// Every emotion id that any voice supports, ascending.
    public static let emotionIDs: [Int] = emotionNames.keys.sorted()

    /// The languages TTS offers.
    public static let languages: [Language] = [Language(id: 1, name: "Russian")]

    /// The voice used when a request names none.
    public static let defaultVoiceID = 1

    /// Every voice, by ascending id. There are no voices 6 and 7.
    public static let voices: [Voice] = [
        voice(1, "Алёна", "Alyona", .female, [1, 2], labels: [2: "kind"]),
        voice(2, "Ермил", "Ermil", .male, [1, 2]),
        voice(3, "Джейн", "Jane", .female, [1, 2, 3]),
        voice(4, "Омаж", "Omazh", .female, [1, 3]),
        voice(5, "Захар", "Zakhar", .male, [1, 2]),
        voice(8, "Даша", "Dasha", .female, [1, 2, 4]),
        voice(9, "Юлия", "Yulia", .female, [1, 5]),
        voice(10, "Лера", "Lera", .female, [1, 4]),
        voice(11, "Марина", "Marina", .female, [1, 4, 6]),
        voice(12, "Александр", "Alexander", .male, [1, 2]),
        voice(13, "Кирилл", "Kirill", .male, [1, 2, 5]),
        voice(14, "Антон", "Anton", .male, [1, 2]),
        voice(15, "Маша", "Masha", .female, [2, 4, 5]),
    ]

    /// The voice with `id`, or nil when there is none.
    public static func voice(id: Int) -> Voice? { voices.first { $0.id == id } }

    /// The language with `id`, or nil.
    public static func language(id: Int) -> Language? { languages.first { $0.id == id } }

    /// Builds a catalog row; the first listed emotion is the default.
    private static func voice(_ id: Int, _ name: String, _ latin: String, _ gender: Gender, _ emotionIDs: [Int],
                              labels: [Int: String] = [:]) -> Voice {
        Voice(id: id, name: name, latin: latin, gender: gender,
              emotions: emotionIDs.map { Emotion(id: $0, label: labels[$0] ?? emotionNames[$0]!) },
              defaultEmotion: emotionIDs[0], languages: [1])
    }
}
