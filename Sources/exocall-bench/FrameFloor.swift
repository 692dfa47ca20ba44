import Foundation
import TmuxKit

/// The floor at exocall's own frame: a C ncurses program that draws, cell for cell, the
/// first frame exocall draws (its text, colours and attributes), generated and built by
/// the benchmark. The floor program prints one line; a start that draws 4,800 themed
/// cells is measured against it too, so the two costs can be told apart: what any
/// program drawing this frame pays, and what exocall adds to it.
enum FrameFloor {
    /// A stretch of one row drawn in one style.
    struct Run: Equatable {
        var row: Int
        var bold = false, dim = false, italic = false, underline = false, reverse = false
        /// A 256-colour number, or -1 for the terminal's own.
        var foreground = -1, background = -1
        var text = ""

        /// The same style on `row`, with no text yet.
        func restyled(row: Int) -> Run {
            var next = self
            next.row = row
            next.text = ""
            return next
        }

        /// Whether `other` is drawn in this one's style.
        func sameStyle(as other: Run) -> Bool {
            var a = self, b = other
            a.text = ""; b.text = ""; a.row = 0; b.row = 0
            return a == b
        }
    }

    /// A program's first frame as tmux shows it (`capture-pane -e`: the text with its SGR
    /// sequences, every row 120 columns), started with no arguments in `home`, as the
    /// benchmark's pty rows start exocall. Nil when it does not show `marker` within 10 s.
    static func capture(_ program: String, home: String, marker: String) -> String? {
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        guard let tmux = try? Tmux(home: home, command: Tmux.command(program)) else { return nil }
        defer { tmux.close() }
        guard tmux.poll(timeout: 10, interval: 20_000, { $0.contains(marker) }) else { return nil }
        tmux.settle()
        return tmux.command("capture-pane", "-p", "-e", "-N")
    }

    /// The runs of a tmux capture: each row's text cut where its style changes.
    static func runs(of capture: String) -> [Run] {
        var runs: [Run] = []
        // tmux carries the style from one row's end to the next row's start.
        var carried = Run(row: 0)
        for (row, line) in capture.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where row < 40 {
            var current = carried.restyled(row: row)
            var scalars = line.unicodeScalars[...]
            while let scalar = scalars.first {
                if scalar == "\u{1B}", scalars.dropFirst().first == "[" {
                    let body = scalars.dropFirst(2).prefix { $0 != "m" } // capture-pane -e writes SGR alone
                    scalars = scalars.dropFirst(2 + body.count + 1)
                    var next = current.restyled(row: row)
                    apply(String(String.UnicodeScalarView(body)), to: &next)
                    if !next.sameStyle(as: current) {
                        if !current.text.isEmpty { runs.append(current) }
                        current = next
                    }
                    continue
                }
                current.text.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
            if !current.text.isEmpty { runs.append(current) }
            carried = current
        }
        return runs
    }

    /// Applies one SGR sequence's parameters (`1;38;5;75`) to a style.
    static func apply(_ parameters: String, to run: inout Run) {
        let codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var index = 0
        while index < codes.count {
            let code = codes[index]
            switch code {
            case 0: run = Run(row: run.row)
            case 1: run.bold = true
            case 2: run.dim = true
            case 3: run.italic = true
            case 4: run.underline = true
            case 7: run.reverse = true
            case 22: run.bold = false; run.dim = false
            case 23: run.italic = false
            case 24: run.underline = false
            case 27: run.reverse = false
            case 30...37: run.foreground = code - 30
            case 90...97: run.foreground = code - 90 + 8
            case 39: run.foreground = -1
            case 40...47: run.background = code - 40
            case 100...107: run.background = code - 100 + 8
            case 49: run.background = -1
            case 38, 48:
                if index + 2 < codes.count, codes[index + 1] == 5 {
                    if code == 38 { run.foreground = codes[index + 2] } else { run.background = codes[index + 2] }
                    index += 2
                } else if index + 4 < codes.count, codes[index + 1] == 2 {
                    index += 4 // direct colour: not drawn by exocall at 256 colours
                }
            default: break
            }
            index += 1
        }
    }

    /// The C program drawing `runs`, then echoing keys as the floor does. It asks of ncurses
    /// what exocall asks (the character type's locale alone, the screen suspended once
    /// before the first frame so that frame is one write): the best C start for this
    /// frame, not a naive one, which measured 1.3 ms slower here (120 writes).
    static func source(_ runs: [Run]) -> String {
        var pairs: [[Int]] = []
        func pair(_ run: Run) -> Int {
            if run.foreground == -1 && run.background == -1 { return 0 }
            let key = [run.foreground, run.background]
            if let index = pairs.firstIndex(of: key) { return index + 1 }
            pairs.append(key)
            return pairs.count
        }
        func literal(_ text: String) -> String {
            "\"" + text.utf8.map { byte in
                switch byte {
                case UInt8(ascii: "\""): return "\\\""
                case UInt8(ascii: "\\"): return "\\\\"
                case 0x20..<0x7F: return String(UnicodeScalar(byte))
                default: return "\\" + String(byte, radix: 8).leftPadded(to: 3)
                }
            }.joined() + "\""
        }
        var table: [String] = []
        for run in runs {
            var attributes = ["A_NORMAL"]
            if run.bold { attributes.append("A_BOLD") }
            if run.dim { attributes.append("A_DIM") }
            if run.italic { attributes.append("A_ITALIC") }
            if run.underline { attributes.append("A_UNDERLINE") }
            if run.reverse { attributes.append("A_REVERSE") }
            table.append("    {\(run.row), \(attributes.joined(separator: "|")), \(pair(run)), \(literal(run.text))},")
        }
        let pairLines = pairs.enumerated().map { "    init_pair(\($0.offset + 1), \($0.element[0]), \($0.element[1]));" }
        return """
        #define _XOPEN_SOURCE_EXTENDED 1
        #include <locale.h>
        #include <ncursesw/curses.h>
        static const struct { int row; attr_t attributes; short pair; const char *text; } runs[] = {
        \(table.joined(separator: "\n"))
        };
        int main(void) {
            setlocale(LC_CTYPE, "");
            initscr();
            endwin(); /* as exocall does: a screen suspended once is flushed once a frame, not at every move */
            raw(); noecho(); keypad(stdscr, TRUE);
            start_color(); use_default_colors();
        \(pairLines.joined(separator: "\n"))
            int row = -1;
            for (unsigned i = 0; i < sizeof runs / sizeof runs[0]; i++) {
                if (runs[i].row != row) { row = runs[i].row; move(row, 0); }
                attr_set(runs[i].attributes, runs[i].pair, NULL);
                addstr(runs[i].text);
            }
            refresh();
        \(Floor.keyLoop)
        }
        """
    }

    /// Captures exocall's first frame and builds the program drawing it into `folder`;
    /// returns its path, how many runs it draws, and whether tmux shows its frame exactly
    /// as exocall's (every cell's character, colours and attributes).
    static func build(in folder: String, exocall: String, home: String, marker: String) throws -> (path: String, runs: Int, same: Bool) {
        guard let capture = capture(exocall, home: home, marker: marker) else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "exocall's first frame could not be captured in tmux"])
        }
        let runs = runs(of: capture)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = folder + "/frame-floor.c", binary = folder + "/frame-floor"
        try Self.source(runs).write(toFile: source, atomically: true, encoding: .utf8)
        guard shell("/usr/bin/cc", ["-O2", source, "-o", binary, "-lncursesw"]) != nil else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cc could not build the frame floor (needs libncursesw5-dev)"])
        }
        let drawn = Self.capture(binary, home: folder + "/frame-floor-home", marker: marker)
        return (binary, runs.count, drawn == capture)
    }
}

extension String {
    /// The text with zeros before it, to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
