import ArgumentParser
import Foundation
import Shared

/// `lingyan intro …`: introductions (对接记录).
struct IntroCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro",
        abstract: "Record and follow introductions of forms to partners: proposed → introduced → accepted | declined → applied → funded.",
        subcommands: [Create.self, Advance.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose introducing a form to a partner.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The form's id.") var formId: String
        @Argument(help: "The partner profile's id.") var partnerId: String
        @Option(help: "A note for the record.") var note: String?

        func run() async throws {
            let configuration = try self.global.configuration()
            let introduction = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.IntroductionsCreate.self, .init(formId: self.formId, partnerId: self.partnerId, note: self.note),
                    meta: self.global.meta)
            }
            if self.global.json { return try printJSON(introduction) }
            print("\(introduction.id): \(introduction.status.rawValue)")
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an introduction to its next status.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The introduction's id.") var id: String
        @Argument(help: "introduced, accepted, declined, applied or funded.") var status: IntroductionStatus
        @Option(help: "A note for the record.") var note: String?

        func run() async throws {
            let configuration = try self.global.configuration()
            let introduction = try await withService(.registry, configuration: configuration) { client in
                let current = try await client.call(RegistryInterface.IntroductionsList.self, .init()).introductions
                    .first { $0.id == self.id }
                guard let current else { throw RPCError.notFound("no introduction \(self.id)") }
                return try await client.call(
                    RegistryInterface.IntroductionsUpdate.self,
                    .init(id: self.id, revision: current.revision, status: self.status, note: self.note), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(introduction) }
            print("\(introduction.id): \(introduction.status.rawValue) (revision \(introduction.revision))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List introductions.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this form's.") var form: String?
        @Option(help: "Only this partner's.") var partner: String?
        @Option(help: "Only in this status.") var status: IntroductionStatus?

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.IntroductionsList.self, .init(formId: self.form, partnerId: self.partner, status: self.status))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: ["ID", "FORM", "PARTNER", "STATUS", "SINCE"])
            for introduction in result.introductions {
                table.append([
                    introduction.id, introduction.formId, introduction.partnerId, introduction.status.rawValue,
                    String(introduction.history.last?.at.prefix(10) ?? ""),
                ])
            }
            print(table.render())
        }
    }
}

/// `lingyan stats`: the counts staff report.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts of forms, calls, partners and the introduction funnel.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let configuration = try self.global.configuration()
        let summary = try await withService(.registry, configuration: configuration) { client in
            try await client.call(RegistryInterface.StatsSummary.self)
        }
        if self.global.json { return try printJSON(summary) }
        var table = TableRenderer(headings: ["WHAT", "BY", "COUNT"], rightAligned: [2])
        let groups: [(String, [String: Int])] = [
            ("forms", summary.formsByStatus), ("forms by country", summary.formsByCountry),
            ("forms by area", summary.formsByArea), ("calls", summary.callsByDeadlineState),
            ("partners by country", summary.partnersByCountry), ("introductions", summary.introductionsByStatus),
        ]
        for (what, counts) in groups {
            for (key, count) in counts.sorted(by: { $0.key < $1.key }) { table.append([what, key, String(count)]) }
        }
        print(table.render())
    }
}

extension IntroductionStatus: ExpressibleByArgument {}
