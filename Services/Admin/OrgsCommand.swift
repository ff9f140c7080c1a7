import ArgumentParser
import Foundation
import Shared

/// `lingyan orgs …`: the organisations behind the forms, and their contact people.
struct OrgsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "List and show organisations and their contact people.",
        discussion: "A reader sees contact people's phone numbers and e-mail addresses masked.",
        subcommands: [List.self, Show.self, Contact.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations, in the order they were registered.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "The most to show (1–1000).")
        var limit = 100

        @Option(help: "Start after this organisation id (the `next` of a previous page).")
        var after: String?

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.OrgsList.self, .init(limit: self.limit, after: self.after))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: self.global.language.headings([("编号", "ID"), ("类型", "KIND"), ("城市", "CITY"), ("长三角", "YRD"), ("名称", "NAME"), ("统一社会信用代码", "USCC")]))
            for organization in result.organizations {
                table.append([
                    organization.id, organization.kind, organization.details.city ?? "",
                    organization.yangtzeRiverDelta ? "yes" : "", organization.details.nameZh, organization.uscc ?? "",
                ])
            }
            print(table.render())
            if let next = result.next { print("more: lingyan orgs list --after \(next)") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one organisation, every label in Chinese and English (`--json`: as the service returns it).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The organisation's id, for example ORG-000001.")
        var id: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let organization = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.OrgsGet.self, .init(id: self.id))
            }
            if self.global.json { return try printJSON(organization) }
            print(RecordView.organization(organization))
        }
    }

    struct Contact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one contact person (JSON; masked for readers).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The contact's id, for example CON-000001.")
        var id: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let contact = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.ContactsGet.self, .init(id: self.id))
            }
            try printJSON(contact)
        }
    }
}
