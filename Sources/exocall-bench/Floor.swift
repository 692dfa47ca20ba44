import Foundation

/// The floor: a minimal C ncurses program, built by the benchmark, measured
/// the same way as exocall. It prints one line, then echoes each key with a counter.
enum Floor {
    static let source = """
    #define _XOPEN_SOURCE_EXTENDED 1
    #include <locale.h>
    #include <ncursesw/curses.h>
    int main(void) {
        setlocale(LC_ALL, "");
        initscr(); raw(); noecho(); keypad(stdscr, TRUE);
        mvaddstr(0, 0, "floor ready");
        refresh();
    \(keyLoop)
    }
    """

    /// The end of a floor program's `main`: each key echoed with a counter until Ctrl-Q.
    static let keyLoop = """
        long count = 0;
        wint_t ch;
        while (get_wch(&ch) != ERR) {
            if (ch == 17) break; /* Ctrl-Q */
            count++;
            mvprintw(1, 0, "key %lc #%ld.   ", (wchar_t)ch, count);
            refresh();
        }
        endwin();
        return 0;
    """

    /// Builds the floor program into `folder`; returns its path.
    static func build(in folder: String) throws -> String {
        let source = folder + "/floor.c"
        let binary = folder + "/floor"
        try Floor.source.write(toFile: source, atomically: true, encoding: .utf8)
        guard shell("/usr/bin/cc", ["-O2", source, "-o", binary, "-lncursesw"]) != nil else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cc could not build the floor program (needs libncursesw5-dev)"])
        }
        return binary
    }
}
