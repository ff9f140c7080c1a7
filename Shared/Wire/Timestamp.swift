import Foundation

/// The one textual form of an instant on the wire: RFC 3339, UTC, milliseconds (`2026-11-30T08:00:00.000Z`).
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// Formats an instant.
    ///
    /// By arithmetic rather than through a format style: every event carries a timestamp, and the format style cost
    /// more than the rest of writing the event.
    public static func string(from date: Date) -> String {
        // Whole seconds first, then the fraction (exact in binary), so that 0.123 stored as 0.12299… prints .122
        // as it truncates, never rounding up into the next millisecond.
        let interval = date.timeIntervalSince1970
        let wholeSeconds = interval.rounded(.down)
        let milliseconds = Int64(wholeSeconds) * 1_000 + min(999, Int64(((interval - wholeSeconds) * 1_000).rounded(.down)))
        let (days, dayMilliseconds) = milliseconds.floorDivided(by: 86_400_000)
        let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
        let seconds = dayMilliseconds / 1_000
        var text = CivilDate.text(year: year, month: month, day: day)
        text += "T" + Self.padded(seconds / 3_600, 2) + ":" + Self.padded(seconds / 60 % 60, 2) + ":"
            + Self.padded(seconds % 60, 2) + "." + Self.padded(dayMilliseconds % 1_000, 3) + "Z"
        return text
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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

/// Calendar days without a calendar object: the proleptic Gregorian date of a day count, and back.
public enum CivilDate {
    /// The year, month and day of the day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    public static func from(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The `YYYY-MM-DD` of the calendar day an instant falls on at a fixed offset from UTC.
    public static func day(of date: Date, utcOffsetSeconds: Int64) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let (days, _) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = Self.from(daysSinceEpoch: days)
        return Self.text(year: year, month: month, day: day)
    }

    static func text(year: Int64, month: Int64, day: Int64) -> String {
        Timestamp.padded(year, 4) + "-" + Timestamp.padded(month, 2) + "-" + Timestamp.padded(day, 2)
    }
}

extension Int64 {
    /// Quotient rounded towards minus infinity, and the non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = self / divisor - (self % divisor < 0 ? 1 : 0)
        return (quotient, self - quotient * divisor)
    }
}
