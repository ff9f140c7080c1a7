import Foundation
import GRDB
import NIOPosix
import Shared
import Synchronization

/// One row of a service's `events` table (DESIGN §6).
struct FeedEventRecord: Codable, PersistableRecord {
    static let databaseTableName = "events"

    var seq: Int64?
    var at: String
    var type: String
    var entity: String
    /// The actor as JSON text.
    var actor: String
    /// The event data as JSON text.
    var data: String
}

/// A flag shared by copies of a value type.
final class SharedFlag: Sendable {
    private let value = Mutex(false)

    func withLock<R>(_ body: (inout Bool) -> R) -> R { self.value.withLock { body(&$0) } }
}

/// A service's change feed: events written in the caller's transaction, read by `events.read` / `events.wait`.
///
/// `seq` is an `AUTOINCREMENT` key, and SQLite has one writer at a time, so sequence order is commit order and a
/// number is never reused, even after the newest rows are deleted.
public struct ChangeFeed: Sendable {
    /// Wakes long-polls after each commit that appended events.
    public let signal: FeedSignal
    private let clock: LingyanClock
    /// Whether the current write transaction already has a commit hook (SQLite has one writer at a time).
    private let hookPending = SharedFlag()

    /// Creates the feed for an opened database; the head is read from the table.
    public init(database: any DatabaseReader, clock: LingyanClock) throws {
        let head = try database.read { db in try Self.head(db) }
        self.signal = FeedSignal(head: head)
        self.clock = clock
    }

    /// Adds the `events` table to a store's migrations.
    public static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("change-feed-v1") { db in
            try db.create(table: "events") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("at", .text).notNull()
                table.column("type", .text).notNull()
                table.column("entity", .text).notNull()
                table.column("actor", .text).notNull()
                table.column("data", .text).notNull()
            }
        }
    }

    /// Appends an event inside the caller's write transaction; it becomes visible to readers when that
    /// transaction commits, and not at all if it rolls back.
    @discardableResult
    public func append(
        _ db: Database,
        type: String,
        entity: String,
        actor: CommonInterface.Actor,
        data: JSONValue = [:]
    ) throws -> Int64 {
        // A cached statement: services append several events per write, and a record insert re-reads the schema.
        let statement = try db.cachedStatement(sql: "INSERT INTO events (at, type, entity, actor, data) VALUES (?, ?, ?, ?, ?)")
        try statement.execute(arguments: [
            Timestamp.string(from: self.clock.now()), type, entity, try LingyanJSON.string(actor), try LingyanJSON.string(data),
        ])
        let seq = db.lastInsertedRowID
        // One commit hook per transaction, however many events it appends: a shared transaction of a thousand
        // writes would otherwise carry thousands of observers that every statement consults. The hook reports the
        // committed head, not this row's seq: a savepoint rolled back after this append (a failed write in a shared
        // transaction) takes the row with it, and its seq goes to the next event.
        let signal = self.signal
        let hookPending = self.hookPending
        if hookPending.withLock({ pending in
            defer { pending = true }
            return !pending
        }) {
            db.afterNextTransaction(
                onCommit: { db in
                    hookPending.withLock { $0 = false }
                    let head = (try? Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'")) ?? nil
                    signal.advance(to: head ?? 0)
                },
                onRollback: { _ in hookPending.withLock { $0 = false } })
        }
        return seq
    }

    /// Events with `seq > after`, oldest first.
    ///
    /// Feeds are read constantly (every consumer long-polls), so this uses a cached prepared statement and reads
    /// columns by position instead of going through the query interface and Codable, which cost several times more.
    public static func read(_ db: Database, after: Int64, limit: Int) throws -> FeedInterface.Page {
        let statement = try db.cachedStatement(
            sql: "SELECT seq, at, type, entity, actor, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?")
        let rows = try Row.fetchCursor(statement, arguments: [after, limit])
        var events: [FeedInterface.FeedEvent] = []
        while let row = try rows.next() {
            let actor: String = row[4]
            let data: String = row[5]
            events.append(FeedInterface.FeedEvent(
                seq: row[0], at: row[1], type: row[2], entity: row[3],
                actor: try LingyanJSON.decode(CommonInterface.Actor.self, from: actor.utf8),
                data: try JSONReader.read(data.utf8)))
        }
        return FeedInterface.Page(events: events, next: events.last?.seq ?? after)
    }

    /// The newest sequence number, 0 for an empty feed.
    public static func head(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events") ?? 0
    }
}

extension RPCRouter {
    /// Registers `events.read` and `events.wait` for a feed.
    public mutating func registerFeed(_ feed: ChangeFeed, database: any DatabaseReader) {
        @Sendable func limit(_ requested: Int?) throws -> Int {
            let value = requested ?? 100
            guard (1...1000).contains(value) else { throw RPCError.invalidParams("limit must be between 1 and 1000") }
            return value
        }
        @Sendable func cursor(_ after: Int64) throws -> Int64 {
            guard after >= 0 else { throw RPCError.invalidParams("after must be 0 or greater") }
            return after
        }
        self.registerBlocking(FeedInterface.Read.self) { params, _ in
            let after = try cursor(params.after)
            let limit = try limit(params.limit)
            return try database.read { db in try ChangeFeed.read(db, after: after, limit: limit) }
        }
        self.register(FeedInterface.Wait.self) { params, _ in
            let after = try cursor(params.after)
            let limit = try limit(params.limit)
            let timeout = params.timeoutMilliseconds ?? 10_000
            guard (0...60_000).contains(timeout) else {
                throw RPCError.invalidParams("timeoutMilliseconds must be between 0 and 60000")
            }
            await feed.signal.wait(after: after, timeout: .milliseconds(timeout))
            return try await NIOThreadPool.singleton.runIfActive {
                try database.read { db in try ChangeFeed.read(db, after: after, limit: limit) }
            }
        }
    }
}
