import AuditKit
import Crypto
import Foundation
import Logging
import ServiceKit
import Shared
import Synchronization

/// Moves live lines into gzip archives and signs checkpoints (DESIGN §10).
///
/// A seal runs in an order that a crash at any point leaves recoverable, with no line lost or duplicated:
/// 1. the archive is written under a temporary name, flushed, renamed into place and the directory flushed;
/// 2. its entry is appended to `MANIFEST.jsonl` and flushed;
/// 3. only then are its lines removed from the live table.
/// `recover()` at start-up finishes or undoes whatever a crash interrupted: temporary files are removed, a torn
/// manifest line is cut, an archive the manifest does not list yet is removed (its lines are still live and are
/// sealed again), and lines the manifest already lists are removed from the live table.
///
/// Seals, checkpoints and verification take one lock, so a verification never sees a seal half done.
final class AuditSealer: Sendable {
    let store: AuditStore
    let directory: ArchiveDirectory
    /// The raw signing key (swift-crypto's key type is not `Sendable`).
    private let keyBytes: Data
    let clock: LingyanClock
    let logger: Logger
    let gzipLevel: Int
    /// Lines in one archive at most; a larger live part becomes several archives.
    let archiveLines: Int
    private let lock = Mutex(())

    init(
        store: AuditStore, directory: ArchiveDirectory, key: Curve25519.Signing.PrivateKey, clock: LingyanClock,
        logger: Logger, gzipLevel: Int, archiveLines: Int
    ) {
        self.store = store
        self.directory = directory
        self.keyBytes = key.rawRepresentation
        self.clock = clock
        self.logger = logger
        self.gzipLevel = gzipLevel
        self.archiveLines = archiveLines
    }

    private var key: Curve25519.Signing.PrivateKey {
        // The bytes came from a valid key.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: self.keyBytes)
    }

    /// Finishes or undoes a seal that a crash interrupted.
    func recover() throws {
        try self.lock.withLock { _ in
            let manager = FileManager.default
            for name in (try? manager.contentsOfDirectory(atPath: self.directory.path)) ?? []
            where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                try manager.removeItem(atPath: "\(self.directory.path)/\(name)")
                self.logger.notice("removed a temporary file left by an interrupted seal", metadata: ["file": "\(name)"])
            }
            if try self.directory.repairManifestTail() {
                self.logger.warning("cut a torn last line from MANIFEST.jsonl (a seal was interrupted while listing an archive)")
            }
            let entries = try self.directory.manifest()
            let sealedThrough = entries.last?.lastSeq ?? 0
            let removed = try self.store.removeSealed(through: sealedThrough)
            if removed > 0 {
                self.logger.notice(
                    "removed live lines an interrupted seal had already archived", metadata: ["lines": "\(removed)"])
            }
            let listed = Set(entries.map(\.file))
            for name in self.directory.archiveFiles() where !listed.contains(name) {
                // Written but never listed: its lines are still live and will be sealed again.
                guard let range = ArchiveDirectory.range(ofArchiveNamed: name), range.lowerBound > sealedThrough else { continue }
                try manager.removeItem(atPath: "\(self.directory.path)/\(name)")
                self.logger.notice("removed an archive an interrupted seal had not listed", metadata: ["file": "\(name)"])
            }
        }
    }

    /// Seals every live line (in archives of at most `archiveLines`) and signs a checkpoint.
    func seal() throws -> AuditInterface.Seal.Result {
        try self.lock.withLock { _ in
            var written: [AuditInterface.ManifestEntry] = []
            while let run = try self.store.oldestRun(limit: self.archiveLines) {
                written.append(try self.archive(run))
            }
            let checkpoint = try self.makeCheckpoint()
            return .init(archives: written, checkpoint: checkpoint)
        }
    }

    /// A new checkpoint when the log has grown since the newest one; otherwise the newest.
    func checkpoint() throws -> AuditInterface.Checkpoint {
        try self.lock.withLock { _ in
            let (size, head) = try self.store.chain()
            if let newest = self.directory.checkpoints().first?.checkpoint, newest.size == size, newest.head == head {
                return newest
            }
            return try self.makeCheckpoint()
        }
    }

    /// Verifies archives, live lines and every stored checkpoint, with no seal running meanwhile.
    func verify() throws -> AuditInterface.Verification {
        try self.lock.withLock { _ in
            let verifier = AuditVerifier(directory: self.directory, publicKey: self.key.publicKey)
            return verifier.verify(live: try self.store.liveLines(), checkpoints: self.directory.checkpoints())
        }
    }

    /// Runs `body` with no seal running (queries read archives and the live part together).
    func withSealsPaused<T>(_ body: () throws -> T) throws -> T {
        try self.lock.withLock { _ in try body() }
    }

    private func makeCheckpoint() throws -> AuditInterface.Checkpoint {
        let (size, head) = try self.store.chain()
        let checkpoint = try AuditInterface.Checkpoint.signed(
            size: size, head: head, at: Timestamp.string(from: self.clock.now()), key: self.key)
        try self.directory.store(checkpoint)
        self.logger.info("signed a checkpoint", metadata: ["size": "\(size)", "head": "\(head)"])
        return checkpoint
    }

    private func archive(_ run: AuditStore.Run) throws -> AuditInterface.ManifestEntry {
        let first = run.lines.first!.seq
        let last = run.lines.last!.seq
        var content: [UInt8] = []
        content.reserveCapacity(run.lines.reduce(0) { $0 + $1.bytes.count + 1 })
        for line in run.lines {
            content.append(contentsOf: line.bytes)
            content.append(UInt8(ascii: "\n"))
        }
        let compressed = try Gzip.compress(content, level: self.gzipLevel)
        let name = ArchiveDirectory.archiveName(firstSeq: first, lastSeq: last)
        try DurableFile.write(path: "\(self.directory.path)/\(name)", bytes: compressed)
        let entry = AuditInterface.ManifestEntry(
            file: name, firstSeq: first, lastSeq: last, count: Int64(run.lines.count), firstPrev: run.firstPrev,
            lastHash: run.lastHash, sha256: AuditLine.hash(compressed), bytes: Int64(content.count),
            sealedAt: Timestamp.string(from: self.clock.now()))
        try self.directory.append(entry)
        _ = try self.store.removeSealed(through: last)
        self.logger.notice(
            "sealed an archive",
            metadata: ["file": "\(name)", "lines": "\(run.lines.count)", "bytes": "\(content.count)", "gzipBytes": "\(compressed.count)"])
        return entry
    }
}
