import ArgumentParser
import AuditKit
import Foundation
import GRDB
import Shared

/// `lingyan audit …`: the tamper-evident record.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read, seal, anchor and verify the audit record.",
        subcommands: [Verify.self, Checkpoint.self, Tail.self, Query.self, Seal.self, Export.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the record: every archive, manifest hash, prev link, seq number and checkpoint.",
            discussion: """
                Without --dir, asks the running audit service. With --dir, checks the files alone, with no service \
                running and without trusting it: the archives and MANIFEST.jsonl in DIR, the checkpoints in DIR and \
                any given with --checkpoint (an outside anchor made by `lingyan audit checkpoint --out`), and the \
                unsealed lines in the audit database (found beside DIR in a Lingyan home, or given with --database).
                Exit 0 when everything checks, 1 when a problem is found (the first is named), 65 when the files \
                cannot be read at all.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "An audit/archive directory to verify offline.")
        var dir: String?

        @Option(help: "The public key (default: DIR/audit-signing.pub).")
        var publicKey: String?

        @Option(help: "A checkpoint file kept elsewhere; may be repeated.")
        var checkpoint: [String] = []

        @Option(help: "The audit database holding the unsealed lines (default: DIR/../../data/audit.sqlite when present).")
        var database: String?

        func run() async throws {
            let result: AuditInterface.Verification
            if let dir = self.dir {
                result = try self.verifyOffline(directory: dir)
            } else {
                let configuration = try self.global.configuration()
                result = try await withService(.audit, configuration: configuration) { client in
                    try await client.call(AuditInterface.Verify.self, .init(), timeout: .seconds(600))
                }
            }
            if self.global.json {
                try printJSON(result)
            } else if let problem = result.firstProblem {
                print("PROBLEM: \(problem)")
                print("checked before it: \(result.checkedLines) lines in \(result.checkedArchives) archives")
            } else {
                print("verified: \(result.checkedLines) lines in \(result.checkedArchives) archives, \(result.checkedCheckpoints) checkpoints; no problem found")
            }
            if !result.ok { throw ExitCode(1) }
        }

        private func verifyOffline(directory path: String) throws -> AuditInterface.Verification {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("\(path) is not a directory")
                throw ExitStatus.dataError
            }
            let directory = ArchiveDirectory(path: path)
            let keyPath = self.publicKey ?? directory.publicKeyPath
            guard let publicKey = try? AuditPublicKey.load(path: keyPath) else {
                printError("\(keyPath) is missing or is not the base64 of a raw 32-byte Ed25519 public key")
                throw ExitStatus.dataError
            }
            var checkpoints = directory.checkpoints()
            for file in self.checkpoint {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("cannot read the checkpoint \(file)")
                    throw ExitStatus.dataError
                }
                checkpoints.append((file, try? LingyanJSON.decode(AuditInterface.Checkpoint.self, from: [UInt8](data))))
            }
            let live = try self.liveLines(besides: path)
            var verifier = AuditVerifier(directory: directory, publicKey: publicKey)
            var bar: ProgressBar? = nil
            verifier.progress = { done, total in
                // Only worth a bar when there is something to wait for.
                guard total > 4 << 20 else { return }
                if bar == nil { bar = ProgressBar(total: Int(total >> 10), label: "verifying", unit: "KiB of archives") }
                bar?.update(Int(done >> 10))
            }
            let result = verifier.verify(live: live, checkpoints: checkpoints)
            bar?.finish()
            return result
        }

        /// The unsealed lines, read straight from the audit database (opened read-only).
        private func liveLines(besides archive: String) throws -> [AuditVerifier.LiveLine] {
            let standard = URL(fileURLWithPath: archive).appendingPathComponent("../../data/audit.sqlite").standardized.path
            guard let path = self.database ?? (FileManager.default.fileExists(atPath: standard) ? standard : nil) else {
                return []
            }
            var configuration = Configuration()
            configuration.readonly = true
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                return try queue.read { db in
                    try Row.fetchAll(db, sql: "SELECT seq, line FROM lines ORDER BY seq").map {
                        AuditVerifier.LiveLine(seq: $0["seq"], bytes: [UInt8]($0["line"] as Data))
                    }
                }
            } catch {
                printError("cannot read the unsealed lines from \(path): \(error)")
                throw ExitStatus.dataError
            }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of the record as it is now; with --out, keep a copy elsewhere as an outside anchor.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Write the checkpoint to this file.")
        var out: String?

        func run() async throws {
            let configuration = try self.global.configuration()
            let checkpoint = try await withService(.audit, configuration: configuration) { client in
                try await client.call(AuditInterface.CheckpointNow.self, .init())
            }
            if let out = self.out {
                let bytes = Array(try LingyanJSON.encode(checkpoint)) + [UInt8(ascii: "\n")]
                try DurableFile.write(path: out, bytes: bytes, mode: 0o644)
            }
            if self.global.json { return try printJSON(checkpoint) }
            print("checkpoint: \(checkpoint.size) lines, head \(checkpoint.head), signed \(checkpoint.at)"
                + (self.out.map { "; written to \($0)" } ?? ""))
        }
    }

    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the newest audit lines; with -f, keep showing new ones.")

        @OptionGroup var global: GlobalOptions

        @Option(name: [.customShort("n"), .long], help: "How many lines to show first.")
        var lines = 20

        @Flag(name: .shortAndLong, help: "Keep waiting for new lines (Ctrl-C to stop).")
        var follow = false

        func run() async throws {
            let configuration = try self.global.configuration()
            try await withService(.audit, configuration: configuration) { client in
                // A cursor past the end returns no lines, only the log's size.
                let size = try await client.call(AuditInterface.Query.self, .init(after: Int64(Int32.max) << 24, limit: 1)).size
                var after = max(0, size - Int64(max(0, self.lines)))
                repeat {
                    let page = try await client.call(AuditInterface.Query.self, .init(after: after, limit: 1_000))
                    for line in page.lines { print(line) }
                    if let last = page.lines.last, let seq = AuditLine.seqAndPrev(Array(last.utf8)[...])?.seq { after = seq }
                    if page.next == nil {
                        guard self.follow else { break }
                        try await Task.sleep(for: .seconds(1))
                    }
                } while true
            }
        }
    }

    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find audit lines by source, entity, actor, type and time, across archives and the live part.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "registry, matching or notification.")
        var source: String?

        @Option(help: "The entity, for example form:F-2026-000001.")
        var entity: String?

        @Option(help: "The actor's user name, operator or uid.")
        var actor: String?

        @Option(help: "The event type, for example form.published.")
        var type: String?

        @OptionGroup var range: TimeRange

        @Option(help: "The most lines to show (1–1000).")
        var limit = 100

        func run() async throws {
            let configuration = try self.global.configuration()
            let page = try await withService(.audit, configuration: configuration) { client in
                try await client.call(
                    AuditInterface.Query.self,
                    .init(
                        source: self.source, entity: self.entity, actor: self.actor, type: self.type,
                        from: self.range.from, to: self.range.to, limit: self.limit))
            }
            if self.global.json {
                for line in page.lines { print(line) }
                return
            }
            var table = TableRenderer(headings: self.global.language.headings([("序号", "SEQ"), ("时间", "AT"), ("来源", "SOURCE"), ("类型", "TYPE"), ("对象", "ENTITY"), ("操作人", "BY")]))
            for text in page.lines {
                let line = (try? JSONReader.read(Array(text.utf8))) ?? .null
                let actor = line["actor"]
                let by = actor?["operator"]?.stringValue ?? actor?["user"]?.stringValue ?? actor?["uid"]?.integerValue.map { "uid \($0)" } ?? ""
                table.append([
                    line["seq"]?.integerValue.map { String($0) } ?? "", line["at"]?.stringValue ?? "",
                    line["source"]?.stringValue ?? "", line["type"]?.stringValue ?? "", line["entity"]?.stringValue ?? "", by,
                ])
            }
            print(table.render())
            if page.next != nil { print("(more: narrow the query or raise --limit)") }
        }
    }

    struct Seal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal the live lines into gzip archives now and sign a checkpoint (admin).")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.audit, configuration: configuration) { client in
                try await client.call(AuditInterface.Seal.self, .init(), timeout: .seconds(600))
            }
            if self.global.json { return try printJSON(result) }
            if result.archives.isEmpty { print("nothing to seal: every line is already archived") }
            for entry in result.archives {
                print("sealed \(entry.file): \(entry.count) lines, \(entry.bytes) bytes")
            }
            print("checkpoint: \(result.checkpoint.size) lines, head \(result.checkpoint.head)")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the audit lines of a time range as JSON Lines, each exactly as recorded.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var range: TimeRange

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        func run() async throws {
            let configuration = try self.global.configuration()
            var output: [UInt8] = []
            var count = 0
            try await withService(.audit, configuration: configuration) { client in
                var after: Int64 = 0
                while true {
                    let page = try await client.call(
                        AuditInterface.Query.self, .init(from: self.range.from, to: self.range.to, after: after, limit: 1_000),
                        timeout: .seconds(600))
                    for line in page.lines {
                        output.append(contentsOf: line.utf8)
                        output.append(UInt8(ascii: "\n"))
                    }
                    count += page.lines.count
                    guard let next = page.next else { break }
                    after = next
                }
            }
            if let out = self.out {
                try DurableFile.write(path: out, bytes: output, mode: 0o600)
                printError("exported \(count) lines to \(out)")
            } else {
                StandardStream.output(output)
            }
        }
    }
}

/// A time range of audit lines, by their event time.
struct TimeRange: ParsableArguments {
    @Option(help: "From this time (RFC 3339), inclusive.")
    var from: String?

    @Option(help: "Up to this time (RFC 3339), exclusive.")
    var to: String?
}
