import Foundation
import Shared
import Testing
import TestSupport

/// The audit service through real processes: registry changes become hash-chained lines, sealed into gzip
/// archives that gzip(1) reads, verified online and offline, and a SIGKILL at any moment loses or repeats nothing.
@Suite("Audit record", .serialized)
struct AuditTests {
    /// Waits until the audit log holds `size` lines.
    private func waitForSize(_ size: Int64, client: RPCClient) async throws -> Int64 {
        var seen: Int64 = -1
        for _ in 0..<300 {
            seen = try await client.call(AuditInterface.Query.self, .init(after: Int64(Int32.max) << 24, limit: 1)).size
            if seen >= size { return seen }
            try await Task.sleep(for: .milliseconds(100))
        }
        return seen
    }

    /// Every line of the log, in order, paging through archives and the live part.
    private func allLines(_ client: RPCClient) async throws -> [JSONValue] {
        var lines: [JSONValue] = []
        var after: Int64 = 0
        while true {
            let page = try await client.call(AuditInterface.Query.self, .init(after: after, limit: 1_000))
            lines += try page.lines.map { try JSONReader.read(Array($0.utf8)) }
            guard let next = page.next else { return lines }
            after = next
        }
    }

    private static func profiles(_ range: Range<Int>) -> String {
        range.map {
            #"{"externalId":"ext-\#($0)","name":"Partner \#($0) Oy","country":"FI","kind":"company","expertise":"Membrane water treatment","source":"Business Finland"}"#
        }.joined(separator: "\n")
    }

    @Test("registry changes become linked lines in order; seal, gzip -t, zcat, online and offline verification; a flipped byte is named")
    func roundTrip() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        let audit = try ServiceProcess(.audit, home: home)
        defer { Task { await registry.terminate(); await audit.terminate() } }
        _ = try await registry.waitUntilHealthy()
        _ = try await audit.waitUntilHealthy()
        let registryClient = try await RPCClient.connect(socketPath: home.socket("registry"))
        let auditClient = try await RPCClient.connect(socketPath: home.socket("audit"))

        let form = FormTests.form(phone: "13912345678", email: "canary.person@example.cn")
        let submitted = try await registryClient.call(RegistryInterface.FormsSubmit.self, .init(form: form))
        _ = try await registryClient.call(
            RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish),
            meta: RequestMeta(operator: "陈晟颖"))
        let head = try await registryClient.call(FeedInterface.Read.self, .init(after: 0, limit: 1_000)).events
        #expect(try await self.waitForSize(Int64(head.count), client: auditClient) == Int64(head.count))

        let lines = try await self.allLines(auditClient)
        #expect(lines.map { $0["sourceSeq"]?.integerValue } == head.map { $0.seq })
        #expect(lines.map { $0["type"]?.stringValue } == head.map { $0.type })
        #expect(lines.map { $0["seq"]?.integerValue } == Array(1...Int64(head.count)).map { $0 })
        #expect(lines.last?["actor"]?["operator"] == "陈晟颖")
        let byEntity = try await auditClient.call(AuditInterface.Query.self, .init(entity: "form:\(submitted.id)")).lines
        #expect(byEntity.count == 2)
        let byActor = try await auditClient.call(AuditInterface.Query.self, .init(actor: "陈晟颖")).lines
        #expect(byActor.count == 1)

        // Seal through the CLI: archives gzip(1) accepts, whose lines are the queried lines byte for byte.
        let sealed = try CLIRun.lingyan(["audit", "seal"], home: home)
        #expect(sealed.status == 0, "\(sealed.standardError)")
        let archive = "\(home.path)/audit/archive"
        let names = try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasSuffix(".jsonl.gz") }
        #expect(names == ["audit-1-\(head.count).jsonl.gz"])
        let zcat = try CLIRun.run(
            ["/bin/sh", "-c", "gzip -t \(archive)/\(names[0]) && zcat \(archive)/\(names[0])"],
            environment: ProcessInfo.processInfo.environment)
        #expect(zcat.status == 0, "\(zcat.standardError)")
        let queried = try await auditClient.call(AuditInterface.Query.self, .init(limit: 1_000)).lines
        #expect(zcat.standardOutput == queried.map { $0 + "\n" }.joined())
        // No contact value anywhere in the record.
        for canary in ["13912345678", "canary.person", "张伟"] {
            #expect(!zcat.standardOutput.contains(canary), "\(canary) in the audit record")
        }
        // Archive files 0600, directories 0700.
        for (path, mode) in [("\(archive)/\(names[0])", 0o600), (archive, 0o700), ("\(archive)/MANIFEST.jsonl", 0o600)] {
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == mode, "\(path): \(String(permissions ?? 0, radix: 8))")
        }

        // A new line after the seal, an outside checkpoint, then verification online and offline.
        _ = try await registryClient.call(
            RegistryInterface.FormsClose.self, .init(id: submitted.id, revision: 2, reason: "已找到合作伙伴"))
        _ = try await self.waitForSize(Int64(head.count + 1), client: auditClient)
        let anchor = "\(home.path)/outside-checkpoint.json"
        #expect(try CLIRun.lingyan(["audit", "checkpoint", "--out", anchor], home: home).status == 0)
        // Export and tail read across the archive and the live part, each line exactly as recorded.
        let everything = try await auditClient.call(AuditInterface.Query.self, .init(limit: 1_000)).lines
        #expect(everything.count == head.count + 1)
        let exported = try CLIRun.lingyan(["audit", "export", "--from", "2000-01-01T00:00:00Z"], home: home)
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput == everything.map { $0 + "\n" }.joined())
        let tail = try CLIRun.lingyan(["audit", "tail", "-n", "2"], home: home)
        #expect(tail.standardOutput == everything.suffix(2).map { $0 + "\n" }.joined(), "\(tail.standardOutput)")

        let online = try await auditClient.call(AuditInterface.Verify.self, .init())
        #expect(online.ok, "\(String(describing: online.firstProblem))")
        #expect(online.checkedLines == Int64(head.count + 1))
        let offline = try CLIRun.lingyan(["audit", "verify", "--dir", archive, "--checkpoint", anchor], home: home)
        #expect(offline.status == 0, "\(offline.standardOutput)\(offline.standardError)")
        #expect(offline.standardOutput.contains("verified: \(head.count + 1) lines in 1 archives"), "\(offline.standardOutput)")

        // One byte changed inside the archive (and the archive recompressed): the line after it is named.
        let text = try String(contentsOfFile: anchor, encoding: .utf8)
        #expect(text.hasPrefix("{") && text.hasSuffix("}\n"))
        let tamper = try CLIRun.run(
            ["/bin/sh", "-c", "zcat \(archive)/\(names[0]) | sed '3s/form.submitted/form.returned/;3s/call.updated/call.deleted/' | gzip -n > \(home.path)/t.gz && cp \(home.path)/t.gz \(archive)/\(names[0])"],
            environment: ProcessInfo.processInfo.environment)
        #expect(tamper.status == 0)
        let caught = try CLIRun.lingyan(["audit", "verify", "--dir", archive, "--checkpoint", anchor, "--json"], home: home)
        #expect(caught.status == 1)
        let problem = try JSONReader.read(Array(caught.standardOutput.utf8))["firstProblem"]
        #expect(problem?["file"] == .string(names[0]), "\(caught.standardOutput)")
        #expect(problem?["line"] == 4, "\(caught.standardOutput)")
        #expect(problem?["code"] == "broken_link")
        await registryClient.close()
        await auditClient.close()
    }

    @Test("SIGKILL during appends and seals, round after round, loses and repeats no line, and the record still verifies")
    func killDuringSeals() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let settings = ["LINGYAN_AUDIT_SEAL_LINES": "300", "LINGYAN_AUDIT_SEAL_AGE_SECONDS": "86400"]
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let registryClient = try await RPCClient.connect(socketPath: home.socket("registry"))
        var next = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let audit = try ServiceProcess(.audit, home: home, environment: settings)
            _ = try await audit.waitUntilHealthy()
            // New events arrive while the audit service appends them and seals in 300-line archives.
            _ = try await registryClient.call(
                RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: Self.profiles(next..<(next + 700))))
            next += 700
            if round % 2 == 1 {
                let sealer = try await RPCClient.connect(socketPath: home.socket("audit"))
                Task { _ = try? await sealer.call(AuditInterface.Seal.self, .init()) }
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...600, using: &generator)))
            audit.signal(SIGKILL)
            _ = await audit.waitForExit()
        }

        let audit = try ServiceProcess(.audit, home: home, environment: settings)
        defer { Task { await audit.terminate() } }
        _ = try await audit.waitUntilHealthy()
        let auditClient = try await RPCClient.connect(socketPath: home.socket("audit"))
        let feedHead = try await registryClient.call(CommonInterface.Health.self).feedHead ?? 0
        #expect(try await self.waitForSize(feedHead, client: auditClient) == feedHead)
        _ = try await auditClient.call(AuditInterface.Seal.self, .init())
        let lines = try await self.allLines(auditClient)
        #expect(lines.count == Int(feedHead))
        #expect(lines.compactMap { $0["sourceSeq"]?.integerValue } == Array(1...feedHead), "every registry event exactly once, in order")
        let verification = try await auditClient.call(AuditInterface.Verify.self, .init())
        #expect(verification.ok, "\(String(describing: verification.firstProblem))")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(home.path)/audit/archive").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        await registryClient.close()
        await auditClient.close()
    }

    @Test("after a crash mid-seal, a torn manifest line and a temporary archive are cleaned up at start")
    func recoveryAtStart() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        let crashed = try ServiceProcess(.audit, home: home)
        _ = try await registry.waitUntilHealthy()
        _ = try await crashed.waitUntilHealthy()
        var client = try await RPCClient.connect(socketPath: home.socket("audit"))
        _ = try await self.waitForSize(7, client: client)
        _ = try await client.call(AuditInterface.Seal.self, .init())
        await client.close()
        crashed.signal(SIGKILL)
        _ = await crashed.waitForExit()

        let archive = "\(home.path)/audit/archive"
        let manifest = try Data(contentsOf: URL(fileURLWithPath: "\(archive)/MANIFEST.jsonl"))
        try (manifest + Data(#"{"bytes":12,"count":3,"file":"audit-8-"#.utf8)).write(to: URL(fileURLWithPath: "\(archive)/MANIFEST.jsonl"))
        try Data([0x1F, 0x8B]).write(to: URL(fileURLWithPath: "\(archive)/.audit-8-10.jsonl.gz.tmp"))

        let audit = try ServiceProcess(.audit, home: home)
        defer { Task { await audit.terminate() } }
        _ = try await audit.waitUntilHealthy()
        client = try await RPCClient.connect(socketPath: home.socket("audit"))
        let verification = try await client.call(AuditInterface.Verify.self, .init())
        #expect(verification.ok, "\(String(describing: verification.firstProblem))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(archive)/MANIFEST.jsonl")) == manifest)
        #expect(!FileManager.default.fileExists(atPath: "\(archive)/.audit-8-10.jsonl.gz.tmp"))
        #expect(audit.log.contains("torn last line"))
        await client.close()
    }
}
