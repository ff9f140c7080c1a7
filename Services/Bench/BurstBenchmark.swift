import ArgumentParser
import Foundation
import Shared
import Synchronization
import TestSupport

/// `lingyan-bench burst`: how long a well-behaved client waits while one hostile client opens, feeds garbage to
/// and closes hundreds of connections as fast as it can, with the old listen backlog (256) and the configured one.
struct BurstBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "burst",
        abstract: "A well-behaved client's longest wait during a burst of hostile connections, by listen backlog.")

    @Option(help: "Hostile connections per burst.")
    var connections = 500

    @Option(help: "Bursts per backlog.")
    var rounds = 5

    @Option(help: "Listen backlogs to compare, comma-separated.")
    var backlogs = "256,4096"

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        let directory = productDirectory(self.binDir)
        print("\(self.connections) hostile connections per burst, \(self.rounds) bursts per backlog; a client probes system.health throughout (connect, retrying on refusal, call, close)")
        print("")
        print(["backlog", "refused", "longest wait", "wait after burst", "probes"].map { $0.padding(toLength: 18, withPad: " ", startingAt: 0) }.joined())
        for backlog in self.backlogs.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            let home = try scratchHome()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let registry = try spawn(
                "\(directory)/lingyan-registry", home: home, log: "\(home)/registry.log",
                environment: ["LINGYAN_LISTEN_BACKLOG": String(backlog)])
            defer { stop(registry) }
            let socket = "\(home)/run/registry.sock"
            let first = try await RPCClient.connect(socketPath: socket, retryingFor: .seconds(10))
            _ = try await first.call(CommonInterface.Health.self)
            await first.close()

            var refused = 0
            var longest = Duration.zero
            var afterBurst = Duration.zero
            var probes = 0
            for _ in 0..<self.rounds {
                let done = Atomic<Bool>(false)
                let connections = self.connections
                async let burst = Task.detached { () -> ConnectionBurst.Outcome in
                    defer { done.store(true, ordering: .releasing) }
                    return ConnectionBurst.run(path: socket, count: connections)
                }.value
                var waits: [Duration] = []
                repeat {
                    waits.append(try await Self.probe(socket))
                } while !done.load(ordering: .acquiring)
                let outcome = await burst
                let last = try await Self.probe(socket)
                refused += outcome.refused
                longest = max(longest, waits.max() ?? .zero, last)
                afterBurst = max(afterBurst, last)
                probes += waits.count + 1
            }
            print([String(backlog), String(refused), Self.milliseconds(longest), Self.milliseconds(afterBurst), String(probes)]
                .map { $0.padding(toLength: 18, withPad: " ", startingAt: 0) }.joined())
        }
    }

    /// One well-behaved call, as the CLI makes it: connect (retrying while refused), health, close.
    private static func probe(_ socket: String) async throws -> Duration {
        let started = ContinuousClock.now
        let client = try await RPCClient.connect(socketPath: socket, retryingFor: .seconds(10))
        _ = try await client.call(CommonInterface.Health.self, timeout: .seconds(10))
        await client.close()
        return ContinuousClock.now - started
    }

    private static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1_000)
    }
}
