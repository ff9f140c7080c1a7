#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// The `run/<service>.pid` file, held with an exclusive `flock` for the life of the process: a second instance
/// on the same `LINGYAN_HOME` fails at start-up with a clear message instead of stealing the socket.
public final class InstanceLock: Sendable {
    private let descriptor: Int32
    private let path: String

    /// Why the lock could not be taken.
    public enum LockError: Error, CustomStringConvertible {
        case alreadyRunning(path: String, pid: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .alreadyRunning(let path, let pid):
                return "already running (pid \(pid), lock \(path)); stop it first with deploy/stop"
            case .cannotOpen(let path, let reason):
                return "cannot open the pid file \(path): \(reason)"
            }
        }
    }

    /// Takes the lock and writes this process's pid.
    public init(path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LockError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            close(descriptor)
            throw LockError.alreadyRunning(path: path, pid: holder.isEmpty ? "?" : holder)
        }
        ftruncate(descriptor, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
        self.path = path
    }

    /// Removes the pid file and releases the lock (at a clean exit).
    public func release() {
        unlink(self.path)
        close(self.descriptor)
    }
}
