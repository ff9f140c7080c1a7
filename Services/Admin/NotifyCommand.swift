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
            var table = TableRenderer(headings: ["ID", "STATE", "TRIGGER", "TO", "FORM", "ATTEMPTS", "SUBJECT"])
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
        static let configuration = CommandConfiguration(abstract: "One outbox row, with its last error.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The row's id.")
        var id: Int64

        func run() async throws {
            try printJSON(try await NotifyCommand.preview(self.id, global: self.global).notification)
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The message exactly as delivered (RFC 5322).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The row's id.")
        var id: Int64

        func run() async throws {
            let result = try await NotifyCommand.preview(self.id, global: self.global)
            if self.global.json { return try printJSON(result) }
            print(result.message)
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
