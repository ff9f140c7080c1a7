import AuditKit
import Foundation
import GRDB
import ServiceKit
import Shared

/// The audit database, `data/audit.sqlite`: the only code that opens it.
///
/// It holds the live part of the record (lines not yet sealed), the chain's size and head (which stay when sealed
/// lines leave the table), and the feed cursors.
final class AuditStore: Sendable {
    let database: DatabasePool

    init(path: String) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeedConsumer.registerMigration(in: &migrator)
        migrator.registerMigration("audit-lines-v1") { db in
            try db.create(table: "lines") { table in
                table.primaryKey("seq", .integer)
                table.column("source", .text).notNull()
                table.column("sourceSeq", .integer).notNull()
                table.column("at", .text).notNull().indexed()
                table.column("recordedAt", .text).notNull()
                table.column("type", .text).notNull().indexed()
                table.column("entity", .text).notNull().indexed()
                table.column("actorUser", .text)
                table.column("actorOperator", .text)
                table.column("actorUid", .integer)
                table.column("prev", .text).notNull()
                table.column("hash", .text).notNull()
                table.column("line", .blob).notNull()
                // Exactly once per source event, whatever happens to cursors.
                table.uniqueKey(["source", "sourceSeq"])
            }
            try db.create(table: "chain") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("size", .integer).notNull()
                table.column("head", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO chain (id, size, head) VALUES (1, 0, ?)", arguments: [AuditLine.genesis])
        }
        return migrator
    }

    /// The number of lines ever recorded and the hash of the newest.
    static func chain(_ db: Database) throws -> (size: Int64, head: String) {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT size, head FROM chain WHERE id = 1"))!
        return (row[0], row[1])
    }

    func chain() throws -> (size: Int64, head: String) {
        try self.database.read { db in try Self.chain(db) }
    }

    /// Appends one event as the next line, inside the consumer's transaction.
    static func append(_ db: Database, source: ServiceName, event: FeedInterface.FeedEvent, recordedAt: String) throws {
        let (size, head) = try Self.chain(db)
        let seq = size + 1
        let actor = try JSONValueEncoder().encode(event.actor)
        let line = AuditLine.bytes(
            seq: seq, source: source.rawValue, sourceSeq: event.seq, at: event.at, recordedAt: recordedAt,
            actor: actor, type: event.type, entity: event.entity, data: event.data, prev: head)
        let hash = AuditLine.hash(line)
        try db.cachedStatement(
            sql: """
                INSERT INTO lines (seq, source, sourceSeq, at, recordedAt, type, entity, actorUser, actorOperator, actorUid, prev, hash, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            seq, source.rawValue, event.seq, event.at, recordedAt, event.type, event.entity, event.actor.user,
            event.actor.operator, Int64(event.actor.uid), head, hash, Data(line),
        ])
        try db.cachedStatement(sql: "UPDATE chain SET size = ?, head = ? WHERE id = 1").execute(arguments: [seq, hash])
    }

    /// A run of live lines from the oldest: what the next archive holds.
    struct Run {
        var lines: [(seq: Int64, bytes: [UInt8])]
        var firstPrev: String
        var lastHash: String
    }

    /// The oldest live lines, at most `limit`; nil when there are none.
    func oldestRun(limit: Int) throws -> Run? {
        try self.database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, prev, hash, line FROM lines ORDER BY seq LIMIT ?", arguments: [limit])
            guard let first = rows.first, let last = rows.last else { return nil }
            return Run(
                lines: rows.map { (seq: $0["seq"], bytes: [UInt8]($0["line"] as Data)) },
                firstPrev: first["prev"], lastHash: last["hash"])
        }
    }

    /// Every live line, in seq order.
    func liveLines() throws -> [AuditVerifier.LiveLine] {
        try self.database.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, line FROM lines ORDER BY seq").map {
                AuditVerifier.LiveLine(seq: $0["seq"], bytes: [UInt8]($0["line"] as Data))
            }
        }
    }

    /// Removes sealed lines (those up to `lastSeq`) from the live part.
    func removeSealed(through lastSeq: Int64) throws -> Int {
        try self.database.write { db in
            try db.execute(sql: "DELETE FROM lines WHERE seq <= ?", arguments: [lastSeq])
            return db.changesCount
        }
    }

    /// How many lines are live and when the oldest was recorded.
    func livePart() throws -> (count: Int, oldestRecordedAt: String?) {
        try self.database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), MIN(recordedAt) FROM lines")!
            return (row[0], row[1])
        }
    }

    /// Live lines matching a query, in seq order.
    func query(_ filter: AuditQueryFilter, after: Int64, limit: Int) throws -> [(seq: Int64, line: String)] {
        try self.database.read { db in
            var conditions = ["seq > ?"]
            var arguments: [any DatabaseValueConvertible] = [after]
            if let source = filter.source {
                conditions.append("source = ?")
                arguments.append(source)
            }
            if let entity = filter.entity {
                conditions.append("entity = ?")
                arguments.append(entity)
            }
            if let type = filter.type {
                conditions.append("type = ?")
                arguments.append(type)
            }
            if let actor = filter.actor {
                conditions.append("(actorUser = ? OR actorOperator = ? OR CAST(actorUid AS TEXT) = ?)")
                arguments += [actor, actor, actor]
            }
            if let from = filter.from {
                conditions.append("at >= ?")
                arguments.append(from)
            }
            if let to = filter.to {
                conditions.append("at < ?")
                arguments.append(to)
            }
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT seq, line FROM lines WHERE " + conditions.joined(separator: " AND ") + " ORDER BY seq LIMIT ?",
                arguments: StatementArguments(arguments + [limit]))
            return rows.map { (seq: $0["seq"], line: String(decoding: $0["line"] as Data, as: UTF8.self)) }
        }
    }
}

/// What `audit.query` filters by; every filter given must match.
struct AuditQueryFilter: Sendable {
    var source: String?
    var entity: String?
    var actor: String?
    var type: String?
    /// RFC 3339 texts of the same shape compare as times.
    var from: String?
    var to: String?

    /// Whether an archived line (parsed) matches.
    func matches(_ line: JSONValue) -> Bool {
        if let source, line["source"]?.stringValue != source { return false }
        if let entity, line["entity"]?.stringValue != entity { return false }
        if let type, line["type"]?.stringValue != type { return false }
        if let actor {
            let who = line["actor"]
            let uid = who?["uid"]?.integerValue.map { String($0) }
            guard who?["user"]?.stringValue == actor || who?["operator"]?.stringValue == actor || uid == actor else {
                return false
            }
        }
        let at = line["at"]?.stringValue ?? ""
        if let from, at < from { return false }
        if let to, at >= to { return false }
        return true
    }
}
