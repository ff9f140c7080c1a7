import ArgumentParser
import NIOCore
import NIOPosix
import Shared

/// `lingyan-bench echo-server`: Lingyan's own frame transport with no JSON at all, answering each frame with
/// itself. The RPC benchmark measures it beside a real service, so the cost of the JSON-RPC layer is visible.
struct EchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-server",
        abstract: "Serve raw frame echo on a Unix socket (the baseline for `rpc`).")

    @Option(help: "The socket path to listen on.")
    var socket: String

    func run() async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers = channel.pipeline.syncOperations
                    try handlers.addHandler(ByteToMessageHandler(FrameDecoder()))
                    try handlers.addHandler(MessageToByteHandler(FrameEncoder()))
                    try handlers.addHandler(EchoHandler())
                }
            }
            .bind(unixDomainSocketPath: self.socket, cleanupExistingSocketFile: true).get()
        try await channel.closeFuture.get()
    }
}

/// Writes every frame payload straight back.
final class EchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.writeAndFlush(data, promise: nil)
    }
}
