import Foundation
import Shared
import Testing

@Suite("Timestamps and calendar days")
struct TimestampTests {
    @Test("the arithmetic timestamp agrees with Foundation's RFC 3339 format on leap days, year ends and before 1970")
    func agreesWithFoundation() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var instants: [Double] = [0, -1, -0.001, 951_782_400, 951_868_799.999, 1_709_164_800.5, 4_102_444_799.999, -2_208_988_800]
        // Every ~17 hours across 1960–2100, so every month and day boundary region is crossed.
        var t = -315_619_200.0
        while t < 4_102_444_800 {
            instants.append(t + 0.123)
            t += 61_237
        }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(Timestamp.string(from: date) == style.format(date), "\(instant)")
        }
    }

    @Test("a calendar day in Hangzhou turns at 16:00 UTC")
    func hangzhouDay() {
        let beforeMidnight = Date(timeIntervalSince1970: 1_727_279_999)  // 2024-09-25T15:59:59Z
        #expect(CivilDate.day(of: beforeMidnight, utcOffsetSeconds: 8 * 3_600) == "2024-09-25")
        #expect(CivilDate.day(of: beforeMidnight.addingTimeInterval(1), utcOffsetSeconds: 8 * 3_600) == "2024-09-26")
        #expect(CivilDate.day(of: Date(timeIntervalSince1970: 951_782_400), utcOffsetSeconds: 0) == "2000-02-29")
    }
}
