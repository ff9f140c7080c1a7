import Foundation
import Logging
import NIOPosix
import ServiceKit
import ServiceLifecycle
import Shared
import Synchronization

/// Delivers due outbox rows into the Maildir or through sendmail, and records each outcome (DESIGN §9).
///
/// A delivery is recorded after the file is in `new/`; a crash between the two repeats the delivery at start-up,
/// which replaces the same file (same name, same Message-ID) rather than adding one. Failures are retried with
/// exponential backoff (2 s doubling, at most an hour) and the row is `dead` after `maximumAttempts`.
struct Dispatcher: Service {
    let store: NotifierStore
    let maildir: Maildir
    /// When set, messages go to this command (`sendmail -t -i` style) instead of the Maildir.
    let sendmail: String?
    let clock: LingyanClock
    let logger: Logger
    var maximumAttempts = 8
    /// A fault-injection point for crash tests: the process kills itself with SIGKILL after this many deliveries,
    /// each time between writing the message and recording it — the window the outbox must survive.
    var crashAfterDeliveries: CrashPoint? = nil

    /// Threads that write Maildir files: flushes of several new files at once share the file system's journal
    /// commits, which a single writer waits for one by one (measured on ext4: a burst of 10,000 messages at about
    /// 1,200/s with one writer, 1,700/s with 16; the rest is the kernel allocating inodes and locking directories).
    static let maildirWriters = 16

    /// Delivers up to 100 due rows; returns whether there may be more.
    ///
    /// Each message is written and flushed on its own (in parallel into the Maildir); the directory is flushed once
    /// for the batch and the deliveries are recorded together after it, in one commit.
    private func deliverDue(actor: CommonInterface.Actor, writers: NIOThreadPool) async throws -> Bool {
        let now = self.clock.now()
        let due = try await NIOThreadPool.singleton.runIfActive { try self.store.due(at: Timestamp.string(from: now), limit: 100) }
        let outcomes: [(row: NotifierStore.DueRow, error: (any Error)?)]
        if let sendmail = self.sendmail {
            outcomes = try await NIOThreadPool.singleton.runIfActive {
                due.map { row in
                    do {
                        let outcome = try CommandRunner.run(sendmail, input: row.message)
                        guard outcome.status == 0 else {
                            throw DeliveryError(description: "sendmail exited \(outcome.status): \(outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines))")
                        }
                        self.crashAfterDeliveries?.pass()
                        return (row, nil)
                    } catch {
                        return (row, error)
                    }
                }
            }
        } else {
            outcomes = await withTaskGroup(of: (row: NotifierStore.DueRow, error: (any Error)?).self) { group in
                for row in due {
                    group.addTask {
                        do {
                            try await writers.runIfActive {
                                try self.maildir.place(row.message, name: OutgoingMessage.token(for: row.dedupKey) + ".lingyan")
                            }
                            self.crashAfterDeliveries?.pass()
                            return (row, nil)
                        } catch {
                            return (row, error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await NIOThreadPool.singleton.runIfActive {
            var delivered = outcomes.filter { $0.error == nil }.map(\.row)
            var failures = outcomes.compactMap { outcome in outcome.error.map { (row: outcome.row, error: $0) } }
            if self.sendmail == nil, !delivered.isEmpty {
                do {
                    try self.maildir.flush()
                } catch {
                    // Not known to be durable: every message of the batch is tried again.
                    failures += delivered.map { ($0, error) }
                    delivered = []
                }
            }
            try self.store.markSent(ids: delivered.map(\.id), at: Timestamp.string(from: self.clock.now()), actor: actor)
            for (row, error) in failures {
                let attempts = row.attempts + 1
                let retryAt = attempts >= self.maximumAttempts
                    ? nil : Timestamp.string(from: now.addingTimeInterval(min(3_600, 2 * pow(2, Double(attempts - 1)))))
                try self.store.markFailed(id: row.id, error: "\(error)", retryAt: retryAt, actor: actor)
                self.logger.warning(
                    "delivery failed", metadata: ["notification": "\(row.id)", "attempt": "\(attempts)", "error": "\(error)"])
            }
        }
        return due.count == 100
    }

    func run() async throws {
        if self.sendmail == nil { try self.maildir.prepare() }
        let actor = CommonInterface.Actor(uid: getuid(), user: SystemUsers.name(of: getuid()), pid: getpid(), operator: "notification")
        let writers = NIOThreadPool(numberOfThreads: Self.maildirWriters)
        writers.start()
        await cancelWhenGracefulShutdown {
            var seen: Int64 = 0
            while !Task.isCancelled {
                do {
                    // File writes, fsyncs and commits block: they run on thread pools, not on the task's thread.
                    if try await self.deliverDue(actor: actor, writers: writers) { continue }
                } catch {
                    self.logger.error("outbox pass failed; retrying", metadata: ["error": "\(error)"])
                }
                // Until something is queued, or a second passes (retries fall due by the clock).
                await self.store.queued.wait(after: seen, timeout: .seconds(1))
                seen = self.store.queued.head
            }
        }
        try await writers.shutdownGracefully()
    }
}

/// Counts passes and sends the process SIGKILL at the given one (`LINGYAN_FAULT_KILL_AFTER_DELIVERY`).
final class CrashPoint: Sendable {
    private let remaining: Mutex<Int>

    init?(_ value: String?) {
        guard let value, let count = Int(value), count > 0 else { return nil }
        self.remaining = Mutex(count)
    }

    func pass() {
        let due = self.remaining.withLock { remaining in
            remaining -= 1
            return remaining == 0
        }
        if due { kill(getpid(), SIGKILL) }
    }
}
