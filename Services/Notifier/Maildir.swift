import Foundation

/// Delivery into a Maildir (DESIGN §9): the message is written to `tmp/`, flushed, renamed into `new/`, and `new/`
/// is flushed (once for a batch of messages). The file name comes from the dedup key, so a delivery repeated after a crash replaces the file
/// instead of adding a second one.
struct Maildir: Sendable {
    let path: String

    /// Creates `tmp/`, `new/` and `cur/` (0700) when missing.
    func prepare() throws {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                atPath: "\(self.path)/\(folder)", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    /// Writes a message into `tmp/`, flushes it and renames it into `new/`. The rename is durable once `flush()`
    /// returns: one flush of the directory serves a whole batch of messages.
    func place(_ message: [UInt8], name: String) throws {
        let temporary = "\(self.path)/tmp/\(name)"
        let final = "\(self.path)/new/\(name)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error("cannot create \(temporary)") }
        var offset = 0
        while offset < message.count {
            let written = message[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let failure = Self.error("cannot write \(temporary)")
                close(descriptor)
                throw failure
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            let failure = Self.error("cannot flush \(temporary)")
            close(descriptor)
            throw failure
        }
        close(descriptor)
        guard rename(temporary, final) == 0 else { throw Self.error("cannot move \(temporary) into new/") }
    }

    /// Flushes `new/`, making the renames before it durable.
    func flush() throws {
        let directory = open("\(self.path)/new", O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { throw Self.error("cannot open \(self.path)/new") }
        defer { close(directory) }
        guard fsync(directory) == 0 else { throw Self.error("cannot flush \(self.path)/new") }
    }

    private static func error(_ what: String) -> any Error {
        DeliveryError(description: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// Why a delivery (into the Maildir or through sendmail) failed, as the outbox records it.
struct DeliveryError: Error, CustomStringConvertible {
    let description: String
}
