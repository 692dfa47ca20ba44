// swift-tools-version:6.0
import PackageDescription

/// The package's own folder (for exocall's linker script, Sources/exocall/Link).
let packageFolder = String(#filePath.dropLast("Package.swift".count))

/// exocall: a terminal client for the MTS Exolve MakeCallback API.
/// The module layout follows ../shared/DESIGN.md: a pure core, an HTTP client,
/// a local stand-in server, a SQLite call log, and thin front ends on top.
/// Linux only: the terminal layer uses Glibc and ncursesw's Linux headers.
let package = Package(
    name: "exocall",
    products: [
        .executable(name: "exocall", targets: ["exocall"]),
        .library(name: "CallbackCore", targets: ["CallbackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "CallbackCore", dependencies: ["Localization"]),
        // Exolve's callback call events: the parser (the spec's rulings), each leg's state and the
        // call's result derived from a set of events. Pure: the receiver, the log and the views use it.
        .target(name: "CallEvents", dependencies: ["CallbackCore", "Localization"]),
        // The event receiver's logic (the secret path, the body's rules, the durable spool, the
        // metrics), apart from the HTTP server that carries it.
        .target(name: "EventReceiver", dependencies: ["CallEvents", "CallLogModel", "CallbackCore", "ProcessEnvironment"]),
        // `exocall events serve`: the receiver on SwiftNIO's HTTP/1 server (bounded reads, deadlines, graceful
        // drain on SIGTERM through swift-service-lifecycle, a log line per request without the token).
        // Hummingbird served it before; its URL-encoded form coder linked Foundation's Objective-C layer and ICU.
        .target(name: "EventServer", dependencies: [
            "EventReceiver", "CallEvents", "CallLogModel", "CallbackCore", "Localization",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOExtras", package: "swift-nio-extras"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),        // The one message catalog, in English and Russian, with the plural rule and the language choice.
        .target(name: "Localization", exclude: ["Glossary.md"]),
        // The environment, the home folder, paths, atomic writes and a thread, without Foundation's
        // ProcessInfo (0.4 ms at start) or its Objective-C layer (ICU behind it, issue #32).
        .target(name: "ProcessEnvironment"),
        // The one entry to TOML parsing: text the parser underneath cannot survive never reaches it.
        .target(name: "SafeTOML", dependencies: ["Localization", "ProcessEnvironment", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The client's value types and rules (keys, endpoints, outcomes, config, profiles,
        // templates): no networking, so the pure front-end core can use them.
        .target(name: "ExolveModel", dependencies: [
            "CallbackCore",
            "Localization",
            "ProcessEnvironment",
            "SafeTOML",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "ExolveClient", dependencies: [
            "ExolveModel",
            "CallbackCore",
            "Localization",
            "ProcessEnvironment",
            // The HTTP client: linked in, started on the first request, no libcurl.
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "ExolveStub", dependencies: [
            "CallbackCore",
            "Localization",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // The call log's values (entries, filters, the repeat guard's rule) and the store
        // contract: no database library, so the pure front-end core can use them.
        .target(name: "CallLogModel", dependencies: ["CallbackCore", "CallEvents", "Localization", "ProcessEnvironment", "ExolveModel"]),
        // The SQLite backend, the logged sender, and CallLogOpener (which opens either backend).
        .target(name: "CallLog", dependencies: [
            "CallLogModel",
            "CallEvents",
            "CallLogPostgres",
            "CallbackCore",
            "Localization",
            "ProcessEnvironment",
            "ExolveClient",
            // SQLite's C API, loaded with the first database (not GRDB: it links Foundation's
            // Objective-C layer and ICU's 34 MB of tables into exocall, issue #32).
            "CSQLite",
        ]),
        // The system's libsqlite3, loaded when the first database is opened instead of at every
        // start (its 1,600 symbol relocations are bound at load: about 0.7 ms before a first frame, issue #32).
        .target(name: "CSQLite", cSettings: [.unsafeFlags(["-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-O2"])]),
        // The team log: the same store contract on a shared PostgreSQL database.
        // It links no GRDB: the team log needs only the model and the contract.
        .target(name: "CallLogPostgres", dependencies: [
            "CallLogModel",
            "CallEvents",
            "ExolveModel",
            "Localization",
            "ProcessEnvironment",
            "CallbackCore",
            "ExolveClient",
            "PostgresWire",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // exocall's PostgreSQL client: protocol 3.0 over SwiftNIO, TLS, password/md5/SCRAM-SHA-256
        // sign-in, LISTEN, a pool. PostgresNIO linked Foundation's Objective-C layer and ICU (issue #32).
        .target(name: "PostgresWire", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // A throwaway PostgreSQL cluster in a temporary folder, for tests and the benchmark.
        .target(name: "TestPostgres"),
        // Tests' way to the cluster: skipped with the reason without PostgreSQL, failed under CI.
        .target(name: "PostgresTestSupport", dependencies: ["TestPostgres"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // Embeds themes/*.toml into Theming: each file, and each theme resolved by ThemeFormat.
        .executableTarget(name: "theme-embedder", dependencies: ["ThemeFormat"]),
        .plugin(name: "EmbedThemesPlugin", capability: .buildTool(), dependencies: ["theme-embedder"],
                path: "Sources/EmbedThemesPlugin"),
        // Themes: roles, colours, the theme file's rules, inheritance and the library.
        .target(name: "ThemeFormat", dependencies: ["SafeTOML", "ProcessEnvironment", "Localization", .product(name: "TOMLKit", package: "TOMLKit")]),
        // ThemeFormat with the bundled themes built in (text, and resolved at build time).
        .target(name: "Theming", dependencies: ["ThemeFormat"], plugins: ["EmbedThemesPlugin"]),
        // The pure front-end core: state, actions, update, views, the key table. No I/O.
        .target(name: "TUI", dependencies: ["CallbackCore", "CallEvents", "Localization", "ExolveModel", "CallLogModel", "Theming"]),
        // Runs the core's effects (files, the call log, HTTP, the clock) and feeds results back as actions.
        .target(name: "TUIRuntime", dependencies: ["TUI", "CallEvents", "Localization", "ProcessEnvironment", "SafeTOML", "CallbackCore", "CallLog", "CallLogPostgres", "ExolveClient"]),
        // Stack protector and fortified libc calls for exocall's own C (issue #32).
        .target(name: "CTerminalSignals", cSettings: [.unsafeFlags(["-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-O2"])]),
        // Writes to the terminal and pipes that never trap when the other end is gone.
        .target(name: "Console"),
        .target(name: "TUINcurses", dependencies: ["TUI", "Localization", "ProcessEnvironment", "Theming", "CNcursesw", "CTerminalSignals", "Console"]),
        .executableTarget(name: "exocall", dependencies: [
            "CallbackCore",
            "CallEvents",
            "EventReceiver",
            "EventServer",
            "Localization",
            "ProcessEnvironment",
            "ExolveClient",
            "ExolveStub",
            "CallLog",
            "CallLogPostgres",
            "TUI",
            "TUIRuntime",
            "TUINcurses",
            "Theming",
            "Console",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Link"], linkerSettings: [
            // How exocall starts in a few milliseconds (BENCHMARKS.md, issue #19):
            // - the Swift runtime and Foundation linked in (-static-stdlib, plus the libraries
            //   static Foundation needs): the loader maps 8 libraries instead of 24;
            // - no exported symbols (static-stdlib exports every one, and the runtime's dladdr at
            //   start then searches them all): -2.8 ms;
            // Hardened (issue #32): position-independent, so ASLR moves exocall's own image too, and
            // full RELRO with BIND_NOW, so the relocated tables are read-only before main runs.
            // A millisecond of relocations at start is not traded for that; ElfHardeningTests checks it.
            // - the C++ runtime linked in as well: Link/libstdc++.so is a linker script naming the
            //   static archive, found before the shared library (-L applies to every -l), so the
            //   loader no longer maps and relocates libstdc++.so at each start: about 1 ms.
            .unsafeFlags([
                "-L", packageFolder + "Sources/exocall/Link",
                "-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                "-lswiftSynchronization", "-Xlinker", "--no-export-dynamic",
                "-Xclang-linker", "-pie", "-Xlinker", "-z", "-Xlinker", "relro", "-Xlinker", "-z", "-Xlinker", "now",
            ]),
        ]),
        .testTarget(name: "CallbackCoreTests", dependencies: ["CallbackCore", "Localization"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "PostgresWireTests", dependencies: ["PostgresWire", "PostgresTestSupport", "TestPostgres", "CallLog",
                                                             .product(name: "NIOCore", package: "swift-nio"),
                                                             .product(name: "NIOSSL", package: "swift-nio-ssl")]),
        .testTarget(name: "ProcessEnvironmentTests", dependencies: ["ProcessEnvironment"]),
        .testTarget(name: "CallEventsTests", dependencies: ["CallEvents", "CallLogModel", "CallbackCore", "Localization"]),
        .testTarget(name: "EventReceiverTests", dependencies: [
            "EventReceiver", "EventServer", "CallEvents", "CallLog", "CallLogModel", "CallbackCore", "ExolveClient",
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .testTarget(name: "ExolveClientTests", dependencies: [
            "ExolveClient", "ExolveStub", "CallbackCore", "HostileHTTP", "ProcessEnvironment", .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .testTarget(name: "CallLogTests", dependencies: [
            "CallLog", "CallLogPostgres", "CallEvents", "TestPostgres", "PostgresTestSupport", "ExolveClient", "ExolveStub", "CallbackCore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ThemingTests", dependencies: ["Theming"]),
        .testTarget(name: "FuzzTests", dependencies: ["CallbackCore", "CallEvents", "ExolveClient", "Theming", "TUI", "SafeTOML", "CallLog",
                                                    .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "CallEvents", "Localization", "CallbackCore", "CallLog", "ExolveClient"], exclude: ["Snapshots"]),
        .testTarget(name: "TUIRuntimeTests", dependencies: ["TUIRuntime", "CallEvents", "Localization", "TUI", "CallLog", "CallLogPostgres", "TestPostgres", "PostgresTestSupport", "ExolveClient", "ExolveStub", "CallbackCore", "HostileHTTP"]),
        .testTarget(name: "TUINcursesTests", dependencies: ["TUINcurses", "TUI", "Theming", "CallbackCore"]),
        .target(name: "TmuxKit"),
        // A scripted raw HTTP server for hostile-server tests (used by tests only).
        .target(name: "HostileHTTP"),
        .executableTarget(name: "exocall-bench", dependencies: ["TmuxKit", "CallLog", "CallLogModel", "CallLogPostgres", "CallEvents", "TestPostgres", "CallbackCore", "ExolveClient", "TUI",
                                                              .product(name: "GRDB", package: "GRDB.swift")]),
        // The two suites that drive the exocall binary find it beside the test bundle; they do
        // not depend on its target, whose static-runtime linker flags would reach the test bundle.
        .testTarget(name: "TUIEndToEndTests", dependencies: [
            "TmuxKit", "ExolveStub", "TestPostgres", "PostgresTestSupport", "CallLog", "CallLogPostgres", "ExolveClient", "CallbackCore",
        ]),
        .testTarget(name: "ExocallCLITests", dependencies: [
            "CallbackCore", "CallEvents", "ExolveStub", "CallLog", "CallLogPostgres", "TestPostgres", "PostgresTestSupport", "HostileHTTP", "TmuxKit",
        ]),
    ]
)

// exocall's own modules see only the members of modules they import: Swift's transitive
// extension lookup let Foundation's Objective-C `String` methods (and ICU behind them) into
// files that import FoundationEssentials only (issue #32).
let ownModules: Set<String> = [
    "CallbackCore", "CallEvents", "EventReceiver", "EventServer", "Localization", "ProcessEnvironment", "SafeTOML", "ExolveModel",
    "ExolveClient", "ExolveStub", "CallLogModel", "CallLog", "CallLogPostgres", "ThemeFormat", "Theming", "TUI", "TUIRuntime", "Console", "TUINcurses",
    "exocall",
]
// Their generic types' metadata is reached directly, never by demangling a name at run time
// (issue #32). A name's demangling checks the type's conformances (a `Dictionary<Role, Look>`
// needs `Role: Hashable`), and each conformance's first check reads all ~5,900 conformance
// records in the binary: 20 such checks came before the first frame, 7 with this flag (2
// once the first frame's own code avoided the rest), and the first frame came about 1 ms
// sooner (BENCHMARKS.md, session 18). About 50 KB of code.
// (-prespecialize-generic-metadata was faster still, but crashed: Mutex's value witness
// called itself until the stack ran out.)
// A package cannot set this on its dependencies, and a specialization that a dependency and
// exocall both make is linked from the first object alphabetically (ArgumentParser's): the
// shipped build, .ci/build-release, gives it to every module on the command line.
for target in package.targets where ownModules.contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("MemberImportVisibility"),
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    ]
}
