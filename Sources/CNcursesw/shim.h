// The C side of exocall's ncurses front end. SwiftPM drops pkg-config's
// -D_XOPEN_SOURCE, so the wide-character API is switched on here, and the
// macros and globals Swift cannot import are wrapped as functions.
#ifndef EXOCALL_NCURSES_SHIM_H
#define EXOCALL_NCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);

static inline WINDOW *exo_stdscr(void) { return stdscr; }
static inline int exo_lines(void) { return LINES; }
static inline int exo_cols(void) { return COLS; }
static inline int exo_colors(void) { return COLORS; }
static inline int exo_color_pairs(void) { return COLOR_PAIRS; }
static inline int exo_key_f(int n) { return KEY_F(n); }
static inline int exo_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t exo_a_normal(void) { return A_NORMAL; }
static inline attr_t exo_a_bold(void) { return A_BOLD; }
static inline attr_t exo_a_dim(void) { return A_DIM; }
static inline attr_t exo_a_underline(void) { return A_UNDERLINE; }
static inline attr_t exo_a_reverse(void) { return A_REVERSE; }
static inline attr_t exo_a_italic(void) { return A_ITALIC; }

/// newterm on the process's own stdin/stdout (Swift 6 refuses the C globals).
static inline SCREEN *exo_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
/// Sets curses's idea of the screen's size (no KEY_RESIZE is queued).
static inline int exo_resize_term(int height, int width) { return resize_term(height, width); }

/// Defines a colour pair with extended colour numbers (direct colour included).
static inline int exo_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

/// Sets attributes and colour pair (extended pairs beyond 255 included).
static inline int exo_attr_set(attr_t attrs, int pair) { return attr_set(attrs, 0, &pair); }

/// Writes `n` wide characters at (y, x).
static inline int exo_mvaddnwstr(int y, int x, const wchar_t *text, int n) { return mvaddnwstr(y, x, text, n); }

/// Whether the terminal can move the cursor (terminfo's cup): a dumb terminal cannot,
/// and a screen cannot be drawn on it.
static inline int exo_can_move_cursor(void) {
    char *cup = tigetstr((char *)"cup");
    return cup != NULL && cup != (char *)-1;
}

/// The key code bound to a terminfo capability name such as "kUP5", or -1.
static inline int exo_key_code_for(const char *name) {
    char *sequence = tigetstr((char *)name);
    if (sequence == NULL || sequence == (char *)-1) return -1;
    int code = key_defined(sequence);
    return code > 0 ? code : -1;
}

#endif
