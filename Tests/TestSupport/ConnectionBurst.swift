import Foundation
import Shared

/// A hostile burst of connections, as one fast client makes it: each connection opened without waiting, fed a
/// frame header that claims 4 GiB and some garbage, and closed at once.
///
/// A closed connection the service has not accepted yet still waits in the kernel's listen queue, so a burst
/// fills that queue faster than the service empties it; once it is full, `connect(2)` on a non-blocking socket —
/// what every NIO client uses — fails with EAGAIN.
public enum ConnectionBurst {
    /// What the burst saw.
    public struct Outcome: Sendable {
        /// Connections the kernel refused (EAGAIN: the listen queue was full).
        public var refused: Int
        /// Connections made.
        public var connected: Int
    }

    /// Opens, feeds and closes `count` connections to `path` as fast as one thread can.
    public static func run(path: String, count: Int) -> Outcome {
        var outcome = Outcome(refused: 0, connected: 0)
        let garbage: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF] + Array("GET / HTTP/1.1\r\n\r\n".utf8)
        for _ in 0..<count {
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard descriptor >= 0 else { continue }
            if UnixSocketProbe.connect(descriptor, to: path) == 0 {
                outcome.connected += 1
                _ = garbage.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                outcome.refused += 1
            }
            close(descriptor)
        }
        return outcome
    }
}
