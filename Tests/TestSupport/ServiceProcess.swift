import Foundation
import Shared

/// One Lingyan service running as a real child process, its standard error in `logs/<service>.stderr`.
public final class ServiceProcess: @unchecked Sendable {
    /// The service.
    public let service: ServiceName
    /// The home it runs in.
    public let home: TestHome
    private let process: ChildProcess

    /// Starts the service's executable (not waiting for it to be ready).
    public init(_ service: ServiceName, home: TestHome, environment extra: [String: String] = [:]) throws {
        self.service = service
        self.home = home
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_HOME"] = home.path
        environment.merge(extra) { _, new in new }
        let logs = "\(home.path)/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        self.process = try ChildProcess(
            executable: BuiltProducts.path(service.executableName), arguments: [], environment: environment,
            outputPath: "\(logs)/\(service.rawValue).stderr")
    }

    /// The child's pid.
    public var pid: Int32 { self.process.pid }

    /// Whether the child is still running.
    public var isRunning: Bool { self.process.isRunning }

    /// Sends a signal.
    public func signal(_ signal: Int32) {
        kill(self.process.pid, signal)
    }

    /// Waits for the child to exit (up to `timeout`); returns its exit status, or nil if it is still running.
    public func waitForExit(timeout: Duration = .seconds(20)) async -> Int32? {
        await self.process.wait(timeout: timeout)
    }

    /// Waits until the service answers `system.health`.
    public func waitUntilHealthy(timeout: Duration = .seconds(20)) async throws -> CommonInterface.Health.Result {
        let client = try await RPCClient.connect(socketPath: self.home.socket(self.service.rawValue), retryingFor: timeout)
        defer { Task { await client.close() } }
        return try await client.call(CommonInterface.Health.self)
    }

    /// What the service wrote to standard error so far.
    public var log: String {
        (try? String(contentsOfFile: "\(self.home.path)/logs/\(self.service.rawValue).stderr", encoding: .utf8)) ?? ""
    }

    /// Stops the child if it is still running (SIGKILL after a grace period), for test cleanup.
    public func terminate() async {
        guard self.process.isRunning else { return }
        self.signal(SIGTERM)
        if await self.waitForExit(timeout: .seconds(10)) == nil {
            self.signal(SIGKILL)
            _ = await self.waitForExit(timeout: .seconds(5))
        }
    }
}

/// All four services running in one home.
public final class LingyanProcesses: Sendable {
    public let home: TestHome
    public let processes: [ServiceName: ServiceProcess]

    /// Starts all four and waits until each answers `system.health`.
    public init(home: TestHome, environment: [String: String] = [:]) async throws {
        self.home = home
        var processes: [ServiceName: ServiceProcess] = [:]
        for service in ServiceName.allCases {
            processes[service] = try ServiceProcess(service, home: home, environment: environment)
        }
        self.processes = processes
        for process in processes.values { _ = try await process.waitUntilHealthy() }
    }

    public subscript(service: ServiceName) -> ServiceProcess { self.processes[service]! }

    /// Stops every service still running.
    public func terminateAll() async {
        for process in self.processes.values { await process.terminate() }
    }

    /// A connected client of one service.
    public func client(_ service: ServiceName) async throws -> RPCClient {
        try await RPCClient.connect(socketPath: self.home.socket(service.rawValue), retryingFor: .seconds(10))
    }
}

/// Runs the `lingyan` CLI and collects what it printed.
public struct CLIRun: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    public init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Runs `lingyan` with `arguments` against `home`, optionally through a wrapper such as `setpriv …`.
    public static func lingyan(
        _ arguments: [String],
        home: TestHome,
        wrapper: [String] = [],
        environment extra: [String: String] = [:]
    ) throws -> CLIRun {
        let command = wrapper + [BuiltProducts.path("lingyan")] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_HOME"] = home.path
        environment.merge(extra) { _, new in new }
        return try Self.run(command, environment: environment)
    }

    /// Runs any command to completion; standard output and error are captured separately.
    public static func run(_ command: [String], environment: [String: String]) throws -> CLIRun {
        let directory = try TestHome()
        defer { directory.remove() }
        // Standard error is split from standard output by running through a shell redirection.
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let child = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "exec \(quoted) 2>'\(directory.path)/err'"],
            environment: environment, outputPath: "\(directory.path)/out")
        let status = child.waitBlocking()
        func read(_ name: String) -> String {
            (try? String(contentsOfFile: "\(directory.path)/\(name)", encoding: .utf8)) ?? ""
        }
        return CLIRun(status: status, standardOutput: read("out"), standardError: read("err"))
    }
}


/// Starts `services` in a fresh home, runs `body`, then stops them and removes the home, whether `body` returned or
/// threw: the teardown is awaited, so no service outlives its home.
public func withServices(
    _ services: [ServiceName], environment: [String: String] = [:], _ body: (TestHome) async throws -> Void
) async throws {
    let home = try TestHome()
    var started: [ServiceProcess] = []
    do {
        for service in services {
            let process = try ServiceProcess(service, home: home, environment: environment)
            started.append(process)
            _ = try await process.waitUntilHealthy()
        }
        try await body(home)
    } catch {
        for process in started { await process.terminate() }
        home.remove()
        throw error
    }
    for process in started { await process.terminate() }
    home.remove()
}
