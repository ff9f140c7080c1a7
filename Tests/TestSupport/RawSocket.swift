import Foundation
import Shared

/// A blocking Unix-socket client that sends arbitrary bytes: for testing how a service treats peers that do not
/// follow the protocol. Reads time out after `timeout`, so a hung service fails the test instead of hanging it.
public final class RawSocket {
    private let descriptor: Int32

    /// What a read produced.
    public enum ReadOutcome: Equatable {
        case frame(Data)
        case closed
        case timedOut
    }

    public init(path: String, timeout: Duration = .seconds(5)) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard UnixSocketProbe.connect(descriptor, to: path) == 0 else {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// Sends bytes as they are.
    public func send(_ bytes: some Sequence<UInt8>) {
        let data = Array(bytes)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(self.descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Sends one well-formed frame holding `payload`.
    public func sendFrame(_ payload: some Sequence<UInt8>) {
        let bytes = Array(payload)
        self.send(Self.header(UInt32(bytes.count)) + bytes)
    }

    /// Sends a JSON text as one frame.
    public func sendFrame(_ json: String) {
        self.sendFrame(Array(json.utf8))
    }

    /// Half-closes the connection: the service sees EOF.
    public func shutdownWrite() {
        shutdown(self.descriptor, Int32(SHUT_WR))
    }

    /// Reads one frame, or reports EOF or a time-out.
    public func readFrame() -> ReadOutcome {
        guard let header = self.read(exactly: 4) else { return self.lastOutcome }
        let length = header.reduce(0) { ($0 << 8) | Int($1) }
        guard let payload = self.read(exactly: length) else { return self.lastOutcome }
        return .frame(Data(payload))
    }

    /// Reads one frame and parses its JSON.
    public func readJSON() -> Any? {
        guard case .frame(let data) = self.readFrame() else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }

    private var lastOutcome: ReadOutcome = .closed

    private func read(exactly count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer[filled...].withUnsafeMutableBytes { Glibc.read(self.descriptor, $0.baseAddress, $0.count) }
            if got == 0 { self.lastOutcome = .closed; return nil }
            if got < 0 {
                self.lastOutcome = (errno == EAGAIN || errno == EWOULDBLOCK) ? .timedOut : .closed
                return nil
            }
            filled += got
        }
        return buffer
    }

    /// A big-endian length header.
    public static func header(_ length: UInt32) -> [UInt8] {
        [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
    }
}
