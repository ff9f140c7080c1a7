import ArgumentParser
import Foundation
import Shared

/// `lingyan notify …`: the outbox.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "List, show, preview and retry outgoing messages.",
        subcommands: [List.self, Show.self, Preview.self, Retry.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Outbox rows, newest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "pending, sent, failed or dead.")
        var state: NotificationInterface.State?

        @Option(help: "Only messages to this address.")
        var recipient: String?

        @Option(help: "Only messages about this form.")
        var form: String?

        @Option(help: "The most rows (1–500).")
        var limit = 50

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.notification, configuration: configuration) { client in
                try await client.call(
                    NotificationInterface.List.self,
                    .init(state: self.state, recipient: self.recipient, formId: self.form, limit: self.limit))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: self.global.language.headings([("编号", "ID"), ("状态", "STATE"), ("触发", "TRIGGER"), ("收件人", "TO"), ("需求表", "FORM"), ("尝试", "ATTEMPTS"), ("主题", "SUBJECT")]))
            for row in result.notifications {
                table.append([
                    String(row.id), row.state.rawValue, row.trigger, row.recipient, row.formId ?? "", String(row.attempts),
                    row.subject,
                ])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One outbox row: its state and last error, and the message as its reader sees it.",
            discussion: "With --json, the row alone; `notify preview` prints the message exactly as delivered.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The row's id.")
        var id: Int64

        func run() async throws {
            let result = try await NotifyCommand.preview(self.id, global: self.global)
            if self.global.json { return try printJSON(result.notification) }
            let row = result.notification
            print("#\(row.id) \(row.trigger): \(row.state.rawValue) after \(row.attempts) attempt(s)"
                + (row.sentAt.map { ", sent \($0)" } ?? "") + (row.nextAttemptAt.map { ", next attempt \($0)" } ?? ""))
            if let error = row.lastError { print("last error: \(error)") }
            print("")
            let message = ReadableMessage(result.message)
            for name in ["From", "To", "Subject", "Date", "Message-ID"] {
                if let value = message.headers[name] { print("\(name): \(value)") }
            }
            print("")
            print(message.body)
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An outbox row exactly as delivered (RFC 5322), or a trigger's letters rendered from the templates with real records.",
            discussion: """
                lingyan notify preview 12                                    the outbox row 12 as delivered
                lingyan notify preview --trigger match_found --form F-… --partner P-…
                Triggers: form_received, form_returned, form_published, match_found, deadline (--call), form_expiring,
                profile_expiring (--partner). Nothing is sent. The templates are read as they are now, so an edit in
                LINGYAN_HOME/templates shows here before the service is restarted to send with it.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The row's id.")
        var id: Int64?

        @Option(help: "Render this trigger's letters instead of showing an outbox row.")
        var trigger: String?

        @Option(help: "The form the letters are about.")
        var form: String?

        @Option(help: "The partner profile (match_found, profile_expiring).")
        var partner: String?

        @Option(help: "The call (deadline; default: one the form seeks).")
        var call: String?

        @Option(help: "A return reason or a staff note to show in the letter.")
        var text: String?

        func validate() throws {
            guard (self.id == nil) != (self.trigger == nil) else { throw ValidationError("give an outbox row's id or --trigger, not both") }
        }

        func run() async throws {
            if let id = self.id {
                let result = try await NotifyCommand.preview(id, global: self.global)
                if self.global.json { return try printJSON(result) }
                return print(result.message)
            }
            let result = try await withService(.notification, configuration: try self.global.configuration()) { client in
                try await client.call(NotificationInterface.LettersPreview.self, .init(
                    trigger: self.trigger ?? "", formId: self.form, partnerId: self.partner, callId: self.call, text: self.text))
            }
            if self.global.json { return try printJSON(result) }
            for letter in result.letters {
                print("=== \(letter.template)  (\(letter.audience))")
                print("Subject: \(letter.subject)\n")
                print(letter.body)
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a failed or dead message again now.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The row's id.")
        var id: Int64

        func run() async throws {
            let configuration = try self.global.configuration()
            let row = try await withService(.notification, configuration: configuration) { client in
                try await client.call(NotificationInterface.Retry.self, .init(id: self.id), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(row) }
            print("\(row.id): \(row.state.rawValue), queued for delivery now")
        }
    }
}

extension NotifyCommand {
    /// A row and its message, from the running service.
    static func preview(_ id: Int64, global: GlobalOptions) async throws -> NotificationInterface.Preview.Result {
        let configuration = try global.configuration()
        return try await withService(.notification, configuration: configuration) { client in
            try await client.call(NotificationInterface.Preview.self, .init(id: id))
        }
    }
}

extension NotificationInterface.State: ExpressibleByArgument {}

/// A delivered message made readable: headers unfolded and their RFC 2047 words decoded, a base64 body decoded.
struct ReadableMessage {
    var headers: [String: String] = [:]
    var body: String

    init(_ text: String) {
        let separator = text.range(of: "\r\n\r\n") ?? text.range(of: "\n\n")
        let head = separator.map { String(text[..<$0.lowerBound]) } ?? text
        let rawBody = separator.map { String(text[$0.upperBound...]) } ?? ""
        let lines = head.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: " ")
            .split(separator: "\n")
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            self.headers[String(line[..<colon])] = Self.decodeWords(value)
        }
        if self.headers["Content-Transfer-Encoding"]?.lowercased() == "base64",
            let data = Data(base64Encoded: rawBody.filter { !$0.isWhitespace })
        {
            self.body = String(decoding: data, as: UTF8.self)
        } else {
            self.body = rawBody
        }
    }

    /// `=?UTF-8?B?…?=` words decoded; the space between two encoded words dropped, as RFC 2047 says.
    static func decodeWords(_ value: String) -> String {
        var result = ""
        var rest = Substring(value)
        var previousWasWord = false
        while let start = rest.range(of: "=?UTF-8?B?", options: .caseInsensitive),
            let end = rest[start.upperBound...].range(of: "?=")
        {
            let between = rest[..<start.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { result += between }
            let encoded = String(rest[start.upperBound..<end.lowerBound])
            result += Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? encoded
            rest = rest[end.upperBound...]
            previousWasWord = true
        }
        return result + rest
    }
}
