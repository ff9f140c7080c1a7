import ArgumentParser
import Foundation
import Shared

/// `lingyan calls …`: the programme catalogue.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Show and change the programme catalogue (the calls of each year's notice).",
        subcommands: [List.self, Show.self, Upsert.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the calls with their deadline state.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only calls of this year.")
        var year: Int?

        @Option(help: "Only calls in this state: open, closed or to_be_agreed.")
        var state: DeadlineState?

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.CallsList.self, .init(year: self.year, deadlineState: self.state))
            }
            if self.global.json { return try printJSON(result) }
            let language = self.global.language
            var table = TableRenderer(headings: language.headings([("编号", "ID"), ("类别", "CATEGORY"), ("国家/地区", "COUNTRY"), ("外方主管部门", "AUTHORITY"), ("截止", "DEADLINE"), ("状态", "STATE"), ("优先领域", "PRIORITY AREAS")]))
            for call in result.calls {
                table.append([
                    call.id, call.category.rawValue, call.country + (call.region.map { " · \($0)" } ?? ""),
                    call.authority.map { language.pick($0.nameZh, $0.nameEn) } ?? "—",
                    call.deadline ?? (call.category == .bilateralIndustrialRnd
                        ? language.pick("待双方商定", "to be agreed") : language.pick("以正式申报通知为准", "per the formal notice")),
                    call.deadlineState?.rawValue ?? "",
                    call.priorityAreas.map { language.pick($0.textZh, $0.textEn) }.joined(separator: language.pick("、", "; ")),
                ])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one call in full: agency, deadline as the notice words it, priority areas, rules, contacts (`--json`: as the service returns it).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The call's id, for example 2025-IL.")
        var id: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let call = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.CallsGet.self, .init(id: self.id))
            }
            if self.global.json { return try printJSON(call) }
            print(RecordView.call(call))
        }
    }

    struct Upsert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a call, or change one (admin only).",
            discussion: "FILE holds the call as JSON, in the shape `lingyan calls show` prints. To change a call, its revision must be the current one.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A JSON file with the call.")
        var file: String

        func run() async throws {
            let configuration = try self.global.configuration()
            guard let data = FileManager.default.contents(atPath: self.file) else {
                throw ValidationError("cannot read \(self.file)")
            }
            let call: ProgrammeCall
            do {
                call = try LingyanJSON.decode(ProgrammeCall.self, from: data)
            } catch {
                printError("\(self.file) is not a call: \(error)")
                throw ExitStatus.dataError
            }
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.CallsUpsert.self, .init(call: call, revision: call.revision), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(result) }
            print("\(result.id) is now at revision \(result.revision).")
        }
    }
}

extension DeadlineState: ExpressibleByArgument {}
