// Signal handlers in C: a handler may only set a sig_atomic_t and write() to a
// pipe. Swift code in a signal handler is not async-signal-safe (and its
// statics read garbage from one in release builds), so the handlers live here.
#define _POSIX_C_SOURCE 200809L
#include "terminal_signals.h"
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t caught = 0;
static volatile sig_atomic_t wake = -1;
static volatile sig_atomic_t resized = 0;
static struct sigaction ncurses_stop;
// The terminal modes exocall turns on (bracketed paste, mouse) and their undoing,
// written around a suspension: ncurses restores its own modes, not these.
static char modes_on[64];
static char modes_off[64];

static void wake_loop(void) {
    int fd = wake;
    if (fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
}

static void on_stop(int number) {
    caught = number;
    wake_loop();
}

// The resize is exocall's to apply, not ncurses's: ncurses would allocate whatever
// size the terminal claims (32,768 rows overflowed it; 9,999 x 9,999 took 8.4 GB).
static void on_resize(int number) {
    (void)number;
    resized = 1;
    wake_loop();
}

static void write_all(const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

// Ctrl-Z from job control (SIGTSTP): the shell gets its terminal back without the
// mouse reporting and bracketed paste exocall turned on; they come back on resume.
static void on_suspend(int number) {
    write_all(modes_off);
    if (ncurses_stop.sa_handler != SIG_DFL && ncurses_stop.sa_handler != SIG_IGN && ncurses_stop.sa_handler != NULL
        && !(ncurses_stop.sa_flags & SA_SIGINFO)) {
        ncurses_stop.sa_handler(number);
    } else {
        raise(SIGSTOP);
    }
    write_all(modes_on);
    resized = 1;
    wake_loop();
}

int exo_take_resize(void) {
    int was = resized;
    resized = 0;
    return was;
}

int exo_window_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDIN_FILENO, TIOCGWINSZ, &size) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

void exo_set_terminal_modes(const char *on, const char *off) {
    strncpy(modes_on, on, sizeof modes_on - 1);
    strncpy(modes_off, off, sizeof modes_off - 1);
}

void exo_install_signals(int wake_fd) {
    wake = wake_fd;
    caught = 0;
    struct sigaction stop;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = 0;
    stop.sa_handler = on_stop;
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGTERM, &stop, NULL);
    sigaction(SIGHUP, &stop, NULL);
    sigaction(SIGTSTP, NULL, &ncurses_stop);
    struct sigaction suspend;
    sigemptyset(&suspend.sa_mask);
    suspend.sa_flags = SA_RESTART;
    suspend.sa_handler = on_suspend;
    sigaction(SIGTSTP, &suspend, NULL);
    struct sigaction resize;
    sigemptyset(&resize.sa_mask);
    resize.sa_flags = SA_RESTART;
    resize.sa_handler = on_resize;
    sigaction(SIGWINCH, &resize, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int exo_caught_signal(void) { return (int)caught; }

void exo_restore_signals(void) {
    wake = -1;
    // The terminal is restored; what follows is the way out: saving the draft and
    // waiting (bounded by its timeout) for a send's outcome. A second SIGHUP (a
    // closed terminal sends one to the session leader and one to the foreground
    // group) or SIGTERM must not cut that short. Ctrl-C (SIGINT) still can.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
}
