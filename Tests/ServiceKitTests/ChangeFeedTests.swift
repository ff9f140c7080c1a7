import Foundation
import GRDB
import Logging
import ServiceKit
import Shared
import Testing
import TestSupport

@Suite("Change feed")
struct ChangeFeedTests {
    private static let actor = CommonInterface.Actor(uid: 0, user: "root", pid: 1)

    private func openFeedDatabase(_ path: String) throws -> (DatabasePool, ChangeFeed) {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        let pool = try ServiceDatabase.open(path: path, migrator: migrator)
        return (pool, try ChangeFeed(database: pool, clock: .system))
    }

    @Test("an event written in a transaction that rolls back never appears, and seq stays in commit order")
    func rollback() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (pool, feed) = try self.openFeedDatabase("\(home.path)/feed.sqlite")
        try await pool.write { db in _ = try feed.append(db, type: "test.kept", entity: "t:1", actor: Self.actor) }
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await pool.write { db in
                try feed.append(db, type: "test.lost", entity: "t:2", actor: Self.actor)
                throw Abort()
            }
        }
        try await pool.write { db in _ = try feed.append(db, type: "test.kept", entity: "t:3", actor: Self.actor) }
        let page = try await pool.read { db in try ChangeFeed.read(db, after: 0, limit: 10) }
        #expect(page.events.map(\.entity) == ["t:1", "t:3"])
        #expect(page.events.map(\.seq) == page.events.map(\.seq).sorted())
        #expect(feed.signal.head == page.next)
    }

    @Test("a long poll wakes when an event commits, well before its time-out")
    func waitWakes() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (pool, feed) = try self.openFeedDatabase("\(home.path)/feed.sqlite")
        let started = ContinuousClock.now
        async let woke: Void = feed.signal.wait(after: 0, timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(50))
        try await pool.write { db in _ = try feed.append(db, type: "test.kept", entity: "t:1", actor: Self.actor) }
        await woke
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(feed.signal.head == 1)
    }

    @Test("a consumer applies every event exactly once across a stop and a restart")
    func consumerExactlyOnce() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (sourcePool, feed) = try self.openFeedDatabase("\(home.path)/source.sqlite")
        var router = RPCRouter(service: .registry)
        router.registerFeed(feed, database: sourcePool)
        let socket = "\(home.path)/run/source.sock"
        var configuration = LingyanConfiguration(home: home.path)
        configuration.maximumConnections = 8
        var settings = RPCServer.Settings(service: .registry, configuration: configuration)
        settings.socketPath = socket
        let server = RPCServer(
            settings: settings, router: router, roleMap: RoleMap(configuration: nil), logger: Logger(label: "test"))
        let serving = Task { try await server.run() }
        defer { serving.cancel() }

        var migrator = DatabaseMigrator()
        ChangeFeedConsumer.registerMigration(in: &migrator)
        migrator.registerMigration("applied") { db in
            try db.create(table: "applied") { table in table.primaryKey("seq", .integer) }
        }
        let sinkPool = try ServiceDatabase.open(path: "\(home.path)/sink.sqlite", migrator: migrator)
        func startConsumer() -> Task<Void, any Error> {
            let consumer = ChangeFeedConsumer(
                source: .registry, socketPath: socket, database: sinkPool, logger: Logger(label: "test"), pageSize: 7
            ) { db, event in
                // A second application of the same event would violate the primary key and fail the test.
                try db.execute(sql: "INSERT INTO applied (seq) VALUES (?)", arguments: [event.seq])
            }
            return Task { try await consumer.run() }
        }
        func appliedCount() async throws -> Int {
            try await sinkPool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") ?? 0 }
        }
        func waitForCount(_ expected: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(20)
            while try await appliedCount() < expected, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        for index in 1...40 {
            try await sourcePool.write { db in _ = try feed.append(db, type: "test.made", entity: "t:\(index)", actor: Self.actor) }
        }
        var consumer = startConsumer()
        try await waitForCount(40)
        consumer.cancel()
        _ = try? await consumer.value

        for index in 41...75 {
            try await sourcePool.write { db in _ = try feed.append(db, type: "test.made", entity: "t:\(index)", actor: Self.actor) }
        }
        consumer = startConsumer()
        try await waitForCount(75)
        consumer.cancel()
        _ = try? await consumer.value

        let applied = try await sinkPool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM applied ORDER BY seq") }
        #expect(applied == Array(1...75))
        let cursor = try await sinkPool.read { db in try ChangeFeedConsumer.cursor(db, source: .registry) }
        #expect(cursor == 75)
    }
}
