/// Phone numbers as people write them, from the E.164 form Lingyan stores: `+8657187054066;ext=8012` is shown
/// `0571-8705 4066 转 8012`, a mobile `138 0571 2233`, a foreign number with its country code apart.
enum PhoneDisplay {
    /// Every number of a stored phone field, in the form people write, joined by "；".
    static func format(_ stored: String) -> String {
        stored.split(separator: ",").map { Self.one($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: "；")
    }

    private static func one(_ stored: String) -> String {
        let parts = stored.components(separatedBy: ";ext=")
        let number = parts[0]
        let extensionText = parts.count > 1 ? " 转 \(parts[1])" : ""
        // A masked number (for readers) or anything not E.164 is shown as it is.
        guard number.hasPrefix("+"), number.dropFirst().allSatisfy(\.isNumber) else { return stored }
        let digits = String(number.dropFirst())
        guard digits.hasPrefix("86") else {
            return "+" + Self.grouped(digits, first: Self.countryCodeLength(digits)) + extensionText
        }
        let national = String(digits.dropFirst(2))
        if national.count == 11, national.hasPrefix("1") {
            return "\(national.prefix(3)) \(national.dropFirst(3).prefix(4)) \(national.suffix(4))" + extensionText
        }
        // Landlines: Beijing (10) and the 2x cities have two-digit area codes, the rest three.
        let areaLength = national.hasPrefix("10") || national.hasPrefix("2") ? 2 : 3
        let area = "0" + national.prefix(areaLength)
        let local = String(national.dropFirst(areaLength))
        let localText = local.count == 8 ? "\(local.prefix(4)) \(local.suffix(4))" : local.count == 7 ? "\(local.prefix(3)) \(local.suffix(4))" : local
        return "\(area)-\(localText)" + extensionText
    }

    /// The length of the country code at the start of international digits (1, 2 or 3 digits, by ITU's zones).
    private static func countryCodeLength(_ digits: String) -> Int {
        guard let first = digits.first else { return 0 }
        if first == "1" || first == "7" { return 1 }
        let two = Set(["20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
                       "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
                       "86", "90", "91", "92", "93", "94", "95", "98"])
        return two.contains(String(digits.prefix(2))) ? 2 : 3
    }

    private static func grouped(_ digits: String, first: Int) -> String {
        "\(digits.prefix(first)) \(digits.dropFirst(first))"
    }
}
