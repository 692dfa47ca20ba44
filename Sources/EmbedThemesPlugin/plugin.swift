import Foundation
import PackagePlugin

/// Embeds the repository's `themes/*.toml` into the Theming module as Swift
/// source at build time, so `themes/` is the single source of the bundled
/// themes and the binary needs no resource files wherever it runs.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledThemes.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) themes from themes/",
                              executable: try context.tool(named: "theme-embedder").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
