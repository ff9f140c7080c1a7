import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Why a call did not get an answer from the service.
public enum RPCClientError: Error, CustomStringConvertible, Sendable {
    /// Nothing accepted connections on the socket within the connect deadline.
    case serviceUnavailable(socketPath: String, reason: String)
    /// The connection closed before the answer arrived.
    case connectionClosed
    /// No answer within the call's timeout.
    case timedOut(method: String, seconds: Double)
    /// The answer was not a JSON-RPC response of the expected shape.
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .serviceUnavailable(let path, let reason):
            return "no service is answering on \(path) (\(reason)); is it running? try `deploy/status`"
        case .connectionClosed:
            return "the service closed the connection before answering"
        case .timedOut(let method, let seconds):
            return "\(method) got no answer within \(seconds) seconds"
        case .malformedResponse(let reason):
            return "the service sent a response that could not be read: \(reason)"
        }
    }
}

/// A connection to one Lingyan service. Calls may be made concurrently; they are pipelined on the one connection
/// and their answers matched by id.
public final class RPCClient: Sendable {
    private let channel: any Channel
    private let nextID = Mutex<Int64>(1)
    /// The service's refusal of this connection, when it sent one (see `ResponseMatcher`).
    private let refusal: ConnectionRefusal
    /// The socket this client is connected to.
    public let socketPath: String

    private init(channel: any Channel, socketPath: String, refusal: ConnectionRefusal) {
        self.channel = channel
        self.socketPath = socketPath
        self.refusal = refusal
    }

    /// Connects, retrying while the service is still starting (no socket yet, or connection refused) for up to
    /// `retryingFor`.
    public static func connect(
        socketPath: String,
        retryingFor patience: Duration = .zero,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RPCClient {
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(20)
        while true {
            do {
                let refusal = ConnectionRefusal()
                let channel = try await ClientBootstrap(group: group)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            let handlers = channel.pipeline.syncOperations
                            try handlers.addHandler(ByteToMessageHandler(
                                FrameDecoder(maximumFrameBytes: FrameLimits.absoluteMaximumBytes)))
                            try handlers.addHandler(MessageToByteHandler(FrameEncoder()))
                            try handlers.addHandler(ResponseMatcher(refusal: refusal))
                        }
                    }
                    .connect(unixDomainSocketPath: socketPath).get()
                return RPCClient(channel: channel, socketPath: socketPath, refusal: refusal)
            } catch {
                if ContinuousClock.now + pause > deadline {
                    throw RPCClientError.serviceUnavailable(socketPath: socketPath, reason: Self.describe(error))
                }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(500))
            }
        }
    }

    /// Calls a declared method and decodes its result; a JSON-RPC error is thrown as ``RPCError``.
    public func call<M: RPCMethod>(
        _ method: M.Type,
        _ params: M.Params,
        meta: RequestMeta? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> M.Result {
        let payload = try await self.send(method: M.name, params: MetaWrapped(params: params, meta: meta), timeout: timeout)
        let response: RPCResponse<M.Result>
        do {
            response = try LingyanJSON.decode(RPCResponse<M.Result>.self, from: payload)
        } catch {
            throw RPCClientError.malformedResponse("\(error)")
        }
        if let error = response.error { throw error }
        guard let result = response.result else { throw RPCClientError.malformedResponse("neither result nor error") }
        return result
    }

    /// Calls a declared method that takes no params.
    public func call<M: RPCMethod>(_ method: M.Type, timeout: Duration = .seconds(30)) async throws -> M.Result
    where M.Params == NoParams {
        try await self.call(method, NoParams(), timeout: timeout)
    }

    /// Calls any method by name with untyped params; returns the untyped result.
    public func call(method: String, params: JSONValue?, timeout: Duration = .seconds(30)) async throws -> JSONValue {
        let payload = try await self.send(method: method, params: params, timeout: timeout)
        let response: RPCResponse<JSONValue>
        do {
            response = try LingyanJSON.decode(RPCResponse<JSONValue>.self, from: payload)
        } catch {
            throw RPCClientError.malformedResponse("\(error)")
        }
        if let error = response.error { throw error }
        return response.result ?? .null
    }

    /// Closes the connection.
    public func close() async {
        try? await self.channel.close()
    }

    private func send(method: String, params: (some Encodable)?, timeout: Duration) async throws -> [UInt8] {
        let id = self.nextID.withLock { value -> Int64 in
            defer { value += 1 }
            return value
        }
        let payload = try RPCRequestWriter.request(method: method, params: params, id: .integer(id))
        return try await self.roundTrip(id: id, payload: payload, method: method, timeout: timeout)
    }

    private func roundTrip(id: Int64, payload: [UInt8], method: String, timeout: Duration) async throws -> [UInt8] {
        let promise = self.channel.eventLoop.makePromise(of: ByteBuffer.self)
        let request = PendingRequest(
            id: id, payload: self.channel.allocator.buffer(bytes: payload), promise: promise,
            timeout: TimeAmount.nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                + timeout.components.attoseconds / 1_000_000_000),
            method: method)
        // On a connection already closed the pipeline is gone and the matcher never sees the request: the failed
        // write must fail the call, or the caller would wait for ever.
        // A connection the service refused and closed answers with the refusal, which says why.
        let refusal = self.refusal
        self.channel.writeAndFlush(request).whenFailure { error in
            if let answer = refusal.answer { promise.succeed(answer) } else { promise.fail(RPCClientError.connectionClosed) }
        }
        // A cancelled caller stops waiting at once; an answer that still arrives is dropped.
        let buffer = try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
        return Array(buffer.readableBytesView)
    }

    private static func describe(_ error: any Error) -> String {
        if let ioError = error as? IOError { return String(cString: strerror(ioError.errnoCode)) }
        return "\(error)"
    }
}

/// Params with `_meta` merged in, encoded flat.
private struct MetaWrapped<Params: Encodable>: Encodable {
    let params: Params
    let meta: RequestMeta?

    func encode(to encoder: any Encoder) throws {
        try self.params.encode(to: encoder)
        if let meta {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(meta, forKey: AnyCodingKey("_meta"))
        }
    }
}

/// A request on its way out, with the promise its answer completes.
struct PendingRequest: Sendable {
    /// The numeric id the answer will carry.
    let id: Int64
    let payload: ByteBuffer
    let promise: EventLoopPromise<ByteBuffer>
    let timeout: TimeAmount
    let method: String
}

/// An answer without an id by which the service refused a connection (at its connection limit it says so at once
/// and closes): calls made afterwards, even once the connection is gone, get that answer rather than a bare close.
final class ConnectionRefusal: Sendable {
    private let stored = Mutex<ByteBuffer?>(nil)

    var answer: ByteBuffer? {
        get { self.stored.withLock { $0 } }
        set { self.stored.withLock { $0 = newValue } }
    }
}

/// Matches answers to requests by id; fails every pending request when the connection ends.
final class ResponseMatcher: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PendingRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        let promise: EventLoopPromise<ByteBuffer>
        let timer: Scheduled<Void>
    }

    private var waiting: [Int64: Waiter] = [:]
    private var closed = false
    private let refusal: ConnectionRefusal

    init(refusal: ConnectionRefusal) {
        self.refusal = refusal
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = Self.unwrapOutboundIn(data)
        if let refusal = self.refusal.answer {
            request.promise.succeed(refusal)
            return
        }
        guard !self.closed else {
            request.promise.fail(RPCClientError.connectionClosed)
            return
        }
        let key = request.id
        let seconds = Double(request.timeout.nanoseconds) / 1e9
        let method = request.method
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) {
            self.expire(id: key, error: RPCClientError.timedOut(method: method, seconds: seconds))
        }
        self.waiting[key] = Waiter(promise: request.promise, timer: timer)
        context.write(Self.wrapOutboundOut(request.payload), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let payload = Self.unwrapInboundIn(data)
        let id = (try? JSONReader.read(payload.readableBytesView))?["id"]?.integerValue
        // Lingyan's client sends integer ids only; an answer without one (id null) concerns the connection.
        if let key = id, let waiter = self.waiting.removeValue(forKey: key) {
            waiter.timer.cancel()
            waiter.promise.succeed(payload)
        } else if id == nil {
            // An error the service could not tie to a request (a refused connection, a bad frame): it concerns
            // every call on this connection, and the service closes it next.
            // A refusal (the connection limit, a frame the service will not read) comes before the service closes
            // the connection; any later call on it gets the refusal.
            let code = (try? JSONReader.read(payload.readableBytesView))?["error"]?["code"]?.integerValue
            if code == Int64(RPCErrorCode.overloaded.rawValue) || code == Int64(RPCErrorCode.invalidRequest.rawValue) {
                self.refusal.answer = payload
            }
            for (_, waiter) in self.waiting {
                waiter.timer.cancel()
                waiter.promise.succeed(payload)
            }
            self.waiting.removeAll()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.closed = true
        for (_, waiter) in self.waiting { waiter.timer.cancel(); waiter.promise.fail(RPCClientError.connectionClosed) }
        self.waiting.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func expire(id: Int64, error: RPCClientError) {
        self.waiting.removeValue(forKey: id)?.promise.fail(error)
    }
}
