import Foundation
import Shared

/// "Now", as every service reads it (DESIGN §9).
///
/// When `LINGYAN_NOW` is set (RFC 3339), the clock starts at that instant and runs forward from there, so that
/// deadlines and reminders can be shown for any date while event times still increase.
public struct LingyanClock: Sendable {
    private let offset: TimeInterval

    /// The real clock.
    public static let system = LingyanClock(offset: 0)

    private init(offset: TimeInterval) {
        self.offset = offset
    }

    /// Reads `LINGYAN_NOW`; an unparseable value is an error, not a silent fall-back to the real time.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> LingyanClock
    {
        guard let text = environment["LINGYAN_NOW"], !text.isEmpty else { return .system }
        guard let start = Timestamp.date(from: text) else {
            throw LingyanConfiguration.LoadError.invalidSetting(
                name: "LINGYAN_NOW", value: text, expected: "an RFC 3339 time such as 2025-06-01T09:00:00Z")
        }
        return LingyanClock(offset: start.timeIntervalSinceNow)
    }

    /// The current instant.
    public func now() -> Date {
        Date(timeIntervalSinceNow: self.offset)
    }
}
