#ifndef EXOCALL_SQLITE_LIBRARY_H
#define EXOCALL_SQLITE_LIBRARY_H

// SQLite's C API, from the system's libsqlite3, loaded when the first database is opened
// rather than by the dynamic loader at every start: libsqlite3's 1,600 symbol relocations
// are bound at load (it is built with BIND_NOW), about 0.7 ms that a terminal's first frame, or
// `exocall --version`, has no use for (issue #32). Only the functions exocall calls are
// provided (sqlite_library.c); each forwards to the library's own.
#include <sqlite3.h>

/// The library's file, by its soname (found as a linked library would be).
#define EXO_SQLITE_SONAME "libsqlite3.so.0"

/// Loads libsqlite3 (once; later calls return the first answer). NULL when it is
/// loaded, or why it could not be: the loader's own message, or the function it lacks.
const char *exo_sqlite_load(void);

#endif
