import ArgumentParser
import AuditKit
import Crypto
import Foundation
import NIOCore
import Shared

/// `lingyan-bench audit`: sealing and verification throughput beside gzip(1) and `zcat | sha256sum` on the same
/// lines, and how fast the audit service appends lines while the registry is under write load.
struct AuditBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Seal MB/s beside gzip -6, verify MB/s beside zcat | sha256sum, lines appended/s under registry load.")

    @Option(help: "Lines to seal and verify.")
    var lines = 200_000

    @Option(help: "Lines per archive.")
    var archiveLines = 10_000

    @Option(help: "gzip level.")
    var level = 6

    @Option(help: "Seconds of registry write load.")
    var seconds = 5.0

    @Option(help: "Directory of the executables to measure (default: beside lingyan-bench).")
    var binDir: String?

    func run() async throws {
        printLineByLine()
        let home = try scratchHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let lines = Self.makeLines(self.lines)
        var content: [UInt8] = []
        for line in lines {
            content += line
            content.append(0x0A)
        }
        let megabytes = Double(content.count) / 1_048_576
        print("\(self.lines) audit lines, \(String(format: "%.1f", megabytes)) MiB of JSON lines; gzip level \(self.level); \(System.coreCount) cores")
        print("")

        // Sealing: zlib through Lingyan beside gzip(1), same bytes, same level.
        try Data(content).write(to: URL(fileURLWithPath: "\(home)/lines.jsonl"))
        var start = ContinuousClock.now
        let compressed = try Gzip.compress(content, level: self.level)
        let ours = (ContinuousClock.now - start).seconds
        start = ContinuousClock.now
        let gzipStatus = shell("gzip -\(self.level) -n -c \(home)/lines.jsonl > \(home)/lines.jsonl.gz")
        let theirs = (ContinuousClock.now - start).seconds
        let gzipSize = (try? FileManager.default.attributesOfItem(atPath: "\(home)/lines.jsonl.gz")[.size] as? Int) ?? 0
        print("seal (compress)   Lingyan zlib: \(String(format: "%6.1f", megabytes / ours)) MB/s, \(compressed.count) bytes")
        print("                  gzip -\(self.level):      \(String(format: "%6.1f", megabytes / theirs)) MB/s, \(gzipSize) bytes (exit \(gzipStatus))")
        print("                  speed \(String(format: "%.2f", theirs / ours))× gzip; size \(String(format: "%+.2f", (Double(compressed.count) / Double(max(gzipSize, 1)) - 1) * 100)) %")

        // Verification: archives of `archiveLines`, manifest and a checkpoint, through the verifier.
        let directory = ArchiveDirectory(path: "\(home)/archive")
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let key = Curve25519.Signing.PrivateKey()
        var first = 0
        while first < lines.count {
            let last = min(lines.count, first + self.archiveLines) - 1
            var part: [UInt8] = []
            for line in lines[first...last] {
                part += line
                part.append(0x0A)
            }
            let gz = try Gzip.compress(part, level: self.level)
            let name = ArchiveDirectory.archiveName(firstSeq: Int64(first + 1), lastSeq: Int64(last + 1))
            try DurableFile.write(path: "\(directory.path)/\(name)", bytes: gz)
            try directory.append(.init(
                file: name, firstSeq: Int64(first + 1), lastSeq: Int64(last + 1), count: Int64(last - first + 1),
                firstPrev: first == 0 ? AuditLine.genesis : AuditLine.hash(lines[first - 1]),
                lastHash: AuditLine.hash(lines[last]), sha256: AuditLine.hash(gz), bytes: Int64(part.count),
                sealedAt: Timestamp.string(from: Date())))
            first = last + 1
        }
        try directory.store(try .signed(
            size: Int64(lines.count), head: AuditLine.hash(lines.last!), at: Timestamp.string(from: Date()), key: key))
        start = ContinuousClock.now
        let result = AuditVerifier(directory: directory, publicKey: key.publicKey).verify(live: [], checkpoints: directory.checkpoints())
        let verify = (ContinuousClock.now - start).seconds
        start = ContinuousClock.now
        let zcatStatus = shell("zcat \(directory.path)/audit-*.jsonl.gz | sha256sum > /dev/null")
        let zcat = (ContinuousClock.now - start).seconds
        print("")
        print("verify            Lingyan: \(String(format: "%6.1f", megabytes / verify)) MB/s of lines (\(result.ok ? "ok" : "FAILED: \(String(describing: result.firstProblem))"), \(result.checkedArchives) archives)")
        print("                  zcat | sha256sum: \(String(format: "%6.1f", megabytes / zcat)) MB/s (exit \(zcatStatus))")
        print("                  \(String(format: "%.2f", zcat / verify))× zcat | sha256sum")

        print("")
        try await self.measureAppends(home: home)
    }

    /// Lines appended per second by the audit service while 32 clients submit forms to the registry.
    private func measureAppends(home: String) async throws {
        let directory = productDirectory(self.binDir)
        let serviceHome = "\(home)/services"
        try FileManager.default.createDirectory(atPath: serviceHome, withIntermediateDirectories: true)
        let registry = try spawn("\(directory)/lingyan-registry", home: serviceHome, log: "\(serviceHome)/registry.log")
        defer { stop(registry) }
        let audit = try spawn("\(directory)/lingyan-audit", home: serviceHome, log: "\(serviceHome)/audit.log")
        defer { stop(audit) }
        let registryClient = try await RPCClient.connect(socketPath: "\(serviceHome)/run/registry.sock", retryingFor: .seconds(10))
        let auditClient = try await RPCClient.connect(socketPath: "\(serviceHome)/run/audit.sock", retryingFor: .seconds(10))
        func size() async throws -> Int64 {
            try await auditClient.call(AuditInterface.Query.self, .init(after: Int64(Int32.max) << 24, limit: 1)).size
        }
        func head() async throws -> Int64 { try await registryClient.call(CommonInterface.Health.self).feedHead ?? 0 }
        while try await size() < head() { try await Task.sleep(for: .milliseconds(50)) }
        let startSize = try await size()
        let startHead = try await head()
        let started = ContinuousClock.now
        let load = try await LoadGenerator.run(
            socket: "\(serviceHome)/run/registry.sock", frame: try RegistryBenchmark.submission(), clients: 32,
            seconds: self.seconds)
        let elapsed = (ContinuousClock.now - started).seconds
        let appended = try await size() - startSize
        let produced = try await head() - startHead
        let caughtUpAt = ContinuousClock.now
        while try await size() < head() { try await Task.sleep(for: .milliseconds(20)) }
        let lag = (ContinuousClock.now - caughtUpAt).seconds
        print("appends under load: registry \(Int(load.perSecond)) forms/s (\(Int(Double(produced) / elapsed)) events/s); "
            + "audit appended \(Int(Double(appended) / elapsed)) lines/s; caught up \(String(format: "%.2f", lag)) s after the load stopped")
        let sealStart = ContinuousClock.now
        let sealed = try await auditClient.call(AuditInterface.Seal.self, .init(), timeout: .seconds(600))
        let sealTime = (ContinuousClock.now - sealStart).seconds
        let sealedBytes = Double(sealed.archives.reduce(0) { $0 + $1.bytes }) / 1_048_576
        let sealedLines = sealed.archives.reduce(0) { $0 + $1.count }
        print("audit.seal end to end (read from SQLite, compress, write, fsync, list, delete): \(sealedLines) lines, "
            + "\(String(format: "%.1f", sealedBytes)) MiB in \(String(format: "%.2f", sealTime)) s = \(String(format: "%.1f", sealedBytes / sealTime)) MB/s")
        await registryClient.close()
        await auditClient.close()
    }

    private static func makeLines(_ count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        var prev = AuditLine.genesis
        let types = ["form.submitted", "form.published", "partner.imported", "introduction.updated", "match.found"]
        for number in 1...count {
            let line = AuditLine.bytes(
                seq: Int64(number), source: number % 7 == 0 ? "matching" : "registry", sourceSeq: Int64(number),
                at: Timestamp.string(from: Date(timeIntervalSince1970: 1_780_000_000 + Double(number) / 10)),
                recordedAt: Timestamp.string(from: Date(timeIntervalSince1970: 1_780_000_000.004 + Double(number) / 10)),
                actor: ["uid": 1000, "user": "chen", "pid": 4242, "operator": "陈晟颖"], type: types[number % types.count],
                entity: "form:F-2026-\(String(format: "%06d", number % 5_000))",
                data: ["revision": .integer(Int64(number % 9 + 1)), "status": "published", "organizationId": "ORG-000042",
                       "countries": ["IL", "FI"], "technicalArea": "水处理"],
                prev: prev)
            prev = AuditLine.hash(line)
            lines.append(line)
        }
        return lines
    }
}

/// Runs a shell command and waits; returns its exit status.
private func shell(_ command: String) -> Int32 {
    let pid = try? spawn("/bin/sh", arguments: ["-c", command], home: "/tmp", log: "/dev/null")
    guard let pid else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status >> 8
}
