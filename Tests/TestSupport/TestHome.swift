import Foundation

/// A fresh, short `LINGYAN_HOME` under /tmp (Unix socket paths must stay under 104 bytes), removed on `remove()`.
public struct TestHome: Sendable {
    /// The directory.
    public let path: String

    public init() throws {
        var template = Array("/tmp/lyt-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw POSIXError(.EIO) }
        self.path = String(cString: created)
        // Traversable by other users, so the foreign-uid tests reach the socket's own permissions.
        chmod(self.path, 0o755)
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }

    /// `run/<service>.sock`.
    public func socket(_ service: String) -> String { "\(self.path)/run/\(service).sock" }
}

/// Where the built executables are: `LINGYAN_BIN_DIR`, else beside the test bundle, else `.build/debug`.
public enum BuiltProducts {
    public static let directory: String = {
        if let explicit = ProcessInfo.processInfo.environment["LINGYAN_BIN_DIR"] { return explicit }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates: [String] = [
            Bundle.main.executableURL?.deletingLastPathComponent().path,
            Bundle.main.bundleURL.deletingLastPathComponent().path,
            packageRoot.appendingPathComponent(".build/debug").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: "\($0)/lingyan-registry") }
            ?? candidates.last!
    }()

    /// The path of one product.
    public static func path(_ name: String) -> String { "\(self.directory)/\(name)" }
}
