import ArgumentParser
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import Shared

/// What a service's build function is given.
public struct ServiceContext: Sendable {
    /// Which service is being built.
    public let service: ServiceName
    /// The loaded configuration.
    public let configuration: LingyanConfiguration
    /// "Now" (`LINGYAN_NOW` aware).
    public let clock: LingyanClock
    /// The service's logger.
    public let logger: Logger

    public init(service: ServiceName, configuration: LingyanConfiguration, clock: LingyanClock, logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// `data/<service>.sqlite`.
    public var databasePath: String { self.configuration.databasePath(for: self.service) }
}

/// What a service's build function returns: its methods, its database and its background work.
public struct ServiceParts: Sendable {
    /// The service's own methods (health and discover are added by the host).
    public var router: RPCRouter
    /// The database file, for the size that `system.health` reports.
    public var databasePath: String
    /// The service's change feed, if it keeps one.
    public var feed: ChangeFeed?
    /// Long-running work beside the server: feed consumers, timers.
    public var background: [any Service]

    public init(router: RPCRouter, databasePath: String, feed: ChangeFeed?, background: [any Service] = []) {
        self.router = router
        self.databasePath = databasePath
        self.feed = feed
        self.background = background
    }
}

/// The command-line options every service executable takes.
public struct ServiceOptions: ParsableArguments {
    @Option(name: .long, help: "The Lingyan home directory (default: $LINGYAN_HOME, else ./var).")
    public var home: String?

    public init() {}
}

/// Start-up and shutdown shared by the four service executables.
public enum ServiceHost {
    /// Builds the service group that runs a service: its socket server (with `system.health` and `rpc.discover`
    /// added) and its background work. The executables and the tests both call this.
    public static func makeServiceGroup(
        context: ServiceContext,
        parts: ServiceParts,
        onListening: @escaping @Sendable () -> Void = {}
    ) -> ServiceGroup {
        var router = parts.router
        let startedAt = Date()
        let started = ContinuousClock.now
        let feed = parts.feed
        let databaseSize = DatabaseSizeGauge(path: parts.databasePath)
        let service = context.service
        let startedAtText = Timestamp.string(from: startedAt)
        let pid = getpid()
        let serverState = ServerState()
        router.registerInline(CommonInterface.Health.self) { _, _ in
            CommonInterface.Health.Result(
                service: service.rawValue, version: LingyanVersion.current,
                status: serverState.isDraining ? "draining" : "ok", pid: pid,
                uptimeSeconds: (ContinuousClock.now - started).components.seconds,
                feedHead: feed?.signal.head, databaseSizeBytes: databaseSize.current(),
                startedAt: startedAtText)
        }
        let methods = (router.methodDescriptions + [CommonInterface.MethodDescription(CommonInterface.Discover.self)])
            .sorted { $0.name < $1.name }
        router.registerInline(CommonInterface.Discover.self) { _, _ in
            CommonInterface.Discover.Result(service: service.rawValue, methods: methods)
        }
        let server = RPCServer(
            settings: .init(service: context.service, configuration: context.configuration),
            router: router,
            roleMap: RoleMap(configuration: context.configuration.roles),
            logger: context.logger,
            state: serverState,
            ledger: RequestLedger(path: context.configuration.requestLedgerPath(for: context.service)),
            onListening: onListening)
        return ServiceGroup(
            services: [server] + parts.background,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: context.logger)
    }

    /// Runs a service executable to completion: loads the configuration, takes the instance lock, builds, serves
    /// until SIGTERM, and exits 0 after a clean stop. Start-up failures print one clear line and exit non-zero
    /// (78 for a bad configuration, 75 when another instance is running, 70 otherwise).
    public static func run(
        _ service: ServiceName,
        options: ServiceOptions,
        build: @Sendable (ServiceContext) async throws -> ServiceParts
    ) async throws {
        let configuration: LingyanConfiguration
        let clock: LingyanClock
        do {
            configuration = try LingyanConfiguration.load(homeOverride: options.home)
            clock = try LingyanClock.fromEnvironment()
        } catch {
            Self.fail(service, "\(error)")
            throw ExitCode(78)
        }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { _ in JSONLogHandler(service: service.rawValue, level: level) }
        let logger = Logger(label: "lingyan.\(service.rawValue)")

        let lock: InstanceLock
        do {
            lock = try InstanceLock(path: configuration.pidPath(for: service))
        } catch {
            Self.fail(service, "\(error)")
            throw ExitCode(75)
        }
        defer { lock.release() }

        let context = ServiceContext(service: service, configuration: configuration, clock: clock, logger: logger)
        do {
            let parts = try await build(context)
            let group = Self.makeServiceGroup(context: context, parts: parts)
            logger.info("starting", metadata: ["version": "\(LingyanVersion.current)", "home": "\(configuration.home)"])
            try await group.run()
        } catch let error as RPCServerError {
            Self.fail(service, "\(error)")
            throw ExitCode(75)
        } catch let error as StartupConfigurationError {
            Self.fail(service, error.description)
            throw ExitCode(78)
        } catch {
            Self.fail(service, "\(error)")
            throw ExitCode(70)
        }
    }

    private static func fail(_ service: ServiceName, _ message: String) {
        StandardStream.error("\(service.executableName): \(message)\n")
    }
}

/// A build function's refusal of a configuration file it reads itself (a letter template, say): the service
/// exits 78, as for a bad setting, naming the file and what is wrong.
public struct StartupConfigurationError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
