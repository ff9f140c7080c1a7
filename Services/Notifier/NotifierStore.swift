import Foundation
import GRDB
import ServiceKit
import Shared

/// The notification database, `data/notification.sqlite`: the only code that opens it.
///
/// The outbox holds each message as it will be delivered (built when its trigger was applied, with the address the
/// registry gave then), one row per (trigger, recipient): the unique dedup key makes a repeated trigger a no-op.
final class NotifierStore: Sendable {
    let database: DatabasePool
    let feed: ChangeFeed
    /// Wakes the dispatcher when a message is queued.
    let queued = FeedSignal(head: 0)

    init(path: String, clock: LingyanClock) throws {
        self.database = try ServiceDatabase.open(path: path, migrator: Self.migrator)
        self.feed = try ChangeFeed(database: self.database, clock: clock)
    }

    /// Forward-only migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        ChangeFeedConsumer.registerMigration(in: &migrator)
        migrator.registerMigration("outbox-v1") { db in
            try db.create(table: "outbox") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("dedupKey", .text).notNull().unique()
                table.column("trigger", .text).notNull()
                table.column("recipient", .text).notNull().indexed()
                table.column("formId", .text).indexed()
                table.column("subject", .text).notNull()
                table.column("message", .blob).notNull()
                table.column("messageId", .text).notNull()
                table.column("state", .text).notNull().indexed()
                table.column("attempts", .integer).notNull()
                table.column("nextAttemptAt", .text)
                table.column("lastError", .text)
                table.column("createdAt", .text).notNull()
                table.column("sentAt", .text)
            }
        }
        // Which profiles staff have been told are about to expire, so that each is told once, across restarts,
        // however the profiles are grouped into letters.
        migrator.registerMigration("profile-expiry-notices-v1") { db in
            try db.create(table: "profileExpiryNotices") { table in
                table.column("partnerId", .text).notNull()
                table.column("expiresOn", .text).notNull()
                table.column("noticedAt", .text).notNull()
                table.primaryKey(["partnerId", "expiresOn"])
            }
        }
        // Match proposals: what staff review before an enterprise hears of a partner. The enterprise's letter
        // fields are kept with the proposal, so that approving it needs nothing but this database.
        migrator.registerMigration("proposals-v1") { db in
            try db.create(table: "proposals") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("formId", .text).notNull().indexed()
                table.column("partnerId", .text).notNull()
                table.column("summary", .text).notNull()
                table.column("letterFields", .text).notNull()
                table.column("recipient", .text).notNull()
                table.column("state", .text).notNull().indexed()
                table.column("note", .text)
                table.column("decidedBy", .text)
                table.column("decidedAt", .text)
                table.column("createdAt", .text).notNull()
                table.column("notificationId", .integer)
                table.uniqueKey(["formId", "partnerId"])
            }
        }
        return migrator
    }

    /// Records that staff are told about these profiles' expiry; returns the ones not told before.
    static func newExpiryNotices(_ profiles: [StoredPartner], db: Database, at stamp: String) throws -> [StoredPartner] {
        try profiles.filter { partner in
            try db.execute(
                sql: "INSERT INTO profileExpiryNotices (partnerId, expiresOn, noticedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [partner.id, partner.profile.expiresOn ?? "", stamp])
            return db.changesCount > 0
        }
    }

    /// Queues a message unless its dedup key is already there; returns whether it was new.
    @discardableResult
    static func enqueue(_ message: OutgoingMessage, db: Database, at stamp: String) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO outbox (dedupKey, trigger, recipient, formId, subject, message, messageId, state, attempts,
                                    nextAttemptAt, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(dedupKey) DO NOTHING
                """,
            arguments: [
                message.dedupKey, message.trigger, message.recipient, message.formId, message.subject,
                Data(message.bytes), message.messageId, stamp, stamp,
            ])
        return db.changesCount > 0
    }

    /// A message due for an attempt.
    struct DueRow: Sendable {
        var id: Int64
        var dedupKey: String
        var attempts: Int
        var message: [UInt8]
    }

    /// Messages due for an attempt at `now`, oldest first.
    func due(at now: String, limit: Int) throws -> [DueRow] {
        try self.database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, dedupKey, attempts, message FROM outbox
                    WHERE state IN ('pending', 'failed') AND nextAttemptAt <= ? ORDER BY id LIMIT ?
                    """,
                arguments: [now, limit]
            ).map { DueRow(id: $0["id"], dedupKey: $0["dedupKey"], attempts: $0["attempts"], message: [UInt8]($0["message"] as Data)) }
        }
    }

    /// The earliest next attempt of a failed message, if any.
    func nextRetry() throws -> String? {
        try self.database.read { db in
            try String.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM outbox WHERE state IN ('pending', 'failed')")
        }
    }

    /// Records deliveries, each with its event, in one transaction.
    func markSent(ids: [Int64], at stamp: String, actor: CommonInterface.Actor) throws {
        guard !ids.isEmpty else { return }
        try self.database.write { db in
            for id in ids { try self.markSent(db, id: id, at: stamp, actor: actor) }
        }
    }

    private func markSent(_ db: Database, id: Int64, at stamp: String, actor: CommonInterface.Actor) throws {
        let row = try Row.fetchOne(
            db,
            sql: """
                UPDATE outbox SET state = 'sent', attempts = attempts + 1, sentAt = ?, nextAttemptAt = NULL, lastError = NULL
                WHERE id = ? RETURNING trigger, formId, attempts
                """,
            arguments: [stamp, id])
        try self.feed.append(
            db, type: "notification.sent", entity: "notification:\(id)", actor: actor,
            data: [
                "trigger": .string(row?["trigger"] ?? ""), "formId": (row?["formId"] as String?).map { .string($0) } ?? .null,
                "attempts": .integer(row?["attempts"] ?? 1),
            ])
    }

    /// Records a failed attempt: the next one after `retryAt`, or `dead` when there is none.
    func markFailed(id: Int64, error: String, retryAt: String?, actor: CommonInterface.Actor) throws {
        try self.database.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = ?, attempts = attempts + 1, nextAttemptAt = ?, lastError = ? WHERE id = ?",
                arguments: [retryAt == nil ? "dead" : "failed", retryAt, String(error.prefix(2_000)), id])
            if retryAt == nil {
                try self.feed.append(
                    db, type: "notification.dead", entity: "notification:\(id)", actor: actor,
                    data: ["error": .string(String(error.prefix(200)))])
            }
        }
    }

    func list(_ params: NotificationInterface.List.Params, limit: Int) throws -> [NotificationInterface.Notification] {
        try self.database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let state = params.state {
                conditions.append("state = ?")
                arguments.append(state.rawValue)
            }
            if let recipient = params.recipient {
                conditions.append("recipient = ?")
                arguments.append(recipient)
            }
            if let formId = params.formId {
                conditions.append("formId = ?")
                arguments.append(formId)
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM outbox" + filter + " ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(arguments + [limit])
            ).map(Self.notification)
        }
    }

    func notification(id: Int64) throws -> (NotificationInterface.Notification, [UInt8])? {
        try self.database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map {
                (Self.notification($0), [UInt8]($0["message"] as Data))
            }
        }
    }

    /// Queues a failed or dead message again, now.
    func retry(id: Int64, at stamp: String) throws -> NotificationInterface.Notification? {
        try self.database.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'pending', attempts = 0, nextAttemptAt = ? WHERE id = ? AND state IN ('failed', 'dead')",
                arguments: [stamp, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(Self.notification)
        }
    }

    private static func notification(_ row: Row) -> NotificationInterface.Notification {
        let state: String = row["state"]
        return .init(
            id: row["id"], dedupKey: row["dedupKey"], trigger: row["trigger"], recipient: row["recipient"],
            formId: row["formId"], subject: row["subject"], state: NotificationInterface.State(rawValue: state) ?? .pending,
            attempts: row["attempts"], nextAttemptAt: row["nextAttemptAt"], lastError: row["lastError"],
            createdAt: row["createdAt"], sentAt: row["sentAt"], messageId: row["messageId"])
    }

    // MARK: Proposals

    /// Files a proposal unless the pair has one; returns its number either way.
    static func propose(
        _ proposal: NotificationInterface.MatchProposal, letterFields: [String: String], recipient: String, db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO proposals (formId, partnerId, summary, letterFields, recipient, state, createdAt)
                VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT(formId, partnerId) DO NOTHING
                """,
            arguments: [
                proposal.formId, proposal.partnerId, try LingyanJSON.string(proposal), try LingyanJSON.string(letterFields), recipient,
                proposal.createdAt,
            ])
        return try Int64.fetchOne(
            db, sql: "SELECT id FROM proposals WHERE formId = ? AND partnerId = ?", arguments: [proposal.formId, proposal.partnerId]) ?? 0
    }

    func proposals(state: NotificationInterface.ProposalState?, formId: String?, limit: Int) throws -> [NotificationInterface.MatchProposal] {
        try self.database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let state { conditions.append("state = ?"); arguments.append(state.rawValue) }
            if let formId { conditions.append("formId = ?"); arguments.append(formId) }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM proposals" + filter + " ORDER BY id DESC LIMIT ?", arguments: StatementArguments(arguments + [limit])
            ).map(Self.proposal)
        }
    }

    /// A proposal with the fields of the enterprise's letter and its address.
    static func pendingProposal(_ db: Database, id: Int64) throws -> (NotificationInterface.MatchProposal, [String: String], String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM proposals WHERE id = ?", arguments: [id]) else { return nil }
        let fields: String = row["letterFields"]
        return (try Self.proposal(row), try LingyanJSON.decode([String: String].self, from: fields.utf8), row["recipient"])
    }

    /// Records a decision; the caller has checked the proposal is pending.
    static func decide(
        _ db: Database, id: Int64, state: NotificationInterface.ProposalState, note: String?, by: String, at stamp: String,
        notificationId: Int64?
    ) throws {
        try db.execute(
            sql: "UPDATE proposals SET state = ?, note = ?, decidedBy = ?, decidedAt = ?, notificationId = ? WHERE id = ?",
            arguments: [state.rawValue, note, by, stamp, notificationId, id])
    }

    private static func proposal(_ row: Row) throws -> NotificationInterface.MatchProposal {
        let summary: String = row["summary"]
        var proposal = try LingyanJSON.decode(NotificationInterface.MatchProposal.self, from: summary.utf8)
        proposal.id = row["id"]
        let state: String = row["state"]
        guard let decoded = NotificationInterface.ProposalState(rawValue: state) else {
            throw DatabaseError(message: "proposal \(proposal.id) has an unknown state '\(state)'")
        }
        proposal.state = decoded
        proposal.note = row["note"]
        proposal.decidedBy = row["decidedBy"]
        proposal.decidedAt = row["decidedAt"]
        proposal.notificationId = row["notificationId"]
        return proposal
    }
}
