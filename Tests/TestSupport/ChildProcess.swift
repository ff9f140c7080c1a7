import Foundation
import ServiceKit
import Synchronization

/// A child process started with ServiceKit's `ProcessSpawner`: its standard output and error go to a file, every
/// other descriptor of the test process is closed in the child, and its exit is collected with `waitpid`.
///
/// Foundation's `Process` leaves the test runner's other descriptors open in the child, so a daemon started by a
/// script inherits pipes that other tests are reading, and those reads never end.
public final class ChildProcess: @unchecked Sendable {
    /// The child's pid.
    public let pid: pid_t
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` and `environment`, writing its output to `outputPath` (both streams).
    public init(executable: String, arguments: [String], environment: [String: String], outputPath: String) throws {
        let pid = try ProcessSpawner.spawn(
            executable, arguments: arguments, environment: environment, output: .appending(outputPath))
        self.pid = pid
        LiveChildren.add(pid)
    }

    /// The exit status (or 128 + signal), once the child has exited; nil while it runs.
    public var status: Int32? {
        self.lock.lock()
        defer { self.lock.unlock() }
        if let exitStatus { return exitStatus }
        var raw: Int32 = 0
        guard waitpid(self.pid, &raw, WNOHANG) == self.pid else { return nil }
        self.exitStatus = ProcessSpawner.exitStatus(raw)
        LiveChildren.remove(self.pid)
        return self.exitStatus
    }

    /// Whether the child still runs.
    public var isRunning: Bool { self.status == nil }

    /// Waits for the child to exit, up to `timeout`; nil if it is still running then.
    public func wait(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = self.status { return status }
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for the child without an async context (for short-lived commands).
    public func waitBlocking() -> Int32 {
        while true {
            if let status = self.status { return status }
            usleep(5_000)
        }
    }
}

/// Children still running when the test process exits are killed: a test's clean-up runs in a task that the exit
/// may outrun, and a service left behind would keep running with its home directory deleted.
enum LiveChildren {
    private static let pids = Mutex<Set<pid_t>>([])
    private static let installed: Void = {
        atexit {
            LiveChildren.pids.withLock { pids in
                for pid in pids { kill(pid, SIGKILL) }
            }
        }
    }()

    static func add(_ pid: pid_t) {
        _ = Self.installed
        _ = Self.pids.withLock { $0.insert(pid) }
    }

    static func remove(_ pid: pid_t) {
        _ = Self.pids.withLock { $0.remove(pid) }
    }
}
