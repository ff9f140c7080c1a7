import ArgumentParser
import Foundation
import Shared

/// `lingyan-bench startup`: cold start of all four services to healthy, and each idle service's resident memory.
struct StartupBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Time from exec to all four services answering system.health, and idle resident memory.")

    @Option(help: "How many cold starts to time.")
    var rounds = 5

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        let directory = productDirectory(self.binDir)
        var times: [Double] = []
        var memory: [ServiceName: [Int]] = [:]
        for _ in 0..<self.rounds {
            let home = try scratchHome()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let started = ContinuousClock.now
            var pids: [ServiceName: pid_t] = [:]
            for service in ServiceName.allCases {
                pids[service] = try spawn("\(directory)/\(service.executableName)", home: home, log: "\(home)/\(service.rawValue).log")
            }
            for service in ServiceName.allCases {
                let client = try await RPCClient.connect(socketPath: "\(home)/run/\(service.rawValue).sock", retryingFor: .seconds(10))
                _ = try await client.call(CommonInterface.Health.self)
                await client.close()
            }
            times.append(Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - started).components.seconds))
            try await Task.sleep(for: .seconds(1))
            for (service, pid) in pids {
                if let bytes = residentBytes(of: pid) { memory[service, default: []].append(bytes) }
                stop(pid)
            }
        }
        let sorted = times.sorted()
        print("Cold start of all four services to healthy over \(self.rounds) rounds (fresh LINGYAN_HOME each, databases created):")
        print(String(format: "  median %.0f ms, min %.0f ms, max %.0f ms", sorted[sorted.count / 2] * 1000, sorted.first! * 1000, sorted.last! * 1000))
        print("Resident memory of each idle service (VmRSS, one second after start, median):")
        for service in ServiceName.allCases {
            let values = (memory[service] ?? []).sorted()
            guard !values.isEmpty else { continue }
            let name = service.executableName.padding(toLength: 22, withPad: " ", startingAt: 0)
            print("  " + name + String(format: "%6.1f MB", Double(values[values.count / 2]) / 1_048_576))
        }
    }
}
