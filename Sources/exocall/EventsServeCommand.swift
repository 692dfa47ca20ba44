import ArgumentParser
import CallLog
import CallLogModel
import Console
import EventReceiver
import EventServer
import FoundationEssentials
import Glibc
import Localization
import Logging
import ProcessEnvironment
import NIOCore

/// `exocall events serve`: receives Exolve's call events and writes them into the call log.
struct EventsServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive Exolve's call events over HTTP and write them into the call log.",
        discussion: """
        The first line on stdout is the full event URL to paste into Exolve's cabinet
        (application settings, «Уведомления о событиях»); its last part is a secret token
        (256 random bits, kept mode 600 in the data folder, or --token-file). Any other
        path answers 404. An event is acknowledged only once it is in the call log or,
        while the log cannot take it, in a spool on disk that is applied when it is back.
        Run it behind your HTTPS reverse proxy and give --public-url, or serve HTTPS
        itself with --tls-cert and --tls-key. GET /healthz answers on the same port, and
        GET /metrics (Prometheus) to this machine, not through a proxy (or to
        --metrics-from). SIGTERM drains and stops.

        Examples:
          exocall events serve --db postgresql://events@db.example:5432/calls
          exocall events serve --listen 0.0.0.0:8787 --public-url https://calls.example.com/exolve
          exocall events serve --listen 0.0.0.0:8443 --tls-cert fullchain.pem --tls-key privkey.pem \\
            --public-url https://calls.example.com:8443
        """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Where to listen: HOST:PORT ([::1]:8787 for IPv6; port 0 picks a free one).", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:8787"

    @Option(help: ArgumentHelp("The address Exolve reaches (https://host/prefix, your proxy's): the printed URL uses it.", valueName: "URL"))
    var publicURL: String?

    @Option(help: ArgumentHelp("The file holding the secret token (default: the data folder's event-token, made on first use).", valueName: "PATH"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Only these networks may post (repeatable; default: any). A refused sender gets 404.", valueName: "CIDR"))
    var allowFrom: [String] = []

    @Option(help: ArgumentHelp("Networks that may read /metrics besides this machine (repeatable); through a proxy, only these.", valueName: "CIDR"))
    var metricsFrom: [String] = []

    @Option(help: ArgumentHelp("The spool folder for events the log cannot take (default: the data folder's event-spool).", valueName: "PATH"))
    var spool: String?

    @Option(help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (with --tls-key), instead of plain HTTP behind a proxy.", valueName: "PATH"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "PATH"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Seconds a request's head, and then its body, may take to arrive, and a connection may stay idle, before it is cut off.", valueName: "SECONDS"))
    var deadline = 10

    @Option(help: ArgumentHelp("Connections open at once; more are closed as soon as they are accepted (counted in /metrics).", valueName: "N"))
    var maxConnections = 256

    @Option(help: ArgumentHelp("Connections open at once from one address (IPv6: one /64), so one host cannot take them all (behind a proxy, every connection is the proxy's).", valueName: "N"))
    var maxPerPeer = 64

    func run() async throws {
        let say = LanguageOption.current()
        let environment = ProcessEnvironment.variables
        guard let (host, port) = Self.address(listen) else {
            printError("exocall events serve: " + say(.serveBadListen, ["value": listen]))
            throw ExitCode(2)
        }
        for (option, value) in [("--max-connections", maxConnections), ("--max-per-peer", maxPerPeer)] where value < 1 {
            printError("exocall events serve: " + say(.serveBadConnectionLimit, ["option": option, "value": String(value)]))
            throw ExitCode(2)
        }
        var networks: [String: [CIDR]] = [:]
        for (option, texts) in [("--allow-from", allowFrom), ("--metrics-from", metricsFrom)] {
            for text in texts {
                guard let network = CIDR(text) else {
                    printError("exocall events serve: " + say(.serveBadCIDR, ["option": option, "value": text]))
                    throw ExitCode(2)
                }
                networks[option, default: []].append(network)
            }
        }
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
            printError("exocall events serve: " + say(.serveBadPublicURL, ["value": publicURL]))
            throw ExitCode(2)
        }
        var tls: ServerTLS? = nil
        switch (tlsCert, tlsKey) {
        case (nil, nil): break
        case (let certificate?, let key?):
            do { tls = try ServerTLS(certificate: certificate, key: key) } catch {
                printError("exocall events serve: " + Self.describe(error, in: say))
                throw ExitCode(2)
            }
        default:
            printError("exocall events serve: " + say(.serveTLSPair))
            throw ExitCode(2)
        }
        let data = CallLogLocation.dataDirectory(environment: environment)
        let token: String
        do { token = try EventToken.loadOrCreate(tokenFile ?? data + "/event-token") } catch {
            printError("exocall events serve: \(error)")
            throw ExitCode(1)
        }
        let queue: EventSpool
        do { queue = try EventSpool(folder: spool ?? data + "/event-spool") } catch {
            printError("exocall events serve: " + say(.serveSpoolUnusable, ["path": spool ?? data + "/event-spool", "reason": "\(error)"]))
            throw ExitCode(1)
        }
        let location = try database.resolved(command: "events serve")
        var store: (any CallLogStore)? = nil
        do { store = try await CallLogOpener.open(location, session: .receiver()) } catch {
            // Down at start: events go to the spool until it can be opened.
            printError("exocall events serve: " + say(.serveLogDown, ["reason": say.describe(error)]))
        }
        let intake = EventIntake(store: store, spool: queue, token: token)
        var logger = Logger(label: "exocall.events") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        var options = EventServer.Options(host: host, port: port, publicURL: publicURL, allowFrom: networks["--allow-from"] ?? [])
        options.metricsFrom = networks["--metrics-from"] ?? []
        options.tls = tls
        options.headDeadline = .seconds(max(1, deadline))
        options.bodyDeadline = .seconds(max(1, deadline))
        options.maxConnections = maxConnections
        options.maxPerPeer = maxPerPeer
        options.idleTimeout = .seconds(Int64(max(1, deadline) + 2)) // after the body deadline, which answers 408 first
        do {
            try await EventServer.run(intake, options: options, token: token, logger: logger,
                                      reopen: { try? await CallLogOpener.open(location, session: .receiver()) }) { url in
                Console.print(url)
                _ = Console.flushOutput()
            }
        } catch {
            printError("exocall events serve: " + say(.serveFailed, ["address": listen, "reason": "\(error)"]))
            throw ExitCode(1)
        }
        await store?.close()
    }

    /// Why the TLS files cannot serve, naming the option and the file.
    static func describe(_ problem: ServerTLS.Problem, in say: UILanguage) -> String {
        switch problem {
        case .certificate(let path, let reason): return say(.serveBadCertificate, ["path": path, "reason": reason])
        case .key(let path, let reason): return say(.serveBadKey, ["path": path, "reason": reason])
        case .mismatch(let certificate, let key): return say(.serveKeyMismatch, ["certificate": certificate, "key": key])
        }
    }

    /// `host:port` or `[v6]:port`.
    static func address(_ text: String) -> (String, Int)? {
        let host: Substring, portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        return (String(host), port)
    }
}
