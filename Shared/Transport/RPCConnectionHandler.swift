import Logging
import NIOCore
import NIOPosix

/// Sent down every connection's pipeline when the server begins a graceful stop.
struct DrainEvent: Sendable {}

/// Serves one connection: reads frame payloads, answers JSON-RPC requests (in any order, matched by id),
/// enforces the in-flight limit, and closes cleanly on a bad frame, idleness or drain.
///
/// Nothing here throws out of the pipeline: a bad peer costs that peer its connection, never the process.
final class RPCConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: RPCRouter
    private let roleMap: RoleMap
    private let maximumRequestsInFlight: Int
    private let ledger: RequestLedger
    private var logger: Logger
    private var peer: Peer?
    private var role: Role?
    private var requestsInFlight = 0
    private var draining = false
    private var inputClosed = false

    init(router: RPCRouter, roleMap: RoleMap, maximumRequestsInFlight: Int, ledger: RequestLedger, logger: Logger) {
        self.router = router
        self.ledger = ledger
        self.roleMap = roleMap
        self.maximumRequestsInFlight = maximumRequestsInFlight
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        // On the event loop the option is read synchronously, so the peer is known before the first frame.
        Peer.read(from: context.channel).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let peer):
                self.peer = peer
                self.role = self.roleMap.role(of: peer)
                self.logger[metadataKey: "peer.uid"] = "\(peer.uid)"
                self.logger[metadataKey: "peer.pid"] = "\(peer.pid)"
                if self.role == nil {
                    // No personal data here: the uid and pid are all we log about a refused peer.
                    self.logger.notice("peer is not in the role map; its calls will be refused")
                }
            case .failure(let error):
                self.logger.warning("cannot read peer credentials: \(error)")
            }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let payload = Self.unwrapInboundIn(data)
        switch RPCMessageParser.parse(payload.readableBytesView) {
        case .rejected(let error):
            self.write(RPCResponseWriter.failure(id: .null, error: error), context: context)
        case .single(let entry):
            self.serve(entry, context: context)
        case .batch(let entries):
            self.serve(batch: entries, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is DrainEvent:
            self.draining = true
            self.closeIfQuiet(context: context)
        case is IdleStateHandler.IdleStateEvent:
            if self.requestsInFlight == 0 {
                self.logger.debug("closing idle connection")
                context.close(promise: nil)
            }
        case ChannelEvent.inputClosed:
            // The peer will send nothing more; answer what is in flight, then close.
            self.inputClosed = true
            self.closeIfQuiet(context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let frameError = error as? FrameError {
            self.logger.info("closing connection after a bad frame: \(frameError.reason)")
            let response = RPCResponseWriter.failure(id: .null, error: .invalidRequest(frameError.reason))
            let buffer = context.channel.allocator.buffer(bytes: response)
            context.writeAndFlush(Self.wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        } else {
            self.logger.debug("connection error: \(error)")
            context.close(promise: nil)
        }
    }

    // MARK: Serving

    private func serve(_ entry: RPCEntry, context: ChannelHandlerContext) {
        switch entry {
        case .invalid(let error, let id):
            self.write(RPCResponseWriter.failure(id: id, error: error), context: context)
        case .request(let request):
            switch self.admit(request) {
            case .refused(let error):
                if let id = request.id { self.write(RPCResponseWriter.failure(id: id, error: error), context: context) }
            case .inline(let body, let callContext):
                let response = Self.respond(to: request, ledger: self.ledger) { try body(request.params, callContext) }
                if let response { self.write(response, context: context) }
            case .blocking(let body, let callContext):
                let overload = request.id.map { RPCResponseWriter.failure(id: $0, error: Self.overloaded(self.maximumRequestsInFlight)) }
                let ledger = self.ledger
                self.runInFlight(context: context, overloadResponse: overload) { eventLoop in
                    NIOThreadPool.singleton.runIfActive(eventLoop: eventLoop) {
                        Self.respond(to: request, ledger: ledger) { try body(request.params, callContext) }.map { [$0] } ?? []
                    }
                }
            case .async(let body, let callContext):
                let overload = request.id.map { RPCResponseWriter.failure(id: $0, error: Self.overloaded(self.maximumRequestsInFlight)) }
                let ledger = self.ledger
                self.runInFlight(context: context, overloadResponse: overload) { eventLoop in
                    let promise = eventLoop.makePromise(of: [[UInt8]].self)
                    promise.completeWithTask {
                        await Self.respond(to: request, ledger: ledger) { try await body(request.params, callContext) }.map { [$0] } ?? []
                    }
                    return promise.futureResult
                }
            }
        }
    }

    private func serve(batch entries: [RPCEntry], context: ChannelHandlerContext) {
        // A batch counts as one request in flight; its entries run in order, and only the answers to
        // non-notifications are sent back, as one array (none at all if every entry was a notification).
        let admitted: [(RPCEntry, Admission?)] = entries.map { entry in
            if case .request(let request) = entry { return (entry, self.admit(request)) }
            return (entry, nil)
        }
        let refusals = entries.compactMap { entry -> [UInt8]? in
            guard case .request(let request) = entry, let id = request.id else { return nil }
            return RPCResponseWriter.failure(id: id, error: Self.overloaded(self.maximumRequestsInFlight))
        }
        let overload = refusals.isEmpty ? nil : RPCResponseWriter.batch(refusals)
        let ledger = self.ledger
        self.runInFlight(context: context, overloadResponse: overload) { eventLoop in
            let promise = eventLoop.makePromise(of: [[UInt8]].self)
            promise.completeWithTask { await Self.run(admitted, ledger: ledger) }
            return promise.futureResult
        }
    }

    /// Runs a batch's entries in order and collects the answers to its non-notifications.
    private static func run(_ admitted: [(RPCEntry, Admission?)], ledger: RequestLedger) async -> [[UInt8]] {
            var responses: [[UInt8]] = []
            for (entry, admission) in admitted {
                switch (entry, admission) {
                case (.invalid(let error, let id), _):
                    responses.append(RPCResponseWriter.failure(id: id, error: error))
                case (.request(let request), .refused(let error)?):
                    if let id = request.id { responses.append(RPCResponseWriter.failure(id: id, error: error)) }
                case (.request(let request), .inline(let body, let callContext)?):
                    if let response = Self.respond(to: request, ledger: ledger, { try body(request.params, callContext) }) {
                        responses.append(response)
                    }
                case (.request(let request), .blocking(let body, let callContext)?):
                    let response = try? await NIOThreadPool.singleton.runIfActive {
                        Self.respond(to: request, ledger: ledger) { try body(request.params, callContext) }
                    }
                    if let response { responses.append(response) }
                case (.request(let request), .async(let body, let callContext)?):
                    if let response = await Self.respond(to: request, ledger: ledger, { try await body(request.params, callContext) }) {
                        responses.append(response)
                    }
                case (.request, nil):
                    break
                }
            }
            return responses.isEmpty ? [] : [RPCResponseWriter.batch(responses)]
    }

    private enum Admission {
        case refused(RPCError)
        case inline(@Sendable (RPCParams, RPCCallContext) throws -> any Encodable & Sendable, RPCCallContext)
        case blocking(@Sendable (RPCParams, RPCCallContext) throws -> any Encodable & Sendable, RPCCallContext)
        case async(@Sendable (RPCParams, RPCCallContext) async throws -> any Encodable & Sendable, RPCCallContext)
    }

    /// Routing and access control, decided on the event loop before any work is scheduled.
    private func admit(_ request: RPCRequest) -> Admission {
        guard let route = self.router.routes[request.method] else {
            return .refused(.methodNotFound(request.method))
        }
        guard let peer = self.peer, let role = self.role else {
            let uid = self.peer.map { String($0.uid) } ?? "unknown"
            return .refused(.forbidden("uid \(uid) has no role on this service; ask an administrator to add it to the role map"))
        }
        guard route.access.allows(role) else {
            return .refused(.forbidden("role \(role.rawValue) may not call \(request.method)"))
        }
        // Health still answers while draining, so a supervisor can see the stop in progress.
        if self.draining && request.method != CommonInterface.Health.name {
            return .refused(.unavailable("the service is shutting down"))
        }
        let actor = CommonInterface.Actor(
            uid: peer.uid, user: peer.userName, pid: peer.pid,
            operator: request.meta?.operator, requestId: request.meta?.requestId)
        var logger = self.logger
        if let requestId = actor.requestId { logger[metadataKey: "request.id"] = "\(requestId)" }
        let callContext = RPCCallContext(peer: peer, role: role, actor: actor, logger: logger)
        switch route.body {
        case .inline(let body): return .inline(body, callContext)
        case .blocking(let body): return .blocking(body, callContext)
        case .async(let body): return .async(body, callContext)
        }
    }

    /// Starts `work` (on the thread pool or as a task), counted against the in-flight limit, then writes what it
    /// produced back on the event loop.
    private func runInFlight(
        context: ChannelHandlerContext,
        overloadResponse: [UInt8]?,
        _ work: (any EventLoop) -> EventLoopFuture<[[UInt8]]>
    ) {
        guard self.requestsInFlight < self.maximumRequestsInFlight else {
            if let overloadResponse { self.write(overloadResponse, context: context) }
            return
        }
        self.requestsInFlight += 1
        work(context.eventLoop).assumeIsolated().whenComplete { result in
            self.requestsInFlight -= 1
            if case .success(let responses) = result {
                for response in responses { self.write(response, context: context) }
            }
            self.closeIfQuiet(context: context)
        }
    }

    private func closeIfQuiet(context: ChannelHandlerContext) {
        if (self.draining || self.inputClosed) && self.requestsInFlight == 0 {
            context.close(promise: nil)
        }
    }

    private func write(_ response: [UInt8], context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: response)
        context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
    }

    // MARK: Answers

    private static func overloaded(_ limit: Int) -> RPCError {
        .overloaded("more than \(limit) requests in flight on one connection; wait for answers before sending more")
    }

    /// Runs a handler, recorded in the ledger while it runs, and encodes its answer; nil for a notification,
    /// which is never answered.
    private static func respond(
        to request: RPCRequest,
        ledger: RequestLedger,
        _ body: () throws -> any Encodable & Sendable
    ) -> [UInt8]? {
        let outcome: Result<any Encodable & Sendable, any Error> = ledger.recording(request) { Result { try body() } }
        return Self.encode(outcome, for: request)
    }

    private static func respond(
        to request: RPCRequest,
        ledger: RequestLedger,
        _ body: () async throws -> any Encodable & Sendable
    ) async -> [UInt8]? {
        let outcome: Result<any Encodable & Sendable, any Error> = await ledger.recording(request) {
            do { return .success(try await body()) } catch { return .failure(error) }
        }
        return Self.encode(outcome, for: request)
    }

    private static func encode(_ outcome: Result<any Encodable & Sendable, any Error>, for request: RPCRequest) -> [UInt8]? {
        guard let id = request.id else { return nil }
        switch outcome {
        case .success(let result):
            do {
                return try RPCResponseWriter.success(id: id, result: result)
            } catch {
                Logger(label: "lingyan.rpc").error("cannot encode the result of \(request.method): \(error)")
                return RPCResponseWriter.failure(id: id, error: .internalError)
            }
        case .failure(let error as RPCError):
            return RPCResponseWriter.failure(id: id, error: error)
        case .failure(let error):
            // Undeclared errors are logged here and answered without internals; a full or failing disk is named.
            Logger(label: "lingyan.rpc").error("\(request.method) failed: \(error)")
            return RPCResponseWriter.failure(id: id, error: RPCError.storageFailure(error) ?? .internalError)
        }
    }
}
