import Foundation
import Logging
import NIOPosix
import ServiceKit
import ServiceLifecycle
import Shared

/// Delivers due outbox rows into the Maildir, one at a time, and records each outcome (DESIGN §9).
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

    /// Delivers up to 100 due rows; returns whether there may be more.
    private func deliverDue(actor: CommonInterface.Actor) throws -> Bool {
        let now = self.clock.now()
        let due = try self.store.due(at: Timestamp.string(from: now), limit: 100)
        for row in due {
            do {
                if let sendmail = self.sendmail {
                    let outcome = try CommandRunner.run(sendmail, input: row.message)
                    guard outcome.status == 0 else {
                        throw DeliveryError(description: "sendmail exited \(outcome.status): \(outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines))")
                    }
                } else {
                    try self.maildir.deliver(row.message, name: OutgoingMessage.token(for: row.dedupKey) + ".lingyan")
                }
                try self.store.markSent(id: row.id, at: Timestamp.string(from: self.clock.now()), actor: actor)
            } catch {
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
        await cancelWhenGracefulShutdown {
            var seen: Int64 = 0
            while !Task.isCancelled {
                do {
                    // File writes, fsyncs and commits block: they run on the thread pool, not on the task's thread.
                    let full = try await NIOThreadPool.singleton.runIfActive { try self.deliverDue(actor: actor) }
                    if full { continue }
                } catch {
                    self.logger.error("outbox pass failed; retrying", metadata: ["error": "\(error)"])
                }
                // Until something is queued, or a second passes (retries fall due by the clock).
                await self.store.queued.wait(after: seen, timeout: .seconds(1))
                seen = self.store.queued.head
            }
        }
    }
}
