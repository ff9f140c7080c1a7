import Foundation
import Shared
import Testing
import TestSupport

/// The deploy scripts as an operator uses them.
@Suite("Deploy scripts", .serialized)
struct DeployScriptTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    private func script(_ name: String, home: TestHome, locale: String? = nil) throws -> CLIRun {
        var environment = ProcessInfo.processInfo.environment
        if let locale { environment["LC_ALL"] = locale }
        environment["LINGYAN_HOME"] = home.path
        environment["LINGYAN_BIN"] = BuiltProducts.directory
        return try CLIRun.run(["\(Self.root)/deploy/\(name)"], environment: environment)
    }

    private func pid(_ service: String, home: TestHome) -> Int32? {
        (try? String(contentsOfFile: "\(home.path)/run/\(service).pid", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test("start, a crashed service restarted by the supervisor, status, and a graceful stop")
    func superviseAndStop() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let started = try self.script("start", home: home)
        #expect(started.status == 0, "\(started.standardOutput)")
        defer { _ = try? self.script("stop", home: home) }
        #expect(started.standardOutput.contains("registry"))

        let crashed = try #require(self.pid("matching", home: home))
        kill(crashed, SIGKILL)
        // The supervisor restarts it after a one-second backoff.
        var restarted: Int32? = nil
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let now = self.pid("matching", home: home), now != crashed, kill(now, 0) == 0 {
                let client = try? await RPCClient.connect(socketPath: home.socket("matching"))
                if let health = try? await client?.call(CommonInterface.Health.self), health.pid == now {
                    restarted = now
                    await client?.close()
                    break
                }
                await client?.close()
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(restarted != nil)
        let supervisorLog = (try? String(contentsOfFile: "\(home.path)/logs/supervisor.log", encoding: .utf8)) ?? ""
        #expect(supervisorLog.contains("lingyan-matching was killed by SIGKILL"))

        // A service killed while it serves a request: the supervisor names the request, `status` counts the exit.
        let registryPid = try #require(self.pid("registry", home: home))
        let health = try await RPCClient.connect(socketPath: home.socket("registry"))
        let head = try await health.call(CommonInterface.Health.self).feedHead ?? 0
        await health.close()
        let waiting = try RawSocket(path: home.socket("registry"), timeout: .seconds(30))
        waiting.sendFrame(#"{"jsonrpc":"2.0","id":"crash-probe-1","method":"events.wait","params":{"after":\#(head),"timeoutMilliseconds":60000}}"#)
        let ledger = "\(home.path)/run/registry.requests"
        #expect(await eventually {
            ((try? String(contentsOfFile: ledger, encoding: .utf8)) ?? "").contains("events.wait crash-probe-1")
        }, "the ledger shows the long poll in flight")
        kill(registryPid, SIGKILL)
        let reported = "lingyan-registry was killed by SIGKILL while serving events.wait (request id crash-probe-1)"
        #expect(await eventually(timeout: .seconds(20)) {
            ((try? String(contentsOfFile: "\(home.path)/logs/supervisor.log", encoding: .utf8)) ?? "").contains(reported)
        }, "the supervisor names the request")
        #expect(await eventually(timeout: .seconds(20)) {
            guard let now = self.pid("registry", home: home), now != registryPid else { return false }
            let client = try? await RPCClient.connect(socketPath: home.socket("registry"))
            defer { if let client { Task { await client.close() } } }
            return (try? await client?.call(CommonInterface.Health.self))?.pid == now
        }, "the registry is back")

        let status = try self.script("status", home: home, locale: "en_GB.UTF-8")
        #expect(status.status == 0)
        #expect(status.standardOutput.contains("supervisor: running"))
        #expect(status.standardOutput.contains("RESTARTS"))
        #expect(status.standardOutput.contains("registry: 1 unexpected exit in the last hour"), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("killed by SIGKILL while serving events.wait (request id crash-probe-1)"))
        // Chinese when the locale is Chinese (or not set).
        let chinese = try self.script("status", home: home, locale: "zh_CN.UTF-8")
        #expect(chinese.standardOutput.contains("1 小时内重启"), "\(chinese.standardOutput)")
        #expect(chinese.standardOutput.contains("registry：最近 1 小时内意外退出 1 次"), "\(chinese.standardOutput)")
        #expect(chinese.standardOutput.contains("被 SIGKILL 终止，当时正在处理 events.wait（请求 crash-probe-1）"))

        let stopped = try self.script("stop", home: home)
        #expect(stopped.status == 0)
        for service in ServiceName.allCases {
            #expect(!FileManager.default.fileExists(atPath: home.socket(service.rawValue)))
        }
        let after = try self.script("status", home: home)
        #expect(after.status == 69)
        #expect(after.standardOutput.contains("supervisor: not running"))
    }

    @Test("the systemd units pass systemd-analyze verify")
    func systemdUnits() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else { return }
        let home = try TestHome()
        defer { home.remove() }
        // The shipped units name /usr/local/bin; verify them against the binaries just built.
        var units: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(Self.root)/deploy/systemd").sorted() {
            let text = try String(contentsOfFile: "\(Self.root)/deploy/systemd/\(name)", encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin", with: BuiltProducts.directory)
            try text.write(toFile: "\(home.path)/\(name)", atomically: true, encoding: .utf8)
            units.append("\(home.path)/\(name)")
        }
        #expect(units.count == 5)
        let verified = try CLIRun.run(["/usr/bin/systemd-analyze", "verify"] + units, environment: ProcessInfo.processInfo.environment)
        let text = verified.standardOutput + verified.standardError
        #expect(verified.status == 0, "\(text)")
    }
}
