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
        SHA256.hash(data: Data(dedupKey.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// - Parameter signature: the centre's signature, under each language's text.
    init(
        dedupKey: String, trigger: String, from: String, to: String, formId: String?, subject: String, bodyZh: String,
        bodyEn: String, date: Date, signature: Signature? = nil
    ) {
        self.dedupKey = dedupKey
        self.trigger = trigger
        self.recipient = to
        self.formId = formId
        self.subject = subject
        self.messageId = "<\(Self.token(for: dedupKey))@lingyan>"
        let zh = signature.map { "\(bodyZh)\n\n\($0.zh)" } ?? bodyZh
        let en = signature.map { "\(bodyEn)\n\n\($0.en)" } ?? bodyEn
        let body = zh + "\n\n----------------------------------------\n\n" + en + "\n"
        let encodedBody = Data(body.replacingOccurrences(of: "\r\n", with: "\n").utf8).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(Self.headerValue(from))",
            "To: \(Self.headerValue(to))",
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

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
