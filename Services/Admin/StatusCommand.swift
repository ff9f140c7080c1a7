import ArgumentParser
import Foundation
import Shared

/// `lingyan status`: is each service up, and how is it doing.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each service: up or down, version, pid, uptime, database size and feed head.",
        discussion: "Exits 0 when all four services answer, 69 when any is down.")

    @OptionGroup var global: GlobalOptions

    /// One service's line.
    struct ServiceStatus: Encodable {
        var service: String
        var up: Bool
        var socket: String
        var health: CommonInterface.Health.Result?
        var problem: String?
    }

    /// What `--json` prints.
    struct StatusReport: Encodable {
        var home: String
        var services: [ServiceStatus]
    }

    func run() async throws {
        let configuration = try self.global.configuration()
        var statuses: [ServiceStatus] = []
        for service in ServiceName.allCases {
            statuses.append(await Self.probe(service, configuration: configuration))
        }
        let down = statuses.filter { !$0.up }
        if self.global.json {
            try printJSON(StatusReport(home: configuration.home, services: statuses))
        } else if down.count == statuses.count {
            print("No Lingyan service is running under \(configuration.home).")
            print("Start them with deploy/start (in the background) or deploy/run (in the foreground).")
        } else {
            var table = TableRenderer(
                headings: ["SERVICE", "STATE", "VERSION", "PID", "UPTIME", "DATABASE", "FEED HEAD"],
                rightAligned: [3, 4, 5, 6])
            for status in statuses {
                let health = status.health
                table.append([
                    status.service, status.up ? "up" : "down", health?.version ?? "-",
                    health.map { String($0.pid) } ?? "-",
                    health.map { Self.duration($0.uptimeSeconds) } ?? "-",
                    health?.databaseSizeBytes.map(Self.size) ?? "-",
                    health?.feedHead.map(String.init) ?? "-",
                ])
            }
            print(table.render())
            for status in down {
                print("\(status.service) is down: \(status.problem ?? "no answer")")
            }
        }
        if !down.isEmpty { throw ExitStatus.unavailable }
    }

    static func probe(_ service: ServiceName, configuration: LingyanConfiguration) async -> ServiceStatus {
        let path = configuration.socketPath(for: service)
        do {
            let client = try await RPCClient.connect(socketPath: path)
            defer { Task { await client.close() } }
            let health = try await client.call(CommonInterface.Health.self, timeout: .seconds(5))
            return ServiceStatus(service: service.rawValue, up: true, socket: path, health: health, problem: nil)
        } catch let error as RPCError {
            return ServiceStatus(service: service.rawValue, up: false, socket: path, health: nil, problem: describe(error))
        } catch {
            return ServiceStatus(service: service.rawValue, up: false, socket: path, health: nil, problem: "\(error)")
        }
    }

    static func duration(_ seconds: Int64) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(seconds % 60)s" }
        if seconds < 86_400 { return "\(seconds / 3600)h\((seconds % 3600) / 60)m" }
        return "\(seconds / 86_400)d\((seconds % 86_400) / 3600)h"
    }

    static func size(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
