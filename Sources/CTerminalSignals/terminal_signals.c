// Signal handlers in C: a handler may only set a sig_atomic_t and write() to a
// pipe. Swift code in a signal handler is not async-signal-safe (and its
// statics read garbage from one in release builds), so the handlers live here.
#define _POSIX_C_SOURCE 200809L
#include "terminal_signals.h"
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

static volatile sig_atomic_t caught = 0;
static volatile sig_atomic_t wake = -1;
static struct sigaction ncurses_resize;

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

static void on_resize(int number) {
    if (ncurses_resize.sa_flags & SA_SIGINFO) {
        if (ncurses_resize.sa_sigaction != NULL) ncurses_resize.sa_sigaction(number, NULL, NULL);
    } else if (ncurses_resize.sa_handler != SIG_DFL && ncurses_resize.sa_handler != SIG_IGN && ncurses_resize.sa_handler != NULL) {
        ncurses_resize.sa_handler(number);
    }
    wake_loop();
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
    sigaction(SIGWINCH, NULL, &ncurses_resize);
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
