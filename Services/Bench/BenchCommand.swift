import ArgumentParser

/// `lingyan-bench`: prints the figures that issues ask for. Never part of the test suite.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lingyan-bench",
        abstract: "Measure Lingyan: RPC round trips, start-up time and memory.",
        discussion: "Build with `swift build -c release` first; figures from a debug build mean little.",
        subcommands: [RPCBenchmark.self, BurstBenchmark.self, RegistryBenchmark.self, AuditBenchmark.self, MatchingBenchmark.self, MatchingQualityBenchmark.self, NotificationBenchmark.self, CodecBenchmark.self, StartupBenchmark.self, EchoServerCommand.self])
}
