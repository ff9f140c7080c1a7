import Foundation

/// The one textual form of an instant on the wire: RFC 3339, UTC, milliseconds (`2026-11-30T08:00:00.000Z`).
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// Formats an instant.
    public static func string(from date: Date) -> String {
        Self.style.format(date)
    }

    /// Parses RFC 3339 with or without fractional seconds; nil when the text is not one.
    public static func date(from text: String) -> Date? {
        if let date = try? Self.style.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }
}

/// The version every Lingyan executable reports.
public enum LingyanVersion {
    public static let current = "0.1.0"
}
