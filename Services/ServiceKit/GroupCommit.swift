import Foundation
import GRDB
import NIOPosix
import Synchronization

/// Writes that arrive together share one transaction, and so one `fsync`.
///
/// With `synchronous=FULL` a commit waits for the disk, and SQLite then manages a few thousand one-row transactions
/// a second while the same disk takes hundreds of thousands of rows a second in large transactions. Callers hand
/// their write to `write(_:)` and wait; one drainer at a time takes everything queued (up to `limit`), runs each
/// write in its own savepoint inside one transaction, commits, and only then answers every caller. A write that
/// throws is rolled back to its savepoint alone and its caller gets the error; the others are unaffected. A caller is
/// never answered before its write is durable, so an acknowledged write survives a crash.
public final class GroupCommit: Sendable {
    /// A queued write, type-erased: runs in the transaction, then is told how the commit went.
    private struct Job: Sendable {
        /// Runs the write inside a savepoint; returns the completion to call after the commit.
        let run: @Sendable (Database) -> @Sendable (Result<Void, any Error>) -> Void
        /// Answers the caller when the transaction failed before the write could run.
        let fail: @Sendable (any Error) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var draining = false
    }

    private let database: DatabasePool
    private let limit: Int
    private let state = Mutex(State())

    /// `limit` bounds the writes in one transaction; 1 gives one transaction per write.
    public init(database: DatabasePool, limit: Int = 1_000) {
        self.database = database
        self.limit = max(1, limit)
    }

    /// Writes waiting for the next transaction.
    public var queued: Int { self.state.withLock { $0.queue.count } }

    /// Runs `write` in a shared transaction and returns its result once that transaction is committed.
    public func write<T: Sendable>(_ write: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(run: { db in
                let outcome: Result<T, any Error>
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try write(db)
                        return .commit
                    }
                    outcome = .success(value!)
                } catch {
                    outcome = .failure(error)
                }
                return { commit in
                    switch (commit, outcome) {
                    case (.failure(let error), _): continuation.resume(throwing: error)
                    case (.success, .failure(let error)): continuation.resume(throwing: error)
                    case (.success, .success(let value)): continuation.resume(returning: value)
                    }
                }
            }, fail: { error in continuation.resume(throwing: error) })
            let startDrainer = self.state.withLock { state in
                state.queue.append(job)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startDrainer {
                NIOThreadPool.singleton.submit { _ in self.drain() }
            }
        }
    }

    /// Commits batches until the queue is empty. Writes queued while a batch commits form the next batch.
    private func drain() {
        while true {
            let batch: [Job] = self.state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.draining = false
                    return []
                }
                let taken = Array(state.queue.prefix(self.limit))
                state.queue.removeFirst(taken.count)
                return taken
            }
            if batch.isEmpty { return }
            var completions: [@Sendable (Result<Void, any Error>) -> Void] = []
            completions.reserveCapacity(batch.count)
            let commit: Result<Void, any Error>
            do {
                try self.database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        for job in batch { completions.append(job.run(db)) }
                        return .commit
                    }
                }
                commit = .success(())
            } catch {
                commit = .failure(error)
            }
            for completion in completions { completion(commit) }
            // A transaction that failed before every write ran still answers every caller.
            if case .failure(let error) = commit {
                for job in batch[completions.count...] { job.fail(error) }
            }
        }
    }
}
