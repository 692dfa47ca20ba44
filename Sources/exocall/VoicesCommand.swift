import Console
import ArgumentParser
import CallbackCore
import Localization

/// `exocall voices`: the TTS voice catalog.
struct VoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voices",
        abstract: "List the text-to-speech voices and the emotions each supports.",
        discussion: """
        The default emotion of each voice is marked with *. A request that names a voice
        may only use that voice's emotions.

        Example:
          exocall voices
          exocall voices --json
        """
    )

    @Flag(help: "Print the catalog as a JSON array.")
    var json = false

    func run() {
        if json {
            Console.print(CanonicalJSON.string(.array(VoiceCatalog.voices.map(Self.jsonValue)), style: .pretty))
            return
        }
        let tr = LanguageOption.current()
        let russian = tr == .ru
        var rows = [["ID", tr(.voicesHeaderName), tr(.voicesHeaderLatin), tr(.voicesHeaderGender), tr(.voicesHeaderEmotions)]]
        for voice in VoiceCatalog.voices {
            let emotions = voice.emotions
                .map { "\($0.id) \(VoiceCatalog.label(of: voice, emotion: $0.id, russian: russian) ?? $0.label)" + ($0.id == voice.defaultEmotion ? "*" : "") }
                .joined(separator: ", ")
            rows.append([String(voice.id), voice.name, voice.latin, VoiceCatalog.genderMark(voice.gender, russian: russian), emotions])
        }
        say(TextTable.render(rows), terminator: "")
    }

    static func jsonValue(_ voice: Voice) -> JSONValue {
        .object([
            .init("id", .number(String(voice.id))),
            .init("name", .string(voice.name)),
            .init("latin", .string(voice.latin)),
            .init("gender", .string(voice.gender.rawValue)),
            .init("emotions", .array(voice.emotions.map {
                .object([.init("id", .number(String($0.id))), .init("label", .string($0.label))])
            })),
            .init("default_emotion", .number(String(voice.defaultEmotion))),
            .init("langs", .array(voice.languages.map { .number(String($0)) })),
        ])
    }
}
