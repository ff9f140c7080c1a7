import Foundation
import Shared

/// One Lingyan service running as a real child process, its standard error in `logs/<service>.stderr`.
public final class ServiceProcess: @unchecked Sendable {
    /// The service.
    public let service: ServiceName
    /// The home it runs in.
    public let home: TestHome
    private let process: Process

    /// Starts the service's executable (not waiting for it to be ready).
    public init(_ service: ServiceName, home: TestHome, environment extra: [String: String] = [:]) throws {
        self.service = service
        self.home = home
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path(service.executableName))
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_HOME"] = home.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let logs = "\(home.path)/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let logPath = "\(logs)/\(service.rawValue).stderr"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
    }

    /// The child's pid.
    public var pid: Int32 { self.process.processIdentifier }

    /// Whether the child is still running.
    public var isRunning: Bool { self.process.isRunning }

    /// Sends a signal.
    public func signal(_ signal: Int32) {
        kill(self.process.processIdentifier, signal)
    }

    /// Waits for the child to exit (up to `timeout`); returns its exit status, or nil if it is still running.
    public func waitForExit(timeout: Duration = .seconds(20)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while self.process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return self.process.terminationStatus
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

    /// Runs `lingyan` with `arguments` against `home`, optionally through a wrapper such as `setpriv …`.
    public static func lingyan(
        _ arguments: [String],
        home: TestHome,
        wrapper: [String] = [],
        environment extra: [String: String] = [:]
    ) throws -> CLIRun {
        let process = Process()
        let command = wrapper + [BuiltProducts.path("lingyan")] + arguments
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
        var environment = ProcessInfo.processInfo.environment
        environment["LINGYAN_HOME"] = home.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
