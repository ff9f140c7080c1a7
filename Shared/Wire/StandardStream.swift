#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard output and standard error that never stop the process.
///
/// Foundation's `FileHandle.write(_:)` traps when the write fails, so a full disk under a log file would kill a
/// service on its next log line. A line that cannot be written is lost instead; the service goes on.
public enum StandardStream {
    public static func error(_ bytes: some Sequence<UInt8>) {
        Self.write(Array(bytes), to: 2)
    }

    public static func error(_ text: String) {
        Self.write(Array(text.utf8), to: 2)
    }

    public static func output(_ bytes: some Sequence<UInt8>) {
        Self.write(Array(bytes), to: 1)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
