import Foundation
import Shared

/// The files of `audit/archive/` (DESIGN §10) and how they are written so that a crash leaves either the old or
/// the new state, never a half-written one.
public struct ArchiveDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var manifestPath: String { "\(self.path)/MANIFEST.jsonl" }
    public var checkpointPath: String { "\(self.path)/checkpoint.json" }
    public var checkpointsDirectory: String { "\(self.path)/checkpoints" }
    public var publicKeyPath: String { "\(self.path)/audit-signing.pub" }

    /// `audit-<firstSeq>-<lastSeq>.jsonl.gz`.
    public static func archiveName(firstSeq: Int64, lastSeq: Int64) -> String { "audit-\(firstSeq)-\(lastSeq).jsonl.gz" }

    /// The seq range an archive's name claims, or nil for any other file.
    public static func range(ofArchiveNamed name: String) -> ClosedRange<Int64>? {
        guard name.hasPrefix("audit-"), name.hasSuffix(".jsonl.gz") else { return nil }
        let numbers = name.dropFirst("audit-".count).dropLast(".jsonl.gz".count).split(separator: "-")
        guard numbers.count == 2, let first = Int64(numbers[0]), let last = Int64(numbers[1]), first <= last else {
            return nil
        }
        return first...last
    }

    /// Names of the archive files present, in no particular order.
    public func archiveFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: self.path)) ?? []).filter {
            Self.range(ofArchiveNamed: $0) != nil
        }
    }

    // MARK: Manifest

    /// A manifest line that is not an entry.
    public struct ManifestProblem: Error {
        public var line: Int64
        public var reason: String
    }

    /// The manifest's entries in file order; an absent manifest is an empty one.
    public func manifest() throws(ManifestProblem) -> [AuditInterface.ManifestEntry] {
        guard let data = FileManager.default.contents(atPath: self.manifestPath) else { return [] }
        var pieces = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        var entries: [AuditInterface.ManifestEntry] = []
        for (index, line) in pieces.enumerated() {
            do {
                entries.append(try LingyanJSON.decode(AuditInterface.ManifestEntry.self, from: line))
            } catch {
                throw ManifestProblem(line: Int64(index + 1), reason: line.isEmpty ? "an empty line" : "not a manifest entry")
            }
        }
        return entries
    }

    /// Appends an entry and flushes it to disk.
    public func append(_ entry: AuditInterface.ManifestEntry) throws {
        try DurableFile.append(path: self.manifestPath, bytes: Array(try LingyanJSON.encode(entry)) + [UInt8(ascii: "\n")])
    }

    /// Cuts an incomplete last line (a crash during an append) from the manifest; returns whether it did.
    public func repairManifestTail() throws -> Bool {
        guard let data = FileManager.default.contents(atPath: self.manifestPath), let last = data.last,
            last != UInt8(ascii: "\n")
        else { return false }
        let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        guard truncate(self.manifestPath, off_t(keep)) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try DurableFile.syncFile(self.manifestPath)
        return true
    }

    // MARK: Checkpoints

    /// Every checkpoint kept: the newest, then the earlier ones, with the file each came from.
    public func checkpoints() -> [(file: String, checkpoint: AuditInterface.Checkpoint?)] {
        var files: [String] = []
        if FileManager.default.fileExists(atPath: self.checkpointPath) { files.append(self.checkpointPath) }
        let earlier = ((try? FileManager.default.contentsOfDirectory(atPath: self.checkpointsDirectory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { "\(self.checkpointsDirectory)/\($0)" }
        files += earlier
        // checkpoint.json is a copy of the newest kept one: a file with the same bytes is checked once.
        var seen: Set<Data> = []
        return files.compactMap { file in
            let data = FileManager.default.contents(atPath: file) ?? Data()
            guard seen.insert(data).inserted else { return nil }
            return (file, try? LingyanJSON.decode(AuditInterface.Checkpoint.self, from: [UInt8](data)))
        }
    }

    /// Stores a checkpoint as the newest, keeping a copy among the earlier ones.
    public func store(_ checkpoint: AuditInterface.Checkpoint) throws {
        let bytes = Array(try LingyanJSON.encode(checkpoint)) + [UInt8(ascii: "\n")]
        try FileManager.default.createDirectory(
            atPath: self.checkpointsDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let stamp = checkpoint.at.replacingOccurrences(of: ":", with: "")
        try DurableFile.write(path: "\(self.checkpointsDirectory)/checkpoint-\(checkpoint.size)-\(stamp).json", bytes: bytes)
        try DurableFile.write(path: self.checkpointPath, bytes: bytes)
    }
}

/// Writes that reach the disk before they are reported done.
public enum DurableFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it, renames it over `path` and flushes the
    /// directory: readers see the old file or the new one, never a part.
    public static func write(path: String, bytes: [UInt8], mode: mode_t = 0o600) throws {
        let temporary = Self.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Self.error(path: temporary) }
        do {
            try Self.writeAll(descriptor, bytes, path: temporary)
            guard fsync(descriptor) == 0 else { throw Self.error(path: temporary) }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = Self.error(path: path)
            unlink(temporary)
            throw failure
        }
        try Self.syncDirectory(of: path)
    }

    /// Appends `bytes` to `path` (created 0600) and flushes it.
    public static func append(path: String, bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error(path: path) }
        defer { close(descriptor) }
        try Self.writeAll(descriptor, bytes, path: path)
        guard fsync(descriptor) == 0 else { throw Self.error(path: path) }
    }

    /// The name a file is written under before it is renamed into place; starts with a dot, ends in `.tmp`.
    public static func temporaryPath(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return "\(directory)/.\((path as NSString).lastPathComponent).tmp"
    }

    public static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error(path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Self.error(path: path) }
    }

    public static func syncDirectory(of path: String) throws {
        try Self.syncFile((path as NSString).deletingLastPathComponent)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.error(path: path)
            }
            offset += written
        }
    }

    private static func error(path: String) -> any Error {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: path,
            NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
            NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))",
        ])
    }
}
