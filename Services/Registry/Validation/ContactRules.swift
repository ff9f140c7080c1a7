import Foundation

/// Phone numbers and e-mail addresses as the form's section 1.2 takes them.
enum ContactRules {
    /// Why a phone number was refused.
    enum PhoneProblem: Error, Equatable {
        case empty
        case invalidCharacters
        case notAMainlandNumber
        case notE164
    }

    /// Normalises a phone number to E.164 (`+8613812345678`, `+8657187054066`, `+358401234567`).
    ///
    /// Mainland numbers may be written with or without `+86`/`0086`, with spaces, dashes or a bracketed area
    /// code: a mobile is `1[3-9]` and nine more digits; a landline is a `0` area code of two or three more digits
    /// and a seven- or eight-digit number. Other countries' numbers must be in E.164 (`+`, country code, up to 15
    /// digits in all).
    static func normalizedPhone(_ input: String) -> Result<String, PhoneProblem> {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || " -()+".contains($0)) }),
            !trimmed.dropFirst().contains("+")
        else { return .failure(.invalidCharacters) }
        var digits = trimmed.filter(\.isNumber)
        let international = trimmed.hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if international && !digits.hasPrefix("86") {
            guard (8...15).contains(digits.count), digits.first != "0" else { return .failure(.notE164) }
            return .success("+" + digits)
        }
        if international || (digits.hasPrefix("86") && digits.count == 13) { digits.removeFirst(2) }
        if digits.count == 11, digits.hasPrefix("1"), let second = digits.dropFirst().first, "3456789".contains(second) {
            return .success("+86" + digits)
        }
        // Landline: with the trunk 0 written domestically, or without it after +86. Only Beijing's area code (10)
        // starts with 1; any other national number starting with 1 is a mistyped mobile.
        let national = digits.hasPrefix("0") ? String(digits.dropFirst()) : digits
        if national.first != "0", national.first != "1" || national.hasPrefix("10"), (9...11).contains(national.count) {
            return .success("+86" + national)
        }
        return .failure(.notAMainlandNumber)
    }

    /// Whether an e-mail address has the usual shape: one `@`, a local part of printable characters without
    /// spaces or quotes, and a domain of dot-separated labels ending in a top-level domain of letters.
    static func isEmailAddress(_ input: String) -> Bool {
        guard input.utf8.count <= 254, input.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            return false
        }
        let parts = input.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let forbidden = Set("()<>[]\\,;:\"")
        guard !parts[0].contains(where: { forbidden.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
            !parts[0].contains("..")
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
        }
        return labels.last!.allSatisfy(\.isLetter) && labels.last!.count >= 2
    }

    /// What people put in the attachment's one 座机或手机 cell, normalised: full-width digits and brackets, dashes of
    /// any width, an extension (`转8012`, `分机 8012`, `ext. 12`, `-8012` after a full landline), and two numbers
    /// (`0571-87054066 / 13812345678`). Stored as E.164 with `;ext=` and a second number after ", ".
    static func normalizedPhones(_ input: String) -> Result<String, PhoneProblem> {
        let text = Self.halfWidth(input)
        let pieces = text.split(whereSeparator: { "/,;、或\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return .failure(.empty) }
        var numbers: [String] = []
        for piece in pieces.prefix(4) {
            switch Self.numberWithExtension(piece) {
            case .success(let number): if !numbers.contains(number) { numbers.append(number) }
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(numbers.joined(separator: ", "))
    }

    /// One number, perhaps with an extension.
    private static func numberWithExtension(_ piece: String) -> Result<String, PhoneProblem> {
        var main = piece
        var extensionDigits: String?
        let lowered = piece.lowercased()
        for marker in ["转", "分机", "ext.", "ext", "x"] {
            guard let range = lowered.range(of: marker) else { continue }
            let tail = lowered[range.upperBound...].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".:：")))
            guard !tail.isEmpty, tail.allSatisfy(\.isNumber), tail.count <= 6 else { continue }
            extensionDigits = tail
            main = String(piece[..<piece.index(piece.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.lowerBound))])
            break
        }
        if case .success(let number) = Self.normalizedPhone(main) {
            return .success(number + (extensionDigits.map { ";ext=\($0)" } ?? ""))
        }
        // "0571-87054066-8012": the last group is an extension when what precedes it is a whole number.
        if extensionDigits == nil, let dash = main.lastIndex(of: "-") {
            let tail = main[main.index(after: dash)...].trimmingCharacters(in: .whitespaces)
            if (1...6).contains(tail.count), tail.allSatisfy(\.isNumber),
               case .success(let number) = Self.normalizedPhone(String(main[..<dash])) {
                return .success("\(number);ext=\(tail)")
            }
        }
        return Self.normalizedPhone(main)
    }

    /// Full-width forms as their ASCII equivalents (０５７１, （）, ＋, ＠) and every dash as "-".
    static func halfWidth(_ input: String) -> String {
        let compatible = input.precomposedStringWithCompatibilityMapping
        return String(compatible.map { "‐‑‒–—―−－﹣".contains($0) ? "-" : $0 })
    }

    /// One or two e-mail addresses as people write them in the one cell (`a@x.cn；b@y.cn`, `a@x.cn, b@y.cn`),
    /// each checked; stored joined by ", ", the first being the one Lingyan writes to. Nil when any is not one.
    static func normalizedEmails(_ input: String) -> String? {
        let parts = Self.halfWidth(input).split(whereSeparator: { ";,、 \n".contains($0) || $0 == "；" || $0 == "，" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy(Self.isEmailAddress) else { return nil }
        var unique: [String] = []
        for part in parts where !unique.contains(part) { unique.append(part) }
        return unique.joined(separator: ", ")
    }
}
