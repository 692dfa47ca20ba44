#ifndef EXOCALL_TERMINAL_SIGNALS_H
#define EXOCALL_TERMINAL_SIGNALS_H

/// Installs the terminal's signal handlers, after ncurses is initialized.
/// SIGINT, SIGTERM and SIGHUP record the signal and write a byte to `wake_fd`;
/// SIGWINCH runs ncurses's own handler (which records the resize), then writes too.
void exo_install_signals(int wake_fd);

/// The stop signal caught since installing, or 0.
int exo_caught_signal(void);

/// Puts SIGINT, SIGTERM and SIGHUP back to their defaults and stops waking.
void exo_restore_signals(void);

#endif
