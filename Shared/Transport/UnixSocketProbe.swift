#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Asks whether something is accepting connections on a Unix socket path, without speaking to it.
///
/// Used before replacing a socket file at start-up: a file left by a crashed run refuses connections and may be
/// replaced; one that accepts belongs to a running instance and must be left alone.
public enum UnixSocketProbe {
    /// True when a `connect(2)` to `path` succeeds.
    public static func isAccepting(path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Self.connect(descriptor, to: path) == 0
    }

    /// `connect(2)` of a socket descriptor to a Unix socket path; returns 0 or -1 with `errno` set (ENAMETOOLONG
    /// for a path that does not fit in `sockaddr_un`).
    public static func connect(_ descriptor: Int32, to path: String) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            errno = ENAMETOOLONG
            return -1
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}
