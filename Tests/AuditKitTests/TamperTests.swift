import AuditKit
import Crypto
import Foundation
import Shared
import Testing
import TestSupport

/// A small audit record on disk, written with the same functions the audit service seals with.
private struct Record {
    let home: TestHome
    let directory: ArchiveDirectory
    let key = Curve25519.Signing.PrivateKey()
    private(set) var lines: [[UInt8]] = []
    private(set) var head = AuditLine.genesis

    init() throws {
        self.home = try TestHome()
        self.directory = ArchiveDirectory(path: "\(self.home.path)/archive")
        try FileManager.default.createDirectory(atPath: self.directory.path, withIntermediateDirectories: true)
    }

    /// Appends `count` lines of events like the registry's.
    mutating func add(_ count: Int, type: String = "form.published") {
        for _ in 0..<count {
            let seq = Int64(self.lines.count + 1)
            let line = AuditLine.bytes(
                seq: seq, source: "registry", sourceSeq: seq, at: "2026-11-30T08:00:0\(seq % 10).000Z",
                recordedAt: "2026-11-30T08:00:0\(seq % 10).004Z",
                actor: ["uid": 1000, "user": "chen", "pid": 4242, "operator": "陈晟颖"], type: type,
                entity: "form:F-2026-00000\(seq)", data: ["revision": .integer(seq), "status": "published"], prev: self.head)
            self.head = AuditLine.hash(line)
            self.lines.append(line)
        }
    }

    /// Seals lines `first...last` (1-based seq) into an archive listed in the manifest.
    func seal(_ first: Int, _ last: Int) throws {
        let content = self.lines[(first - 1)...(last - 1)].reduce(into: [UInt8]()) { $0 += $1 + [0x0A] }
        let compressed = try Gzip.compress(content, level: 6)
        let name = ArchiveDirectory.archiveName(firstSeq: Int64(first), lastSeq: Int64(last))
        try DurableFile.write(path: "\(self.directory.path)/\(name)", bytes: compressed)
        try self.directory.append(.init(
            file: name, firstSeq: Int64(first), lastSeq: Int64(last), count: Int64(last - first + 1),
            firstPrev: first == 1 ? AuditLine.genesis : AuditLine.hash(self.lines[first - 2]),
            lastHash: AuditLine.hash(self.lines[last - 1]), sha256: AuditLine.hash(compressed), bytes: Int64(content.count),
            sealedAt: "2026-11-30T09:00:00.000Z"))
    }

    /// Signs a checkpoint of the first `size` lines and stores it in the directory.
    func checkpoint(_ size: Int) throws -> AuditInterface.Checkpoint {
        let checkpoint = try AuditInterface.Checkpoint.signed(
            size: Int64(size), head: size == 0 ? AuditLine.genesis : AuditLine.hash(self.lines[size - 1]),
            at: "2026-11-30T09:00:0\(size % 10).000Z", key: self.key)
        try self.directory.store(checkpoint)
        return checkpoint
    }

    func live(from first: Int) -> [AuditVerifier.LiveLine] {
        guard first <= self.lines.count else { return [] }
        return (first...self.lines.count).map { AuditVerifier.LiveLine(seq: Int64($0), bytes: self.lines[$0 - 1]) }
    }

    func verify(live: [AuditVerifier.LiveLine] = [], extra: [AuditInterface.Checkpoint] = []) -> AuditInterface.Verification {
        AuditVerifier(directory: self.directory, publicKey: self.key.publicKey)
            .verify(live: live, checkpoints: self.directory.checkpoints() + extra.map { ("outside.json", $0) })
    }

    func path(_ name: String) -> String { "\(self.directory.path)/\(name)" }

    /// Replaces an archive's content and, like an attacker who knows the format, its manifest hash and count.
    func rewrite(_ name: String, content: [UInt8], fixManifest: Bool = true) throws {
        let compressed = try Gzip.compress(content, level: 6)
        try Data(compressed).write(to: URL(fileURLWithPath: self.path(name)))
        if fixManifest { try self.setManifestHash(of: name, to: AuditLine.hash(compressed)) }
    }

    func setManifestHash(of name: String, to digest: String) throws {
        var entries = try self.directory.manifest()
        for index in entries.indices where entries[index].file == name { entries[index].sha256 = digest }
        let text = try entries.map { try LingyanJSON.string($0) + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: self.directory.manifestPath))
    }

    func content(_ name: String) throws -> [UInt8] {
        try Gzip.decompress([UInt8](try Data(contentsOf: URL(fileURLWithPath: self.path(name)))))
    }
}

/// Runs CPU-heavy work on a dispatch thread: Swift Testing runs tests concurrently on the cooperative pool, and a
/// long synchronous loop there would starve every other test's awaits.
private func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

@Suite("Audit record tampering", .serialized)
struct TamperTests {
    @Test("an untouched record verifies: archives, live lines and checkpoints, with every line counted")
    func intact() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(12)
        try record.seal(1, 5)
        _ = try record.checkpoint(5)
        try record.seal(6, 9)
        _ = try record.checkpoint(11)
        let result = record.verify(live: record.live(from: 10))
        #expect(result.ok, "\(String(describing: result.firstProblem))")
        #expect(result.checkedLines == 12)
        #expect(result.checkedArchives == 2)
        #expect(result.checkedCheckpoints == 2)
        // zcat-equivalent: the archive holds the lines byte for byte.
        #expect(try record.content("audit-1-5.jsonl.gz") == record.lines[0..<5].reduce(into: [UInt8]()) { $0 += $1 + [0x0A] })
    }

    @Test("every single-bit flip of an archive's content is found, at the flipped line or the next, even with the manifest hash recomputed")
    func everyContentBitFlip() async throws {
        try await offPool { try Self.contentBitFlips() }
    }

    private static func contentBitFlips() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(4)
        try record.seal(1, 3)
        let name = "audit-1-3.jsonl.gz"
        let original = try record.content(name)
        var lineOf: [Int] = []
        var line = 1
        for byte in original {
            lineOf.append(line)
            if byte == 0x0A { line += 1 }
        }
        var missed: [Int] = []
        var misplaced: [String] = []
        for bit in 0..<(original.count * 8) {
            var flipped = original
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            try record.rewrite(name, content: flipped)
            let result = record.verify(live: record.live(from: 4))
            guard let problem = result.firstProblem, !result.ok else {
                missed.append(bit)
                continue
            }
            let flippedLine = Int64(lineOf[bit / 8])
            if problem.file != name || !(flippedLine...(flippedLine + 1)).contains(problem.line ?? -1) {
                misplaced.append("bit \(bit) (line \(flippedLine)): \(problem)")
            }
        }
        #expect(missed.isEmpty, "undetected flips: \(missed.prefix(10))")
        #expect(misplaced.isEmpty, "\(misplaced.count) misplaced, e.g. \(misplaced.prefix(3))")
    }

    /// With the manifest's hash forged to match, a few flips change nothing the record says, and decompress to the
    /// same bytes: the compression hint in the header and the padding bits after the last deflate block. Every
    /// other flip, and every flip without the forgery, is found.
    @Test("every single-bit flip of the .gz file is found, whether or not the manifest hash was recomputed")
    func everyFileBitFlip() async throws {
        try await offPool { try Self.fileBitFlips() }
    }

    private static func fileBitFlips() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(3)
        try record.seal(1, 3)
        let name = "audit-1-3.jsonl.gz"
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: record.path(name))))
        let content = try Gzip.decompress(original)
        var missed: [String] = []
        var harmless = 0
        for fixManifest in [false, true] {
            for bit in 0..<(original.count * 8) {
                var flipped = original
                flipped[bit / 8] ^= UInt8(1 << (bit % 8))
                if fixManifest, Gzip.hasSealerHeader(flipped), (try? Gzip.decompress(flipped)) == content {
                    harmless += 1
                    continue
                }
                try Data(flipped).write(to: URL(fileURLWithPath: record.path(name)))
                try record.setManifestHash(of: name, to: fixManifest ? AuditLine.hash(flipped) : AuditLine.hash(original))
                let result = record.verify()
                if result.ok || result.firstProblem?.file != name {
                    missed.append("bit \(bit), manifest fixed: \(fixManifest): \(String(describing: result.firstProblem))")
                }
            }
        }
        #expect(missed.isEmpty, "\(missed.count) flips not found in the archive, e.g. \(missed.prefix(5))")
        #expect(harmless <= 8, "\(harmless) flips left the content unchanged")
    }

    @Test("a deleted, inserted, duplicated or reordered line is named with its line number")
    func lineEdits() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(5)
        try record.seal(1, 5)
        let name = "audit-1-5.jsonl.gz"
        let lines = record.lines
        func content(_ picked: [[UInt8]]) -> [UInt8] { picked.reduce(into: [UInt8]()) { $0 += $1 + [0x0A] } }
        var forged = record
        forged.add(1)
        let cases: [(String, [[UInt8]], String, Int64)] = [
            ("deleted", [lines[0], lines[2], lines[3], lines[4]], "seq_gap", 2),
            ("inserted", [lines[0], lines[1], forged.lines[5], lines[2], lines[3], lines[4]], "seq_gap", 3),
            ("duplicated", [lines[0], lines[1], lines[1], lines[2], lines[3], lines[4]], "seq_repeated", 3),
            ("reordered", [lines[0], lines[2], lines[1], lines[3], lines[4]], "seq_gap", 2),
            ("tail cut", [lines[0], lines[1], lines[2], lines[3]], "count_mismatch", 4),
        ]
        for (label, picked, code, line) in cases {
            try record.rewrite(name, content: content(picked))
            let problem = record.verify().firstProblem
            #expect(problem?.code == code, "\(label): \(String(describing: problem))")
            #expect(problem?.file == name, "\(label)")
            #expect(problem?.line == line, "\(label): \(String(describing: problem))")
        }
        // A line rewritten with a consistent seq but the wrong link.
        var relinked = lines
        relinked[2] = Array(String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: "published", with: "returned").utf8)
        try record.rewrite(name, content: content(relinked))
        let problem = record.verify().firstProblem
        #expect(problem?.code == "broken_link")
        #expect(problem?.line == 4)
        // A cut .gz file.
        let compressed = try Gzip.compress(content(lines), level: 6)
        try Data(compressed.dropLast(9)).write(to: URL(fileURLWithPath: record.path(name)))
        #expect(record.verify().firstProblem?.code == "bad_gzip")
    }

    @Test("a missing, unlisted or swapped archive and a rolled-back record are found")
    func archivesAndRollback() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(9)
        try record.seal(1, 3)
        try record.seal(4, 6)
        let outside = try record.checkpoint(6)
        let saved = record.home.path + "/saved"
        try FileManager.default.copyItem(atPath: record.directory.path, toPath: saved)

        // Missing archive file.
        try FileManager.default.moveItem(atPath: record.path("audit-4-6.jsonl.gz"), toPath: record.home.path + "/aside.gz")
        #expect(record.verify().firstProblem?.code == "missing_archive")
        try FileManager.default.moveItem(atPath: record.home.path + "/aside.gz", toPath: record.path("audit-4-6.jsonl.gz"))
        #expect(record.verify().ok)

        // An archive listed nowhere.
        try FileManager.default.copyItem(atPath: record.path("audit-1-3.jsonl.gz"), toPath: record.path("audit-7-9.jsonl.gz"))
        #expect(record.verify().firstProblem?.code == "unlisted_archive")
        try FileManager.default.removeItem(atPath: record.path("audit-7-9.jsonl.gz"))

        // Two archives' contents swapped.
        let first = try Data(contentsOf: URL(fileURLWithPath: record.path("audit-1-3.jsonl.gz")))
        let second = try Data(contentsOf: URL(fileURLWithPath: record.path("audit-4-6.jsonl.gz")))
        try second.write(to: URL(fileURLWithPath: record.path("audit-1-3.jsonl.gz")))
        try first.write(to: URL(fileURLWithPath: record.path("audit-4-6.jsonl.gz")))
        let swapped = record.verify().firstProblem
        #expect(swapped?.file == "audit-1-3.jsonl.gz" && swapped?.code == "seq_gap", "\(String(describing: swapped))")

        // The last archive and its manifest entry removed, and checkpoints rolled back with it: only an outside
        // checkpoint can tell.
        try FileManager.default.removeItem(atPath: record.directory.path)
        try FileManager.default.copyItem(atPath: saved, toPath: record.directory.path)
        var entries = try record.directory.manifest()
        entries.removeLast()
        try Data(try entries.map { try LingyanJSON.string($0) + "\n" }.joined().utf8)
            .write(to: URL(fileURLWithPath: record.directory.manifestPath))
        try FileManager.default.removeItem(atPath: record.path("audit-4-6.jsonl.gz"))
        try FileManager.default.removeItem(atPath: record.directory.checkpointsDirectory)
        try FileManager.default.removeItem(atPath: record.directory.checkpointPath)
        #expect(record.verify().ok, "consistent on its own")
        let rolledBack = record.verify(extra: [outside]).firstProblem
        #expect(rolledBack?.code == "log_shorter_than_checkpoint", "\(String(describing: rolledBack))")
        #expect(rolledBack?.file == "outside.json")

        // The same length but another history: a checkpoint head that no longer matches.
        var other = try Record()
        defer { other.home.remove() }
        other.add(3, type: "form.returned")
        try FileManager.default.removeItem(atPath: other.directory.path)
        try FileManager.default.createDirectory(atPath: other.directory.path, withIntermediateDirectories: true)
        try other.seal(1, 3)
        var foreign = outside
        foreign.size = 3
        foreign.head = AuditLine.hash(record.lines[2])
        foreign = try .signed(size: 3, head: foreign.head, at: outside.at, key: record.key)
        let rewritten = AuditVerifier(directory: other.directory, publicKey: record.key.publicKey)
            .verify(live: [], checkpoints: [("outside.json", foreign)]).firstProblem
        #expect(rewritten?.code == "checkpoint_mismatch", "\(String(describing: rewritten))")
    }

    @Test("a checkpoint whose signature, size or head was altered, or signed by another key, is refused")
    func badSignatures() throws {
        var record = try Record()
        defer { record.home.remove() }
        record.add(3)
        try record.seal(1, 3)
        let good = try record.checkpoint(3)
        var altered = good
        altered.size = 2
        var retyped = good
        retyped.signature = String(good.signature.reversed())
        let stranger = try AuditInterface.Checkpoint.signed(
            size: 3, head: good.head, at: good.at, key: Curve25519.Signing.PrivateKey())
        for checkpoint in [altered, retyped, stranger] {
            #expect(record.verify(extra: [checkpoint]).firstProblem?.code == "bad_signature")
        }
        #expect(record.verify(extra: [good]).ok)
    }

    @Test("gzip output is what gzip(1) reads, and a stream with trailing bytes is refused")
    func gzipInterop() throws {
        let home = try TestHome()
        defer { home.remove() }
        let text = Array(String(repeating: "领雁 lingyan audit line\n", count: 500).utf8)
        let compressed = try Gzip.compress(text, level: 9)
        try Data(compressed).write(to: URL(fileURLWithPath: "\(home.path)/a.gz"))
        try Data(text).write(to: URL(fileURLWithPath: "\(home.path)/a.txt"))
        let run = try CLIRun.run(
            ["/bin/sh", "-c", "gzip -t \(home.path)/a.gz && gzip -dc \(home.path)/a.gz | cmp - \(home.path)/a.txt"],
            environment: ProcessInfo.processInfo.environment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Gzip.decompress(compressed) == text)
        #expect(throws: Gzip.Failure.trailingBytes(3)) { try Gzip.decompress(compressed + [1, 2, 3]) }
        #expect(throws: Gzip.Failure.truncated) { try Gzip.decompress(Array(compressed.dropLast(20))) }
    }
}
