import Foundation

/// Waits until `condition` holds, checking every 50 ms for up to `timeout`; returns whether it came to hold.
///
/// Tests wait for what they need to see instead of sleeping for a guessed time, so a busy machine makes them
/// slower, not wrong.
public func eventually(
    timeout: Duration = .seconds(10),
    _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
