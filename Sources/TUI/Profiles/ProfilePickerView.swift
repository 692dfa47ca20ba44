import CallbackCore
import Localization
import ExolveModel

/// The profile switcher.
enum ProfilePickerView {
    static func draw(_ state: AppState, selected: Int, on canvas: inout TextCanvas) {
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 70), height: min(size.height - 2, state.profile.list.count + 5), in: size)
        DialogView.frame(rect, title: state.language(.profileTitle), on: &canvas)
        let inner = rect.inset(1)
        let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2)
        ListView.draw(count: state.profile.list.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            let profile = state.profile.list[index]
            let say = state.language
            let current = profile.name == state.profile.name ? say(.profileInUse) : ""
            let key = profile.apiKeyEnv.map { say(.profileKeyVariable, ["variable": $0]) } ?? profile.apiKeyFile.map { say(.profileKeyFile, ["path": $0]) }
                ?? say(.profileKeyConfigured)
            let line = "\(chosen ? "▸" : " ") \(profile.name)\(current)  ·  \(profile.baseURL ?? say(.profileDefaultEndpoint))  ·  \(key)"
            canvas.put(line, x: inner.x + 1, y: y, style: Style(.text, on: background, bold: chosen), maxWidth: inner.width - 2)
        }
        if let profile = state.profile.list[safe: selected] {
            let defaults = CanonicalJSON.string(profile.defaults, style: .compact)
            canvas.put(state.language(.profileDefaults, ["list": defaults]), x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
        }
    }
}
