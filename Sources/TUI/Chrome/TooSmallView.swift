import CallbackCore
import Localization

/// Shown below the minimum size.
enum TooSmallView {
    static func draw(_ size: Size, language: UILanguage = .en, on canvas: inout TextCanvas) {
        let lines = [language(.tooSmall),
                     language(.tooSmallNeed, ["need": "\(Layout.minimum.width)x\(Layout.minimum.height)", "have": "\(size.width)x\(size.height)"]),
                     language(.tooSmallHint)]
        let top = max(0, size.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + offset, style: offset == 0 ? Style(.warning, bold: true) : .muted)
        }
    }
}
