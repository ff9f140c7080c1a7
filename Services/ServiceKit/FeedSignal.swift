import Synchronization

/// The newest committed sequence number of a change feed, and the long-polls waiting for it to move.
///
/// The store advances it from a commit hook, so `events.wait` wakes within microseconds of a commit instead of
/// polling the database.
public final class FeedSignal: Sendable {
    private struct State {
        var head: Int64
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state: Mutex<State>

    public init(head: Int64) {
        self.state = Mutex(State(head: head))
    }

    /// The newest committed sequence number.
    public var head: Int64 { self.state.withLock { $0.head } }

    /// Records a commit and wakes every waiter.
    public func advance(to seq: Int64) {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard seq > state.head else { return [] }
            state.head = seq
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the head is past `after`, or when `timeout` has passed, or when the task is cancelled.
    public func wait(after: Int64, timeout: Duration) async {
        if self.head > after { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForAdvance(after: after) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForAdvance(after: Int64) async {
        let key = self.state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.state.withLock { state -> Bool in
                    if state.head > after || Task.isCancelled { return true }
                    state.waiters[key] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.state.withLock { $0.waiters.removeValue(forKey: key) }
            waiter?.resume()
        }
    }
}
