import Foundation
import GRDB
import ServiceKit
import Shared
import Synchronization
import Testing
import TestSupport

@Suite("Group commit")
struct GroupCommitTests {
    private static let actor = CommonInterface.Actor(uid: 0, user: "root", pid: 1)

    /// Counts commits on the pool's writer connection.
    private final class CommitCounter: TransactionObserver, @unchecked Sendable {
        let commits = Mutex(0)
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { self.commits.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    private func open(_ home: TestHome) throws -> (DatabasePool, ChangeFeed) {
        var migrator = DatabaseMigrator()
        ChangeFeed.registerMigration(in: &migrator)
        migrator.registerMigration("notes") { db in
            try db.create(table: "notes") { table in
                table.primaryKey("id", .integer)
                table.column("text", .text).notNull()
            }
        }
        let pool = try ServiceDatabase.open(path: "\(home.path)/group.sqlite", migrator: migrator)
        return (pool, try ChangeFeed(database: pool, clock: .system))
    }

    @Test("writes queued while a commit is under way share the next transaction; a failing write is undone alone")
    func batchesAndIsolatesFailures() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (pool, feed) = try self.open(home)
        let counter = CommitCounter()
        pool.add(transactionObserver: counter, extent: .databaseLifetime)
        let writer = GroupCommit(database: pool)
        struct Refused: Error, Equatable { let id: Int }

        // The first write holds its transaction open until the others are queued behind it.
        let release = DispatchSemaphore(value: 0)
        let running = Mutex(false)
        let first = Task {
            try await writer.write { db in
                running.withLock { $0 = true }
                release.wait()
                try db.execute(sql: "INSERT INTO notes (id, text) VALUES (0, 'first')")
            }
        }
        while !running.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for id in 1...49 {
                group.addTask {
                    do {
                        try await writer.write { db in
                            try db.execute(sql: "INSERT INTO notes (id, text) VALUES (?, 'kept')", arguments: [id])
                            try feed.append(db, type: "note.added", entity: "note:\(id)", actor: Self.actor)
                            if id % 5 == 0 { throw Refused(id: id) }
                        }
                        return (id, true)
                    } catch {
                        return (id, false)
                    }
                }
            }
            while writer.queued < 49 { try? await Task.sleep(for: .milliseconds(5)) }
            release.signal()
            var results: [Int: Bool] = [:]
            for await (id, ok) in group { results[id] = ok }
            return results
        }
        try await first.value
        #expect(outcomes.filter(\.value).count == 40)
        #expect(outcomes.filter { !$0.value }.keys.sorted() == [5, 10, 15, 20, 25, 30, 35, 40, 45])
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT id FROM notes ORDER BY id") }
        #expect(stored == [0] + (1...49).filter { $0 % 5 != 0 })
        // One transaction for the first write, one for the 49 queued behind it.
        #expect(counter.commits.withLock { $0 } == 2)
        // The feed's head is the last event that exists, not one rolled back with its write.
        let page = try await pool.read { db in try ChangeFeed.read(db, after: 0, limit: 100) }
        #expect(page.events.count == 40)
        #expect(feed.signal.head == page.next)
    }

    @Test("an event undone with the last write of a shared transaction does not move the feed's head")
    func headAfterUndoneEvent() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (pool, feed) = try self.open(home)
        let writer = GroupCommit(database: pool)
        struct Refused: Error {}
        let release = DispatchSemaphore(value: 0)
        let running = Mutex(false)
        let blocker = Task {
            try await writer.write { _ in
                running.withLock { $0 = true }
                release.wait()
            }
        }
        while !running.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        let kept = Task {
            try await writer.write { db in try feed.append(db, type: "note.kept", entity: "note:1", actor: Self.actor) }
        }
        while writer.queued < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let undone = Task {
            try await writer.write { db in
                try feed.append(db, type: "note.undone", entity: "note:2", actor: Self.actor)
                throw Refused()
            }
        }
        while writer.queued < 2 { try await Task.sleep(for: .milliseconds(5)) }
        release.signal()
        try await blocker.value
        let seq = try await kept.value
        await #expect(throws: Refused.self) { try await undone.value }
        #expect(feed.signal.head == seq)
        // A waiter after the head keeps waiting instead of waking to an empty page.
        let started = ContinuousClock.now
        await feed.signal.wait(after: seq, timeout: .milliseconds(300))
        #expect(ContinuousClock.now - started >= .milliseconds(250))
    }

    @Test("with a limit of one, every write commits on its own")
    func limitOfOne() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (pool, _) = try self.open(home)
        let counter = CommitCounter()
        pool.add(transactionObserver: counter, extent: .databaseLifetime)
        let writer = GroupCommit(database: pool, limit: 1)
        await withThrowingTaskGroup(of: Void.self) { group in
            for id in 1...20 {
                group.addTask {
                    try await writer.write { db in
                        try db.execute(sql: "INSERT INTO notes (id, text) VALUES (?, 'one')", arguments: [id])
                    }
                }
            }
        }
        #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes") } == 20)
        #expect(counter.commits.withLock { $0 } == 20)
    }
}
