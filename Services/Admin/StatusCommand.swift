import ArgumentParser
import Foundation
import Shared

/// `lingyan status`: is each service up, and how is it doing.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each service: up or down, version, pid, uptime, database size, feed head and restarts.",
        discussion: """
            Restarts are the supervisor's record (logs/restarts.jsonl): each unexpected exit in the last hour, with \
            its signal and the request the service was serving. Exits 0 when all four services answer, 69 when any \
            is down.
            """)

    @OptionGroup var global: GlobalOptions

    /// One service's line.
    struct ServiceStatus: Encodable {
        var service: String
        var up: Bool
        var socket: String
        var health: CommonInterface.Health.Result?
        var problem: String?
        /// Unexpected exits the supervisor recorded in the last hour.
        var restartsLastHour: Int
        /// The newest of them.
        var lastRestart: SupervisorRestart?
    }

    /// What `--json` prints.
    struct StatusReport: Encodable {
        var home: String
        var services: [ServiceStatus]
    }

    func run() async throws {
        let configuration = try self.global.configuration()
        var statuses: [ServiceStatus] = []
        let restarts = SupervisorRestart.lastHour(in: configuration)
        for service in ServiceName.allCases {
            var status = await Self.probe(service, configuration: configuration)
            let own = restarts.filter { $0.service == service.rawValue }
            status.restartsLastHour = own.count
            status.lastRestart = own.last
            statuses.append(status)
        }
        let down = statuses.filter { !$0.up }
        if self.global.json {
            try printJSON(StatusReport(home: configuration.home, services: statuses))
        } else if down.count == statuses.count {
            print("No Lingyan service is running under \(configuration.home).")
            print("Start them with deploy/start (in the background) or deploy/run (in the foreground).")
        } else {
            var table = TableRenderer(
                headings: self.global.language.headings([
                    ("服务", "SERVICE"), ("状态", "STATE"), ("版本", "VERSION"), ("进程", "PID"), ("运行时间", "UPTIME"),
                    ("数据库", "DATABASE"), ("事件序号", "FEED HEAD"), ("1 小时内重启", "RESTARTS (1 H)"),
                ]),
                rightAligned: [3, 4, 5, 6, 7])
            for status in statuses {
                let health = status.health
                table.append([
                    status.service, status.up ? self.global.language.pick("运行", "up") : self.global.language.pick("停止", "down"), health?.version ?? "-",
                    health.map { String($0.pid) } ?? "-",
                    health.map { Self.duration($0.uptimeSeconds) } ?? "-",
                    health?.databaseSizeBytes.map(Self.size) ?? "-",
                    health?.feedHead.map(String.init) ?? "-",
                    String(status.restartsLastHour),
                ])
            }
            print(table.render())
            let language = self.global.language
            for status in statuses {
                guard let last = status.lastRestart else { continue }
                if language == .zh {
                    print("\(status.service)：最近 1 小时内意外退出 \(status.restartsLastHour) 次；最近一次在 \(last.at)：\(last.summaryZh)")
                } else {
                    let times = status.restartsLastHour == 1 ? "1 unexpected exit" : "\(status.restartsLastHour) unexpected exits"
                    print("\(status.service): \(times) in the last hour; the last at \(last.at): \(last.summary)")
                }
            }
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
            return ServiceStatus(service: service.rawValue, up: true, socket: path, health: health, problem: nil, restartsLastHour: 0)
        } catch let error as RPCError {
            return ServiceStatus(service: service.rawValue, up: false, socket: path, health: nil, problem: describe(error), restartsLastHour: 0)
        } catch {
            return ServiceStatus(service: service.rawValue, up: false, socket: path, health: nil, problem: "\(error)", restartsLastHour: 0)
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

/// One unexpected exit of a service, as `deploy/supervise` records it in `logs/restarts.jsonl`.
struct SupervisorRestart: Codable {
    /// When the supervisor saw it, RFC 3339 UTC.
    var at: String
    var service: String
    /// The exit status as the shell reports it (128 + the signal's number for a signal).
    var exitStatus: Int
    /// `SIGKILL`, `SIGILL`, …, when a signal ended it.
    var signal: String?
    /// The method it was serving, from its request ledger.
    var method: String?
    /// That request's id.
    var requestId: String?

    /// "killed by SIGILL while serving applications.check (request id 7)".
    var summary: String {
        var text = self.signal.map { "killed by \($0)" } ?? "exited with status \(self.exitStatus)"
        if let method = self.method {
            text += " while serving \(method)" + (self.requestId.map { " (request id \($0))" } ?? "")
        }
        return text
    }

    /// "被 SIGILL 终止，当时正在处理 applications.check（请求 7）".
    var summaryZh: String {
        var text = self.signal.map { "被 \($0) 终止" } ?? "以状态 \(self.exitStatus) 退出"
        if let method = self.method {
            text += "，当时正在处理 \(method)" + (self.requestId.map { "（请求 \($0)）" } ?? "")
        }
        return text
    }

    /// The restarts of the last hour, oldest first; none when the supervisor has recorded none.
    static func lastHour(in configuration: LingyanConfiguration, now: Date = Date()) -> [SupervisorRestart] {
        let path = "\(configuration.logDirectory)/restarts.jsonl"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let since = now.addingTimeInterval(-3_600)
        return text.split(separator: "\n").compactMap { line in
            guard let restart = try? JSONDecoder().decode(SupervisorRestart.self, from: Data(line.utf8)),
                  let at = Timestamp.date(from: restart.at), at >= since
            else { return nil }
            return restart
        }
    }
}
