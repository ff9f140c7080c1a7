import Foundation
import Synchronization

/// A child process started with `posix_spawn`: its standard output and error go to files, every other descriptor
/// of the test process is closed in the child, and its exit is collected with `waitpid`.
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeFrom(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The spawning thread may be a runtime worker with most signals blocked; the child must start with none
        // blocked and default handlers, or a shell script in it could never be stopped with SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        self.pid = pid
        LiveChildren.add(pid)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which its Swift module does not expose.
    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return
        }
        let function = unsafeBitCast(symbol, to: CloseFrom.self)
        _ = function(&actions, lowest)
    }

    /// The exit status (or 128 + signal), once the child has exited; nil while it runs.
    public var status: Int32? {
        self.lock.lock()
        defer { self.lock.unlock() }
        if let exitStatus { return exitStatus }
        var raw: Int32 = 0
        guard waitpid(self.pid, &raw, WNOHANG) == self.pid else { return nil }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Glibc's macros do not give Swift.
        let signal = raw & 0x7F
        self.exitStatus = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
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
