import AuditKit
import Foundation
import ServiceKit
import Shared

/// `audit.query`, `audit.verify`, `audit.seal`, `audit.checkpoint`.
struct AuditHandlers: Sendable {
    let sealer: AuditSealer

    func register(in router: inout RPCRouter) {
        router.registerBlocking(AuditInterface.Verify.self) { _, context in
            let result = try self.sealer.verify()
            if let problem = result.firstProblem {
                context.logger.error("audit verification failed", metadata: ["problem": "\(problem)"])
            }
            return result
        }
        router.registerBlocking(AuditInterface.Seal.self) { _, _ in try self.sealer.seal() }
        router.registerBlocking(AuditInterface.CheckpointNow.self) { _, _ in try self.sealer.checkpoint() }
        router.registerBlocking(AuditInterface.Query.self) { params, _ in try self.query(params) }
    }

    private func query(_ params: AuditInterface.Query.Params) throws -> AuditInterface.Query.Result {
        let limit = params.limit ?? 100
        guard (1...1_000).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 1000") }
        let after = params.after ?? 0
        guard after >= 0 else { throw RPCError.invalidParams("after must be 0 or greater") }
        var problems: [FieldProblem] = []
        for (name, value) in [("from", params.from), ("to", params.to)] {
            if let value, Timestamp.date(from: value) == nil {
                problems.append(FieldProblem(
                    path: name, code: "invalid_time", messageZh: "须为 RFC 3339 时间，例如 2026-11-30T08:00:00Z",
                    messageEn: "must be an RFC 3339 time such as 2026-11-30T08:00:00Z"))
            }
        }
        if let source = params.source, ![ServiceName.registry, .matching, .notification].map(\.rawValue).contains(source) {
            problems.append(FieldProblem(
                path: "source", code: "invalid_source", messageZh: "来源须为 registry、matching 或 notification",
                messageEn: "source must be registry, matching or notification"))
        }
        guard problems.isEmpty else { throw RPCError.validationFailed(problems) }
        // Times are compared as text, so bring both bounds to the lines' own form (UTC, milliseconds).
        let filter = AuditQueryFilter(
            source: params.source, entity: params.entity, actor: params.actor, type: params.type,
            from: params.from.flatMap(Timestamp.date(from:)).map(Timestamp.string(from:)),
            to: params.to.flatMap(Timestamp.date(from:)).map(Timestamp.string(from:)))

        return try self.sealer.withSealsPaused {
            var found: [(seq: Int64, line: String)] = []
            for entry in try self.sealer.directory.manifest() where entry.lastSeq > after && found.count < limit {
                let data = try Gzip.decompress([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(self.sealer.directory.path)/\(entry.file)"))))
                for line in data.split(separator: UInt8(ascii: "\n")) where found.count < limit {
                    guard let (seq, _) = AuditLine.seqAndPrev(line), seq > after else { continue }
                    if filter.matches(try JSONReader.read(line)) {
                        found.append((seq, String(decoding: line, as: UTF8.self)))
                    }
                }
            }
            if found.count < limit {
                found += try self.sealer.store.query(filter, after: max(after, found.last?.seq ?? 0), limit: limit - found.count)
            }
            let size = try self.sealer.store.chain().size
            return .init(lines: found.map(\.line), next: found.count == limit ? found.last?.seq : nil, size: size)
        }
    }
}
