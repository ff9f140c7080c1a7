import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import Shared

/// `lingyan-bench rpc`: round trips per second and latency percentiles against a running service, by number of
/// concurrent clients, beside a raw echo of the same frames through the same transport.
struct RPCBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Round trips/s and p50/p99 latency of small requests with 1, 8 and 64 concurrent clients.")

    @Option(help: "Concurrent clients, comma-separated.")
    var clients = "1,8,64"

    @Option(help: "Seconds to measure each level (after a one-second warm-up).")
    var seconds = 3.0

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        let levels = self.clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let directory = productDirectory(self.binDir)
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let registry = try spawn("\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log")
        defer { stop(registry) }
        let echoSocket = "\(home)/echo.sock"
        let echo = try spawn(
            "\(directory)/lingyan-bench", arguments: ["echo-server", "--socket", echoSocket], home: home,
            log: "\(home)/echo.log")
        defer { stop(echo) }
        let registrySocket = "\(home)/run/registry.sock"
        _ = try await RPCClient.connect(socketPath: registrySocket, retryingFor: .seconds(10))
        try await Self.waitForSocket(echoSocket)

        let health = Self.frame(#"{"jsonrpc":"2.0","method":"system.health","params":{"_meta":{"operator":"bench-operator-000001","requestId":"bench-request-000000000000000000000000000000000000000000000000"}},"id":1}"#)
        let read = Self.frame(#"{"jsonrpc":"2.0","method":"events.read","params":{"after":0,"limit":1,"_meta":{"operator":"bench-operator-000001","requestId":"bench-request-0000000000000000000000000000000000000"}},"id":1}"#)
        print("Request frames: system.health \(health.readableBytes) B, events.read \(read.readableBytes) B; \(self.seconds) s per level; \(System.coreCount) cores")
        print("")
        print(Self.row(["target", "clients", "round trips/s", "p50", "p99", "vs echo"]))
        for level in levels {
            let raw = try await LoadGenerator.run(socket: echoSocket, frame: health, clients: level, seconds: self.seconds)
            let rpc = try await LoadGenerator.run(socket: registrySocket, frame: health, clients: level, seconds: self.seconds)
            let sqlite = try await LoadGenerator.run(socket: registrySocket, frame: read, clients: level, seconds: self.seconds)
            for (name, result) in [("raw frame echo (no JSON)", raw), ("system.health (inline)", rpc), ("events.read (pool + SQLite read)", sqlite)] {
                let ratio = raw.perSecond > 0 ? result.perSecond / raw.perSecond : 0
                print(Self.row([
                    name, String(level), String(Int(result.perSecond.rounded())), micros(result.p50), micros(result.p99),
                    String(format: "%.2f×", ratio),
                ]))
            }
            if rpc.errors + sqlite.errors > 0 { print("  errors: \(rpc.errors + sqlite.errors)") }
        }
    }

    /// One aligned line: the first column left-aligned, the others right-aligned.
    private static func row(_ cells: [String]) -> String {
        let widths = [34, 8, 14, 10, 10, 9]
        return cells.enumerated().map { index, cell in
            let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }

    private static func frame(_ json: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(Array(json.utf8))
        return buffer
    }

    private static func waitForSocket(_ path: String) async throws {
        for _ in 0..<200 where !UnixSocketProbe.isAccepting(path: path) {
            try await Task.sleep(for: .milliseconds(25))
        }
    }
}

/// Closed-loop load: each client keeps exactly one request outstanding on its own connection and sends the next
/// as soon as the answer arrives, entirely on the event loop.
enum LoadGenerator {
    struct Result {
        var perSecond: Double
        var p50: UInt64
        var p99: UInt64
        var errors: Int
        /// Answers without an error, warm-up included.
        var acknowledged: Int
    }

    /// Runs the load; `whenDone` is called when the measuring time is over, while the clients are still sending.
    static func run(
        socket: String, frame: ByteBuffer, clients: Int, seconds: Double, whenDone: (@Sendable () -> Void)? = nil
    ) async throws -> Result {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: min(2, System.coreCount))
        let warmUp = NIODeadline.now() + .seconds(1)
        let end = warmUp + .nanoseconds(Int64(seconds * 1e9))
        var handlers: [ClosedLoopClient] = []
        var channels: [any Channel] = []
        for _ in 0..<clients {
            let handler = ClosedLoopClient(frame: frame, measureFrom: warmUp, end: end)
            handlers.append(handler)
            let channel = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(ByteToMessageHandler(FrameDecoder(maximumFrameBytes: 1 << 24)))
                        try sync.addHandler(handler)
                    }
                }
                .connect(unixDomainSocketPath: socket).get()
            channels.append(channel)
        }
        if let whenDone {
            try await Task.sleep(until: .now + .seconds(1 + seconds))
            whenDone()
        }
        for channel in channels { try? await channel.closeFuture.get() }
        try await group.shutdownGracefully()
        let samples = handlers.flatMap { $0.samples }.sorted()
        return Result(
            perSecond: Double(samples.count) / seconds, p50: percentile(samples, 0.50), p99: percentile(samples, 0.99),
            errors: handlers.reduce(0) { $0 + $1.errors }, acknowledged: handlers.reduce(0) { $0 + $1.acknowledged })
    }
}

/// One client of the closed loop.
final class ClosedLoopClient: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let frame: ByteBuffer
    private let measureFrom: NIODeadline
    private let end: NIODeadline
    private var sentAt = NIODeadline.now()
    private(set) var samples: [UInt64] = []
    private(set) var errors = 0
    private(set) var acknowledged = 0

    init(frame: ByteBuffer, measureFrom: NIODeadline, end: NIODeadline) {
        self.frame = frame
        self.measureFrom = measureFrom
        self.end = end
        self.samples.reserveCapacity(200_000)
    }

    func channelActive(context: ChannelHandlerContext) {
        self.send(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now()
        let payload = Self.unwrapInboundIn(data)
        // Keys are written sorted, so an error response starts with its "error" member.
        if payload.readableBytesView.starts(with: Array(#"{"error":"#.utf8)) {
            self.errors += 1
        } else {
            self.acknowledged += 1
        }
        if self.sentAt >= self.measureFrom { self.samples.append(now.uptimeNanoseconds - self.sentAt.uptimeNanoseconds) }
        if now < self.end {
            self.send(context: context)
        } else {
            context.close(promise: nil)
        }
    }

    private func send(context: ChannelHandlerContext) {
        self.sentAt = .now()
        context.writeAndFlush(Self.wrapOutboundOut(self.frame), promise: nil)
    }
}
