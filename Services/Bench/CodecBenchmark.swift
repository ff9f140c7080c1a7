import ArgumentParser
import Foundation
import Shared

/// `lingyan-bench codec`: the JSON-RPC layer's own cost per request, in process, with no socket: parsing a
/// request frame, decoding its params and encoding a response.
struct CodecBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Microseconds per request spent parsing, decoding params and encoding the answer.")

    @Option(help: "Iterations per step.")
    var iterations = 50_000

    func run() async throws {
        let frame = Data(#"{"jsonrpc":"2.0","method":"events.read","params":{"after":0,"limit":1,"_meta":{"operator":"bench-operator-000001","requestId":"bench-request-0000000000000000000000000000000000000"}},"id":1}"#.utf8)
        let health = CommonInterface.Health.Result.example
        func measure(_ name: String, _ body: () throws -> Void) rethrows {
            let started = ContinuousClock.now
            for _ in 0..<self.iterations { try body() }
            let elapsed = ContinuousClock.now - started
            let perCall = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
            let label = name.padding(toLength: 40, withPad: " ", startingAt: 0)
            print(label + String(format: "%7.2f µs", perCall / Double(self.iterations)))
        }
        var sink = 0
        measure("parse request") {
            if case .single = RPCMessageParser.parse(frame) { sink += 1 }
        }
        guard case .single(.request(let request)) = RPCMessageParser.parse(frame) else { return }
        try measure("decode params (events.read)") {
            sink += Int(try request.params.decode(FeedInterface.Read.Params.self).after)
        }
        try measure("encode response (system.health)") {
            sink += try RPCResponseWriter.success(id: .integer(1), result: health).count
        }
        try measure("encode response (type-erased result)") {
            let boxed: any Encodable & Sendable = health
            sink += try RPCResponseWriter.success(id: .integer(1), result: boxed).count
        }
        measure("timestamp") { sink += Timestamp.string(from: Date()).count }
        if sink == 42 { print("") }
    }
}
