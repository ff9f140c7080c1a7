import ArgumentParser
import Foundation
import Shared

/// `lingyan partners …`: foreign partner profiles.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Import, list and show foreign partner profiles.",
        subcommands: [Import.self, List.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import profiles from a JSON Lines (.jsonl) or CSV (.csv) file.",
            discussion: """
                Large files are sent in pieces split on line boundaries, each under the service's frame limit, with a
                progress bar on standard error. Good lines are stored; every bad line is listed with its fields.
                Exit 0 when every line was accepted, 65 when some were rejected.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var source: ImportOptions

        func run() async throws {
            let file = try ImportFile(self.source, maximumFrameBytes: try self.global.configuration().maximumFrameBytes)
            var total = RegistryInterface.PartnersImport.Result(accepted: 0, created: 0, updated: 0, rejected: [])
            for result in try await file.send(RegistryInterface.PartnersImport.self, dryRun: self.source.dryRun, global: self.global, timeout: .seconds(120)) {
                total.accepted += result.accepted
                total.created += result.created
                total.updated += result.updated
                total.rejected += result.rejected
            }
            if self.global.json {
                try printJSON(total)
            } else {
                let verb = self.source.dryRun ? "would be accepted" : "accepted"
                print("\(total.accepted) lines \(verb) (\(total.created) new, \(total.updated) updated), \(total.rejected.count) rejected")
                ImportFile.printRejected(total.rejected)
            }
            if !total.rejected.isEmpty { throw ExitStatus.dataError }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List partner profiles.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only profiles in this country (code or name).")
        var country: String?

        @Option(help: "Only profiles from this source.")
        var source: String?

        @Option(help: "The most to show (1–1000).")
        var limit = 100

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.PartnersList.self, .init(country: self.country, source: self.source, limit: self.limit))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: self.global.language.headings([("编号", "ID"), ("国家", "COUNTRY"), ("地区", "REGION"), ("类型", "KIND"), ("名称", "NAME"), ("来源", "SOURCE")]))
            for partner in result.partners {
                let profile = partner.profile
                table.append([partner.id, profile.country, profile.region ?? "", profile.kind, profile.name, profile.source])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one partner profile, every label in Chinese and English (`--json`: as the service returns it).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile's id, for example P-000001.")
        var id: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let partner = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.PartnersGet.self, .init(id: self.id))
            }
            if self.global.json { return try printJSON(partner) }
            print(RecordView.partner(partner))
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place when it is a terminal.
final class ProgressBar {
    private let total: Int
    private let label: String
    private let unit: String
    private let interactive = isatty(STDERR_FILENO) != 0

    init(total: Int, label: String, unit: String = "lines") {
        self.total = max(1, total)
        self.label = label
        self.unit = unit
    }

    func update(_ done: Int) {
        let width = 30
        let filled = width * min(done, self.total) / self.total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\(self.label) [\(bar)] \(done)/\(self.total) \(self.unit)"
        StandardStream.error(self.interactive ? "\r" + line : line + "\n")
    }

    func finish() {
        if self.interactive { StandardStream.error("\n") }
    }
}
