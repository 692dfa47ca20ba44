#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// Hidden: these definitions are exocall's alone. Exported, they would stand in for
// libsqlite3's own functions when it calls itself, and call themselves forever.
#pragma GCC visibility push(hidden)
#include "sqlite_library.h"
#pragma GCC visibility pop

// Every SQLite function exocall calls: its result, name, parameters, arguments, and what it
// answers before the library is loaded (unreachable: a connection is opened first, and
// opening loads it; an answer that reads as a failure all the same).
#define EXO_SQLITE_FUNCTIONS(X) \
    X(int, sqlite3_open_v2, (const char *filename, sqlite3 **db, int flags, const char *vfs), (filename, db, flags, vfs), SQLITE_CANTOPEN) \
    X(int, sqlite3_close_v2, (sqlite3 *db), (db), SQLITE_MISUSE) \
    X(int, sqlite3_exec, (sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *context, char **message), (db, sql, callback, context, message), SQLITE_MISUSE) \
    X(int, sqlite3_extended_errcode, (sqlite3 *db), (db), SQLITE_MISUSE) \
    X(const char *, sqlite3_errmsg, (sqlite3 *db), (db), "SQLite is not loaded") \
    X(const char *, sqlite3_errstr, (int code), (code), "SQLite is not loaded") \
    X(int, sqlite3_extended_result_codes, (sqlite3 *db, int on), (db, on), SQLITE_MISUSE) \
    X(int, sqlite3_busy_timeout, (sqlite3 *db, int milliseconds), (db, milliseconds), SQLITE_MISUSE) \
    X(int, sqlite3_changes, (sqlite3 *db), (db), 0) \
    X(sqlite3_int64, sqlite3_last_insert_rowid, (sqlite3 *db), (db), 0) \
    X(int, sqlite3_get_autocommit, (sqlite3 *db), (db), 1) \
    X(int, sqlite3_prepare_v3, (sqlite3 *db, const char *sql, int bytes, unsigned int flags, sqlite3_stmt **statement, const char **tail), (db, sql, bytes, flags, statement, tail), SQLITE_MISUSE) \
    X(int, sqlite3_step, (sqlite3_stmt *statement), (statement), SQLITE_MISUSE) \
    X(int, sqlite3_reset, (sqlite3_stmt *statement), (statement), SQLITE_MISUSE) \
    X(int, sqlite3_clear_bindings, (sqlite3_stmt *statement), (statement), SQLITE_MISUSE) \
    X(int, sqlite3_finalize, (sqlite3_stmt *statement), (statement), SQLITE_MISUSE) \
    X(int, sqlite3_bind_null, (sqlite3_stmt *statement, int index), (statement, index), SQLITE_MISUSE) \
    X(int, sqlite3_bind_int64, (sqlite3_stmt *statement, int index, sqlite3_int64 value), (statement, index, value), SQLITE_MISUSE) \
    X(int, sqlite3_bind_double, (sqlite3_stmt *statement, int index, double value), (statement, index, value), SQLITE_MISUSE) \
    X(int, sqlite3_bind_text, (sqlite3_stmt *statement, int index, const char *value, int bytes, void (*destructor)(void *)), (statement, index, value, bytes, destructor), SQLITE_MISUSE) \
    X(int, sqlite3_bind_blob, (sqlite3_stmt *statement, int index, const void *value, int bytes, void (*destructor)(void *)), (statement, index, value, bytes, destructor), SQLITE_MISUSE) \
    X(int, sqlite3_column_count, (sqlite3_stmt *statement), (statement), 0) \
    X(const char *, sqlite3_column_name, (sqlite3_stmt *statement, int column), (statement, column), "") \
    X(int, sqlite3_column_type, (sqlite3_stmt *statement, int column), (statement, column), SQLITE_NULL) \
    X(sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt *statement, int column), (statement, column), 0) \
    X(double, sqlite3_column_double, (sqlite3_stmt *statement, int column), (statement, column), 0) \
    X(const unsigned char *, sqlite3_column_text, (sqlite3_stmt *statement, int column), (statement, column), NULL) \
    X(const void *, sqlite3_column_blob, (sqlite3_stmt *statement, int column), (statement, column), NULL) \
    X(int, sqlite3_column_bytes, (sqlite3_stmt *statement, int column), (statement, column), 0)

#define EXO_POINTER(result, name, parameters, arguments, unloaded) static __typeof__(&name) library_##name;
EXO_SQLITE_FUNCTIONS(EXO_POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char problem[512];

static void load(void) {
    void *library = dlopen(EXO_SQLITE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(problem, sizeof problem, "%s", why != NULL ? why : EXO_SQLITE_SONAME ": cannot be loaded");
        return;
    }
#define EXO_LOOK_UP(result, name, parameters, arguments, unloaded) \
    library_##name = (__typeof__(&name))dlsym(library, #name); \
    if (library_##name == NULL) { \
        snprintf(problem, sizeof problem, "%s has no %s (SQLite is too old)", EXO_SQLITE_SONAME, #name); \
        return; \
    }
    EXO_SQLITE_FUNCTIONS(EXO_LOOK_UP)
    __atomic_store_n(&loaded, 1, __ATOMIC_RELEASE);
}

const char *exo_sqlite_load(void) {
    pthread_once(&once, load);
    return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE) ? NULL : problem;
}

#define EXO_FORWARD(result, name, parameters, arguments, unloaded) \
    result name parameters { \
        if (!__atomic_load_n(&loaded, __ATOMIC_ACQUIRE)) return unloaded; \
        return library_##name arguments; \
    }
EXO_SQLITE_FUNCTIONS(EXO_FORWARD)
