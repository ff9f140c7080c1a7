/// The `lingyan-audit` service's wire contract.
///
/// The hash-chained audit record of every other service's feed, its sealed archives and signed checkpoints
/// (DESIGN §10). Each event of the registry, matching and notification feeds becomes one line
/// `{seq, source, sourceSeq, at, recordedAt, actor, type, entity, data, prev}`: compact JSON, where `prev` is the
/// lowercase hex SHA-256 of the previous line's exact bytes (without its newline), 64 zeros for the first line.
public enum AuditInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.audit

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] =
        CommonInterface.methods + [Query.self, Verify.self, Seal.self, CheckpointNow.self]

    /// Lines by source, entity, actor, type and time, across the archives and the live part.
    public enum Query: RPCMethod {
        public static let name = "audit.query"
        public static let summary =
            "Return audit lines matching every filter given, in seq order, after `after`, at most `limit` (default 100, at most 1000)."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// `registry`, `matching` or `notification`.
            public var source: String?
            /// The entity exactly: `form:F-2026-000001`.
            public var entity: String?
            /// The actor's user name, operator or uid.
            public var actor: String?
            /// The event type exactly: `form.published`.
            public var type: String?
            /// Lines whose event time `at` is at or after this (RFC 3339).
            public var from: String?
            /// Lines whose event time `at` is before this (RFC 3339).
            public var to: String?
            /// Lines with `seq` greater than this (paging).
            public var after: Int64?
            /// The most lines to return.
            public var limit: Int?

            public init(
                source: String? = nil, entity: String? = nil, actor: String? = nil, type: String? = nil,
                from: String? = nil, to: String? = nil, after: Int64? = nil, limit: Int? = nil
            ) {
                self.source = source
                self.entity = entity
                self.actor = actor
                self.type = type
                self.from = from
                self.to = to
                self.after = after
                self.limit = limit
            }

            public static var example: Params {
                Params(source: "registry", entity: "form:F-2026-000001", from: "2026-01-01T00:00:00.000Z", limit: 100)
            }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The lines, each exactly as recorded (the text whose SHA-256 the next line's `prev` holds).
            public var lines: [String]
            /// Pass as `after` for the next page; absent on the last page.
            public var next: Int64?
            /// The number of lines in the whole log.
            public var size: Int64

            public init(lines: [String], next: Int64?, size: Int64) {
                self.lines = lines
                self.next = next
                self.size = size
            }

            public static var example: Result {
                Result(
                    lines: [
                        #"{"seq":1,"source":"registry","sourceSeq":1,"at":"2026-11-30T08:00:00.000Z","recordedAt":"2026-11-30T08:00:00.004Z","actor":{"pid":4242,"uid":1000,"user":"chen"},"type":"form.submitted","entity":"form:F-2026-000001","data":{"revision":1},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}"#
                    ], next: nil, size: 1)
            }
        }
    }

    /// Checks the whole record: every archive, the manifest, every link, every checkpoint.
    public enum Verify: RPCMethod {
        public static let name = "audit.verify"
        public static let summary =
            "Verify every archive, manifest entry, prev link, seq number and checkpoint signature; name the first problem."
        public static let access = MethodAccess.read

        public typealias Params = NoParams
        public typealias Result = Verification
    }

    /// Seals the live lines into a gzip archive now, and signs a checkpoint.
    public enum Seal: RPCMethod {
        public static let name = "audit.seal"
        public static let summary = "Seal every live line into an archive now and sign a checkpoint; nothing to seal is not an error."
        public static let access = MethodAccess.admin

        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The archives written (none when there were no live lines).
            public var archives: [ManifestEntry]
            /// The checkpoint signed afterwards.
            public var checkpoint: Checkpoint

            public init(archives: [ManifestEntry], checkpoint: Checkpoint) {
                self.archives = archives
                self.checkpoint = checkpoint
            }

            public static var example: Result { Result(archives: [.example], checkpoint: .example) }
        }
    }

    /// A signed checkpoint of the log as it is now, to copy elsewhere as an outside anchor.
    public enum CheckpointNow: RPCMethod {
        public static let name = "audit.checkpoint"
        public static let summary = "Sign a checkpoint of the log's current size and head (or return the newest when nothing changed)."
        public static let access = MethodAccess.read

        public typealias Params = NoParams
        public typealias Result = Checkpoint
    }

    /// `{origin, size, head, at, signature}`; the Ed25519 signature covers `"lingyan-audit/v1\n<size>\n<head>\n<at>\n"`.
    public struct Checkpoint: Codable, Sendable, Hashable, ShapeExample {
        /// Always `lingyan-audit/v1`.
        public var origin: String
        /// The number of lines the log had.
        public var size: Int64
        /// The SHA-256 of line `size` (64 zeros when the log is empty).
        public var head: String
        /// When it was signed, RFC 3339.
        public var at: String
        /// Base64 of the Ed25519 signature.
        public var signature: String

        public init(origin: String, size: Int64, head: String, at: String, signature: String) {
            self.origin = origin
            self.size = size
            self.head = head
            self.at = at
            self.signature = signature
        }

        /// The bytes the signature covers.
        public var signedText: String { "\(self.origin)\n\(self.size)\n\(self.head)\n\(self.at)\n" }

        public static let currentOrigin = "lingyan-audit/v1"

        public static var example: Checkpoint {
            Checkpoint(
                origin: Self.currentOrigin, size: 1,
                head: "3f0b4c1d0f9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b", at: "2026-11-30T08:05:00.000Z",
                signature: "base64…")
        }
    }

    /// One line of `audit/archive/MANIFEST.jsonl`: a sealed archive and the hashes that tie it into the chain.
    public struct ManifestEntry: Codable, Sendable, Hashable, ShapeExample {
        /// `audit-<firstSeq>-<lastSeq>.jsonl.gz`.
        public var file: String
        public var firstSeq: Int64
        public var lastSeq: Int64
        /// Lines in the archive: `lastSeq - firstSeq + 1`.
        public var count: Int64
        /// The `prev` of the first line: the hash of the line before the archive.
        public var firstPrev: String
        /// The SHA-256 of the archive's last line.
        public var lastHash: String
        /// The SHA-256 of the .gz file's bytes.
        public var sha256: String
        /// Uncompressed bytes.
        public var bytes: Int64
        /// When it was sealed.
        public var sealedAt: String

        public init(
            file: String, firstSeq: Int64, lastSeq: Int64, count: Int64, firstPrev: String, lastHash: String,
            sha256: String, bytes: Int64, sealedAt: String
        ) {
            self.file = file
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.count = count
            self.firstPrev = firstPrev
            self.lastHash = lastHash
            self.sha256 = sha256
            self.bytes = bytes
            self.sealedAt = sealedAt
        }

        public static var example: ManifestEntry {
            ManifestEntry(
                file: "audit-1-1000.jsonl.gz", firstSeq: 1, lastSeq: 1000, count: 1000,
                firstPrev: String(repeating: "0", count: 64),
                lastHash: "3f0b4c1d0f9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b",
                sha256: "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b", bytes: 412_345,
                sealedAt: "2026-11-30T09:00:00.000Z")
        }
    }

    /// What a verification found.
    public struct Verification: Codable, Sendable, Hashable, ShapeExample {
        /// True when nothing is wrong.
        public var ok: Bool
        /// Lines read and linked before the first problem (all of them when `ok`).
        public var checkedLines: Int64
        /// Archives checked.
        public var checkedArchives: Int
        /// Checkpoint signatures and heads checked.
        public var checkedCheckpoints: Int
        /// The first thing wrong, precisely placed.
        public var firstProblem: Problem?

        public init(ok: Bool, checkedLines: Int64, checkedArchives: Int, checkedCheckpoints: Int, firstProblem: Problem?) {
            self.ok = ok
            self.checkedLines = checkedLines
            self.checkedArchives = checkedArchives
            self.checkedCheckpoints = checkedCheckpoints
            self.firstProblem = firstProblem
        }

        public static var example: Verification {
            Verification(ok: false, checkedLines: 41, checkedArchives: 1, checkedCheckpoints: 0, firstProblem: .example)
        }
    }

    /// Where and what: `file` and `line` (1-based within the file) when the problem is in one.
    public struct Problem: Codable, Sendable, Hashable, ShapeExample, CustomStringConvertible {
        /// A stable code: `broken_link`, `seq_gap`, `bad_gzip`, `archive_hash`, `missing_archive`, `bad_signature`, …
        public var code: String
        /// The file the problem is in (`audit-1-100.jsonl.gz`, `MANIFEST.jsonl`, `checkpoint.json`, `live`).
        public var file: String?
        /// The line within that file, from 1.
        public var line: Int64?
        /// The seq concerned.
        public var seq: Int64?
        /// What is wrong, for people.
        public var message: String

        public init(code: String, file: String? = nil, line: Int64? = nil, seq: Int64? = nil, message: String) {
            self.code = code
            self.file = file
            self.line = line
            self.seq = seq
            self.message = message
        }

        public var description: String {
            var place: [String] = []
            if let file { place.append(file) }
            if let line { place.append("line \(line)") }
            if let seq { place.append("seq \(seq)") }
            return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + self.message + " [\(self.code)]"
        }

        public static var example: Problem {
            Problem(
                code: "broken_link", file: "audit-1-100.jsonl.gz", line: 42, seq: 42,
                message: "prev does not match the SHA-256 of line 41: a line was changed, removed or inserted here")
        }
    }
}
