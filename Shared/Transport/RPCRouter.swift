import Foundation
import Logging

/// What a handler knows about the call it serves.
public struct RPCCallContext: Sendable {
    /// The connected peer, from `SO_PEERCRED`.
    public var peer: Peer
    /// The peer's role, already checked against the method's access.
    public var role: Role
    /// Who to record as the author of any change this call makes.
    public var actor: CommonInterface.Actor
    /// The connection's logger, with the peer and request id as metadata.
    public var logger: Logger

    public init(peer: Peer, role: Role, actor: CommonInterface.Actor, logger: Logger) {
        self.peer = peer
        self.role = role
        self.actor = actor
        self.logger = logger
    }
}

/// Maps method names to handlers, checks access, decodes params and encodes results.
///
/// Handlers come in three kinds, by what they do while they run:
/// - *inline* handlers neither block nor wait (health, discover, an in-memory value) and run on the connection's
///   event loop, with no thread hop at all;
/// - *blocking* handlers do synchronous work such as a SQLite query or commit, and run on a thread pool, one hop
///   there and one back, so they never stall other connections;
/// - *async* handlers wait for something else (a long poll, another service) and run as tasks.
public struct RPCRouter: Sendable {
    /// A registered method, type-erased.
    struct Route: Sendable {
        enum Body: Sendable {
            case inline(@Sendable (RPCParams, RPCCallContext) throws -> any Encodable & Sendable)
            case blocking(@Sendable (RPCParams, RPCCallContext) throws -> any Encodable & Sendable)
            case async(@Sendable (RPCParams, RPCCallContext) async throws -> any Encodable & Sendable)
        }

        let description: CommonInterface.MethodDescription
        let access: MethodAccess
        let body: Body
    }

    /// The service these routes belong to.
    public let service: ServiceName
    private(set) var routes: [String: Route] = [:]

    public init(service: ServiceName) {
        self.service = service
    }

    /// Registers an `async` handler for a declared method.
    public mutating func register<M: RPCMethod>(
        _ method: M.Type,
        _ handler: @escaping @Sendable (M.Params, RPCCallContext) async throws -> M.Result
    ) {
        self.routes[M.name] = Route(
            description: CommonInterface.MethodDescription(method), access: M.access,
            body: .async { params, context in try await handler(try params.decode(M.Params.self), context) })
    }

    /// Registers a handler that runs on the event loop. It must not block.
    public mutating func registerInline<M: RPCMethod>(
        _ method: M.Type,
        _ handler: @escaping @Sendable (M.Params, RPCCallContext) throws -> M.Result
    ) {
        self.routes[M.name] = Route(
            description: CommonInterface.MethodDescription(method), access: M.access,
            body: .inline { params, context in try handler(try params.decode(M.Params.self), context) })
    }

    /// Registers a handler that does blocking work (SQLite); it runs on the thread pool.
    public mutating func registerBlocking<M: RPCMethod>(
        _ method: M.Type,
        _ handler: @escaping @Sendable (M.Params, RPCCallContext) throws -> M.Result
    ) {
        self.routes[M.name] = Route(
            description: CommonInterface.MethodDescription(method), access: M.access,
            body: .blocking { params, context in try handler(try params.decode(M.Params.self), context) })
    }

    /// Every registered method's description, sorted by name: the body of `rpc.discover`.
    public var methodDescriptions: [CommonInterface.MethodDescription] {
        self.routes.values.map(\.description).sorted { $0.name < $1.name }
    }

    /// Names of the registered methods.
    public var methodNames: Set<String> { Set(self.routes.keys) }
}
