import Foundation
import Shared
import Testing
import TestSupport

/// The four executables as real processes: start, answer, stop.
@Suite("Service lifecycle", .serialized)
struct ServiceLifecycleTests {
    @Test("all four services start, answer health and discover over their sockets, and stop on SIGTERM with exit 0")
    func startAnswerStop() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let services = try await LingyanProcesses(home: home)
        defer { Task { await services.terminateAll() } }

        for service in ServiceName.allCases {
            let client = try await services.client(service)
            let health = try await client.call(CommonInterface.Health.self)
            #expect(health.service == service.rawValue)
            #expect(health.status == "ok")
            #expect(health.pid == services[service].pid)
            #expect((health.feedHead != nil) == service.hasChangeFeed)

            let discovered = try await client.call(CommonInterface.Discover.self)
            let declared = Set(ServiceInterfaces.methods(of: service).map { $0.name })
            #expect(Set(discovered.methods.map(\.name)) == declared)
            #expect(discovered.methods.allSatisfy { !$0.summary.isEmpty })
            await client.close()

            let mode = try FileManager.default.attributesOfItem(atPath: home.socket(service.rawValue))[.posixPermissions]
            #expect((mode as? NSNumber)?.intValue == 0o660)
        }
        let runMode = try FileManager.default.attributesOfItem(atPath: "\(home.path)/run")[.posixPermissions]
        #expect((runMode as? NSNumber)?.intValue == 0o750)

        let status = try CLIRun.lingyan(["status", "--lang", "en"], home: home)
        #expect(status.status == 0)
        for service in ServiceName.allCases {
            #expect(status.standardOutput.contains(service.rawValue))
        }
        #expect(status.standardOutput.components(separatedBy: " up ").count == 5)

        for service in ServiceName.allCases {
            services[service].signal(SIGTERM)
            #expect(await services[service].waitForExit() == 0)
            #expect(!FileManager.default.fileExists(atPath: home.socket(service.rawValue)))
            #expect(!FileManager.default.fileExists(atPath: "\(home.path)/run/\(service.rawValue).pid"))
        }

        let stopped = try CLIRun.lingyan(["status"], home: home)
        #expect(stopped.status == 69)
        #expect(stopped.standardOutput.contains("No Lingyan service is running"))
    }

    @Test("lingyan status --json reports each service, and exits 69 when one is down")
    func statusJSONWithOneDown() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let services = try await LingyanProcesses(home: home)
        defer { Task { await services.terminateAll() } }
        services[.matching].signal(SIGTERM)
        #expect(await services[.matching].waitForExit() == 0)

        let run = try CLIRun.lingyan(["status", "--json"], home: home)
        #expect(run.status == 69)
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(run.standardOutput.utf8))
        guard case .array(let rows)? = report["services"] else {
            Issue.record("no services array in \(run.standardOutput)")
            return
        }
        let up = Dictionary(uniqueKeysWithValues: rows.map { ($0["service"]?.stringValue ?? "", $0["up"]) })
        #expect(up["registry"] == .bool(true))
        #expect(up["matching"] == .bool(false))
        #expect(up["audit"] == .bool(true))
    }

    @Test("a second instance on the same home is refused with a clear message, and the first keeps serving")
    func secondInstanceRefused() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let first = try ServiceProcess(.registry, home: home)
        defer { Task { await first.terminate() } }
        _ = try await first.waitUntilHealthy()

        let second = try ServiceProcess(.registry, home: home)
        let status = await second.waitForExit()
        #expect(status == 75)
        #expect(second.log.contains("already running"))
        #expect(try await first.waitUntilHealthy().pid == first.pid)
    }

    @Test("after SIGKILL the stale socket is replaced on restart, and the feed head survives")
    func restartAfterKill() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let first = try ServiceProcess(.registry, home: home)
        _ = try await first.waitUntilHealthy()
        first.signal(SIGKILL)
        _ = await first.waitForExit()
        #expect(FileManager.default.fileExists(atPath: home.socket("registry")))

        let second = try ServiceProcess(.registry, home: home)
        defer { Task { await second.terminate() } }
        let health = try await second.waitUntilHealthy()
        #expect(health.pid == second.pid)
        #expect(second.log.contains("stale socket"))
    }

    @Test("SIGTERM lets a request in flight finish before the service exits")
    func drainFinishesInFlight() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()

        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let started = ContinuousClock.now
        // A cursor past the feed head: the long poll waits its full time unless the drain cuts it short.
        async let page = client.call(FeedInterface.Wait.self, .init(after: 1_000_000, timeoutMilliseconds: 1_500))
        try await Task.sleep(for: .milliseconds(300))
        registry.signal(SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        // The connection stays open for the long poll, and health on it says the stop is under way.
        #expect(try await client.call(CommonInterface.Health.self).status == "draining")
        await #expect(throws: RPCError.self) { try await client.call(FeedInterface.Read.self, .init(after: 0)) }
        let answered = try await page
        #expect(answered.events.isEmpty)
        #expect(ContinuousClock.now - started >= .milliseconds(1_400))
        #expect(await registry.waitForExit() == 0)
    }

    @Test("a bad setting stops start-up with exit 78 and names the setting")
    func badConfiguration() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let process = try ServiceProcess(.audit, home: home, environment: ["LINGYAN_MAX_FRAME_BYTES": "lots"])
        #expect(await process.waitForExit() == 78)
        #expect(process.log.contains("LINGYAN_MAX_FRAME_BYTES"))
    }
}
