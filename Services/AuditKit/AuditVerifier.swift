import Crypto
import Foundation
import Shared

/// Checks an audit record without trusting whoever wrote it (DESIGN §10): every archive against the manifest,
/// every line's seq and `prev` link across archives and into the live part, and every checkpoint's signature and
/// head. Stops at the first problem and names it precisely.
///
/// The service runs it for `audit.verify`; `lingyan audit verify --dir` runs it with no service at all.
public struct AuditVerifier {
    /// A line not yet sealed, from the audit database.
    public struct LiveLine: Sendable {
        public var seq: Int64
        public var bytes: [UInt8]

        public init(seq: Int64, bytes: [UInt8]) {
            self.seq = seq
            self.bytes = bytes
        }
    }

    public let directory: ArchiveDirectory
    public let publicKey: Curve25519.Signing.PublicKey?
    /// Called after each archive with the compressed bytes done and in all.
    public var progress: ((Int64, Int64) -> Void)?

    public init(directory: ArchiveDirectory, publicKey: Curve25519.Signing.PublicKey?) {
        self.directory = directory
        self.publicKey = publicKey
    }

    private struct Found: Error {
        let problem: AuditInterface.Problem
    }

    /// Where the chain has got to.
    private struct Chain {
        var expectedSeq: Int64 = 1
        var prev = AuditLine.genesis
        var checked: Int64 = 0
        /// Hashes of the lines that checkpoints name.
        var heads: [Int64: String] = [0: AuditLine.genesis]
        var wanted: Set<Int64> = []
        var archives = 0

        /// Checks one line and advances; `file` and `number` place a problem.
        mutating func take(_ line: ArraySlice<UInt8>, file: String, number: Int64) throws(Found) {
            guard let (seq, prev) = AuditLine.seqAndPrev(line) else {
                throw Found(problem: .init(
                    code: "bad_line", file: file, line: number, seq: self.expectedSeq,
                    message: "not an audit line (it must start {\"seq\":N, and end ,\"prev\":\"<64 hex>\"}): altered or cut"))
            }
            if seq != self.expectedSeq {
                let what = seq < self.expectedSeq
                    ? "seq \(seq) where \(self.expectedSeq) was expected: a line is duplicated or out of order"
                    : "seq \(seq) where \(self.expectedSeq) was expected: lines \(self.expectedSeq)…\(seq - 1) are missing"
                throw Found(problem: .init(
                    code: seq < self.expectedSeq ? "seq_repeated" : "seq_gap", file: file, line: number, seq: seq,
                    message: what))
            }
            if prev != self.prev {
                throw Found(problem: .init(
                    code: "broken_link", file: file, line: number, seq: seq,
                    message: "prev does not match the SHA-256 of the line before (seq \(seq - 1)): "
                        + "that line was changed, or a line was removed or inserted here"))
            }
            self.prev = line.withUnsafeBytes { AuditLine.hash($0) }
            self.expectedSeq += 1
            self.checked += 1
            if self.wanted.contains(self.checked) { self.heads[self.checked] = self.prev }
        }
    }

    /// Verifies the archives, then `live` (the unsealed lines in seq order), then `checkpoints`.
    public func verify(
        live: [LiveLine], checkpoints: [(file: String, checkpoint: AuditInterface.Checkpoint?)]
    ) -> AuditInterface.Verification {
        var chain = Chain()
        chain.wanted = Set(checkpoints.compactMap { $0.checkpoint?.size })
        do throws(Found) {
            try self.verifyArchives(&chain)
            for (index, line) in live.enumerated() {
                try chain.take(line.bytes[...], file: "live", number: Int64(index + 1))
            }
            try self.verifyCheckpoints(checkpoints, chain: chain)
        } catch {
            return .init(
                ok: false, checkedLines: chain.checked, checkedArchives: chain.archives,
                checkedCheckpoints: 0, firstProblem: error.problem)
        }
        return .init(
            ok: true, checkedLines: chain.checked, checkedArchives: chain.archives, checkedCheckpoints: checkpoints.count,
            firstProblem: nil)
    }

    private func verifyArchives(_ chain: inout Chain) throws(Found) {
        let manifestName = "MANIFEST.jsonl"
        let entries: [AuditInterface.ManifestEntry]
        do {
            entries = try self.directory.manifest()
        } catch {
            throw Found(problem: .init(
                code: "bad_manifest", file: manifestName, line: error.line, message: "\(error.reason): altered or cut"))
        }
        let total = entries.reduce(Int64(0)) { total, entry in
            total + Int64((try? FileManager.default.attributesOfItem(atPath: "\(self.directory.path)/\(entry.file)")[.size] as? Int) ?? 0)
        }
        var done: Int64 = 0
        for (index, entry) in entries.enumerated() {
            let entryLine = Int64(index + 1)
            guard entry.file == ArchiveDirectory.archiveName(firstSeq: entry.firstSeq, lastSeq: entry.lastSeq),
                entry.count == entry.lastSeq - entry.firstSeq + 1
            else {
                throw Found(problem: .init(
                    code: "bad_manifest", file: manifestName, line: entryLine,
                    message: "the entry for \(entry.file) does not agree with itself (name, seq range and count)"))
            }
            if entry.firstSeq != chain.expectedSeq {
                throw Found(problem: .init(
                    code: entry.firstSeq > chain.expectedSeq ? "seq_gap" : "seq_repeated", file: manifestName,
                    line: entryLine, seq: entry.firstSeq,
                    message: "\(entry.file) starts at seq \(entry.firstSeq) but the record so far ends at \(chain.expectedSeq - 1): "
                        + (entry.firstSeq > chain.expectedSeq ? "an archive is missing" : "archives overlap or are out of order")))
            }
            if entry.firstPrev != chain.prev {
                throw Found(problem: .init(
                    code: "broken_link", file: manifestName, line: entryLine, seq: entry.firstSeq,
                    message: "\(entry.file) does not follow on from the archive before it (firstPrev differs from its last line's hash)"))
            }
            let path = "\(self.directory.path)/\(entry.file)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Found(problem: .init(
                    code: "missing_archive", file: entry.file, seq: entry.firstSeq,
                    message: "the manifest lists this archive (seq \(entry.firstSeq)…\(entry.lastSeq)) but the file is not there"))
            }
            let compressed = [UInt8](data)
            guard Gzip.hasSealerHeader(compressed) else {
                throw Found(problem: .init(
                    code: "bad_gzip", file: entry.file,
                    message: "the gzip header is not the one the sealer writes (flags, time or system byte changed)"))
            }
            let content: [UInt8]
            do {
                content = try Gzip.decompress(compressed)
            } catch {
                throw Found(problem: .init(code: "bad_gzip", file: entry.file, message: error.description))
            }
            var number: Int64 = 0
            var start = content.startIndex
            while start < content.endIndex {
                number += 1
                guard let end = content[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                    throw Found(problem: .init(
                        code: "truncated", file: entry.file, line: number, seq: chain.expectedSeq,
                        message: "the last line has no newline: the archive was cut short"))
                }
                try chain.take(content[start..<end], file: entry.file, number: number)
                start = end + 1
            }
            if number != entry.count || chain.expectedSeq - 1 != entry.lastSeq {
                throw Found(problem: .init(
                    code: "count_mismatch", file: entry.file, line: number,
                    message: "the archive holds \(number) lines ending at seq \(chain.expectedSeq - 1); the manifest says "
                        + "\(entry.count) ending at \(entry.lastSeq): lines were cut from its end"))
            }
            if chain.prev != entry.lastHash {
                throw Found(problem: .init(
                    code: "manifest_mismatch", file: entry.file, line: number, seq: entry.lastSeq,
                    message: "the last line's SHA-256 differs from the manifest's lastHash: the last line was changed"))
            }
            let digest = compressed.withUnsafeBytes { AuditLine.hash($0) }
            if digest != entry.sha256 {
                throw Found(problem: .init(
                    code: "archive_hash", file: entry.file,
                    message: "the file's SHA-256 \(digest) differs from the manifest's \(entry.sha256): the file was replaced or rewritten"))
            }
            chain.archives += 1
            done += Int64(compressed.count)
            self.progress?(done, total)
        }
        let listed = Set(entries.map(\.file))
        if let stray = self.directory.archiveFiles().sorted().first(where: { !listed.contains($0) }) {
            throw Found(problem: .init(
                code: "unlisted_archive", file: stray, message: "an archive file that the manifest does not list"))
        }
    }

    private func verifyCheckpoints(
        _ checkpoints: [(file: String, checkpoint: AuditInterface.Checkpoint?)], chain: Chain
    ) throws(Found) {
        for (path, checkpoint) in checkpoints {
            let file = (path as NSString).lastPathComponent
            guard let checkpoint, checkpoint.origin == AuditInterface.Checkpoint.currentOrigin else {
                throw Found(problem: .init(code: "bad_checkpoint", file: file, message: "not a lingyan-audit/v1 checkpoint"))
            }
            guard let publicKey = self.publicKey else {
                throw Found(problem: .init(
                    code: "bad_signature", file: file, message: "no public key to check the signature with"))
            }
            guard checkpoint.isSigned(by: publicKey) else {
                throw Found(problem: .init(
                    code: "bad_signature", file: file,
                    message: "the signature does not match the public key: the checkpoint was altered or signed by another key"))
            }
            guard checkpoint.size <= chain.checked else {
                throw Found(problem: .init(
                    code: "log_shorter_than_checkpoint", file: file, seq: chain.checked + 1,
                    message: "signed at \(checkpoint.at) over \(checkpoint.size) lines, but the record holds \(chain.checked): "
                        + "lines were cut off or the log was rolled back"))
            }
            guard chain.heads[checkpoint.size] == checkpoint.head else {
                throw Found(problem: .init(
                    code: "checkpoint_mismatch", file: file, seq: checkpoint.size,
                    message: "line \(checkpoint.size)'s SHA-256 differs from the head signed at \(checkpoint.at): "
                        + "the record was rewritten or replaced by another history"))
            }
        }
    }
}
