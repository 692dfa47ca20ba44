#ifndef EXOCALL_TERMINAL_SIGNALS_H
#define EXOCALL_TERMINAL_SIGNALS_H

/// Installs the terminal's signal handlers, after ncurses is initialized.
/// SIGINT, SIGTERM and SIGHUP record the signal and write a byte to `wake_fd`;
/// SIGWINCH records a resize (`exo_take_resize`) and writes too: ncurses's own handler
/// is not run, the loop applies a bounded size itself. SIGTSTP writes the modes' undoing,
/// runs ncurses's handler (which suspends), then turns the modes on again.
void exo_install_signals(int wake_fd);

/// Whether a resize (or a resume) arrived since the last call.
int exo_take_resize(void);

/// The terminal's size in rows and columns, as the kernel has it; -1 when unknown.
int exo_window_size(int *rows, int *columns);

/// The escape sequences that turn exocall's terminal modes on and off (at most 63 bytes each).
void exo_set_terminal_modes(const char *on, const char *off);

/// The stop signal caught since installing, or 0.
int exo_caught_signal(void);

/// Puts SIGINT, SIGTERM and SIGHUP back to their defaults and stops waking.
void exo_restore_signals(void);

#endif
