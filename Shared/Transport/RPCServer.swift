#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Why a server could not start.
public enum RPCServerError: Error, CustomStringConvertible {
    /// Another instance answers on the socket path.
    case alreadyRunning(socketPath: String)
    /// The socket path does not fit in `sockaddr_un` (NIO refuses paths over 103 bytes).
    case socketPathTooLong(socketPath: String)

    public var description: String {
        switch self {
        case .alreadyRunning(let path):
            return "another instance is already serving \(path); stop it first (deploy/stop) or use another LINGYAN_HOME"
        case .socketPathTooLong(let path):
            return "socket path \(path) is \(path.utf8.count) bytes, over the 103-byte limit of Unix sockets; choose a shorter LINGYAN_HOME"
        }
    }
}

/// Whether a server is serving or draining, for `system.health` to report.
public final class ServerState: Sendable {
    private let drainingFlag = Mutex(false)

    public init() {}

    /// True once a graceful stop has begun.
    public var isDraining: Bool { self.drainingFlag.withLock { $0 } }

    func beginDraining() {
        self.drainingFlag.withLock { $0 = true }
    }
}

/// A JSON-RPC server on a Unix socket, run as a swift-service-lifecycle `Service`.
///
/// `run()` binds the socket (directory 0750, socket 0660), serves until graceful shutdown, then stops accepting,
/// lets the requests in flight finish (up to the drain timeout), closes every connection and removes the socket.
/// Connections are served by a channel-handler pipeline on the event loops, which answers small requests several
/// times faster than an async-sequence loop per connection.
public final class RPCServer: Service, Sendable {
    /// Server settings taken from the configuration.
    public struct Settings: Sendable {
        public var socketPath: String
        public var maximumFrameBytes: Int
        public var maximumConnections: Int
        public var maximumRequestsInFlight: Int
        public var listenBacklog: Int
        public var idleTimeout: TimeAmount
        public var drainTimeout: TimeAmount

        public init(service: ServiceName, configuration: LingyanConfiguration) {
            self.socketPath = configuration.socketPath(for: service)
            self.maximumFrameBytes = configuration.maximumFrameBytes
            self.maximumConnections = configuration.maximumConnections
            self.maximumRequestsInFlight = configuration.maximumRequestsInFlight
            self.listenBacklog = configuration.listenBacklog
            self.idleTimeout = .seconds(Int64(configuration.idleTimeoutSeconds))
            self.drainTimeout = .seconds(Int64(configuration.drainTimeoutSeconds))
        }
    }

    private let settings: Settings
    private let router: RPCRouter
    private let roleMap: RoleMap
    private let logger: Logger
    private let group: any EventLoopGroup
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let listening: @Sendable () -> Void
    private let state: ServerState
    private let ledger: RequestLedger

    /// - Parameter ledger: where the requests being served are recorded, for the supervisor to name after a crash.
    /// - Parameter onListening: called once the socket accepts connections (readiness for supervisors and tests).
    public init(
        settings: Settings,
        router: RPCRouter,
        roleMap: RoleMap,
        logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        state: ServerState = ServerState(),
        ledger: RequestLedger = RequestLedger(),
        onListening: @escaping @Sendable () -> Void = {}
    ) {
        self.state = state
        self.ledger = ledger
        self.settings = settings
        self.router = router
        self.roleMap = roleMap
        self.logger = logger
        self.group = group
        self.listening = onListening
    }

    public func run() async throws {
        let path = self.settings.socketPath
        guard path.utf8.count <= 103 else { throw RPCServerError.socketPathTooLong(socketPath: path) }
        try Self.prepareSocketDirectory(for: path)
        if FileManager.default.fileExists(atPath: path) {
            guard !UnixSocketProbe.isAccepting(path: path) else { throw RPCServerError.alreadyRunning(socketPath: path) }
            self.logger.info("replacing a stale socket file left by an earlier run", metadata: ["socket": "\(path)"])
            unlink(path)
        }

        let serverChannel = try await self.bootstrap().bind(unixDomainSocketPath: path).get()
        chmod(path, 0o660)
        self.logger.info("listening", metadata: ["socket": "\(path)"])
        self.listening()

        // Serve until a graceful stop (SIGTERM) or cancellation.
        try? await gracefulShutdown()

        self.logger.info("stopping: no new connections, finishing requests in flight")
        self.state.beginDraining()
        try? await serverChannel.close()
        await self.drain()
        unlink(path)
        self.logger.info("stopped")
    }

    private func bootstrap() -> ServerBootstrap {
        let settings = self.settings
        let router = self.router
        let roleMap = self.roleMap
        let logger = self.logger
        let ledger = self.ledger
        return ServerBootstrap(group: self.group)
            // A burst of connections waits in the kernel's queue instead of being refused with EAGAIN.
            .serverChannelOption(.backlog, value: Int32(settings.listenBacklog))
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let accepted = self.connections.withLock { connections -> Bool in
                        guard connections.count < settings.maximumConnections else { return false }
                        connections[ObjectIdentifier(channel)] = channel
                        return true
                    }
                    let handlers = channel.pipeline.syncOperations
                    guard accepted else {
                        try handlers.addHandler(MessageToByteHandler(FrameEncoder()))
                        try handlers.addHandler(RefusingHandler(
                            error: .overloaded("the service already has \(settings.maximumConnections) connections; try again shortly")))
                        return
                    }
                    channel.closeFuture.whenComplete { _ in
                        _ = self.connections.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
                    }
                    try handlers.addHandler(IdleStateHandler(allTimeout: settings.idleTimeout))
                    try handlers.addHandler(ByteToMessageHandler(FrameDecoder(maximumFrameBytes: settings.maximumFrameBytes)))
                    try handlers.addHandler(MessageToByteHandler(FrameEncoder()))
                    try handlers.addHandler(RPCConnectionHandler(
                        router: router, roleMap: roleMap,
                        maximumRequestsInFlight: settings.maximumRequestsInFlight, ledger: ledger, logger: logger))
                }
            }
    }

    /// Tells every connection to finish what it has in flight and close; force-closes what is left at the deadline.
    private func drain() async {
        let open = self.connections.withLock { Array($0.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(DrainEvent())
        }
        let deadline = ContinuousClock.now + .nanoseconds(self.settings.drainTimeout.nanoseconds)
        for channel in open {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { break }
            _ = try? await Self.withTimeout(remaining) { try await channel.closeFuture.get() }
        }
        let stragglers = self.connections.withLock { Array($0.values) }
        if !stragglers.isEmpty {
            self.logger.warning("closing \(stragglers.count) connections whose requests did not finish in time")
            for channel in stragglers { try? await channel.close() }
        }
    }

    private static func withTimeout(_ duration: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(for: duration) }
            try await group.next()
            group.cancelAll()
        }
    }

    private static func prepareSocketDirectory(for path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o750)
    }
}

/// Answers the first thing a connection sends (or nothing, right away) with one error, then closes: the reply to a
/// connection over the limit.
final class RefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let error: RPCError

    init(error: RPCError) {
        self.error = error
    }

    func channelActive(context: ChannelHandlerContext) {
        let response = RPCResponseWriter.failure(id: .null, error: self.error)
        context.writeAndFlush(Self.wrapOutboundOut(context.channel.allocator.buffer(bytes: response)))
            .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
