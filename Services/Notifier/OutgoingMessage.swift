import Crypto
import Foundation
import Shared

/// One message as delivered: RFC 5322 with MIME, UTF-8 text, Chinese first then English (DESIGN §9).
struct OutgoingMessage: Sendable {
    var dedupKey: String
    var trigger: String
    var recipient: String
    var formId: String?
    var subject: String
    var messageId: String
    var bytes: [UInt8]

    /// A short name derived from the dedup key: the Maildir file name and the Message-ID's local part, so that a
    /// repeat after a crash replaces the file and carries the same Message-ID.
    static func token(for dedupKey: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in SHA256.hash(data: Data(dedupKey.utf8)).prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// A letter as rendered from its template: the body is the whole text, both languages and the signature.
    /// `Reply-To` is the staff address, so that an answer reaches a person.
    init(
        dedupKey: String, trigger: String, from: String, to: String, replyTo: String?, formId: String?, subject: String,
        body: String, date: Date
    ) {
        self.dedupKey = dedupKey
        self.trigger = trigger
        self.recipient = to
        self.formId = formId
        self.subject = subject
        self.messageId = "<\(Self.token(for: dedupKey))@lingyan>"
        // Trimmed as bytes: Foundation's trimming bridges through NSString, a tenth of the cost of each letter.
        let unix = body.utf8.contains(0x0D) ? body.replacingOccurrences(of: "\r\n", with: "\n") : body
        let text = Self.trimmingLineBreaks(unix) + "\n"
        let encodedBody = Data(text.utf8).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        var headers = [
            "From: \(Self.headerValue(from))",
            "To: \(Self.headerValue(to))",
        ]
        if let replyTo { headers.append("Reply-To: \(Self.headerValue(replyTo))") }
        headers += [
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(self.messageId)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "X-Lingyan-Trigger: \(trigger)",
        ]
        self.bytes = Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody + "\r\n").utf8)
    }

    /// `text` without leading and trailing line feeds.
    static func trimmingLineBreaks(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x0A }), let last = bytes.lastIndex(where: { $0 != 0x0A }) else { return "" }
        return String(text[first...last])
    }

    /// A header value on one line: control characters (a `\r\nBcc:` smuggled into a name) become spaces; non-ASCII
    /// display names are encoded words.
    static func headerValue(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        guard !flat.unicodeScalars.allSatisfy(\.isASCII), let open = flat.lastIndex(of: "<") else { return flat }
        let name = flat[..<open].trimmingCharacters(in: .whitespaces)
        return Self.encodedWords(name) + " " + flat[open...]
    }

    /// RFC 2047 encoded words (UTF-8, base64), each at most 75 characters, split on character boundaries.
    static func encodedWords(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        guard !flat.unicodeScalars.allSatisfy(\.isASCII) else { return flat }
        var words: [String] = []
        var chunk = ""
        for character in flat {
            // 45 bytes of UTF-8 become 60 base64 characters: with "=?UTF-8?B?" and "?=", 72 in all.
            if (chunk + String(character)).utf8.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Wed, 02 Dec 2026 22:14:54 +0800`: Hangzhou time, computed rather than through a DateFormatter, whose
    /// creation was a tenth of the cost of a letter.
    static func rfc5322Date(_ date: Date) -> String {
        let offset: Int64 = 8 * 3_600
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil = CivilDate.from(daysSinceEpoch: days)
        let secondOfDay = seconds - days * 86_400
        // 1970-01-01 was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Int(civil.month) - 1]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(civil.day)) \(month) \(civil.year) \(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0800"
    }
}
