import ArgumentParser
import CSV
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
            // Said before any letter goes out, so staff can withdraw the proposal (advance it to declined).
            for warning in introduction.warnings ?? [] {
                printError("注意 / note (\(warning.severity)): \(warning.messageZh) / \(warning.messageEn)")
            }
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
            var table = TableRenderer(headings: self.global.language.headings([("编号", "ID"), ("需求表", "FORM"), ("合作伙伴", "PARTNER"), ("状态", "STATUS"), ("起始", "SINCE")]))
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

/// `lingyan stats`: the counts staff report, for a period when asked, as a table or a CSV file.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts of forms (by status, country, call, area, month), calls, partners and the introduction funnel.",
        discussion: "--from and --to (YYYY-MM-DD, Hangzhou days, inclusive) count only the forms submitted in that period; --csv FILE writes the same rows as CSV.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Count forms submitted on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Count forms submitted on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Also write the rows to this CSV file (UTF-8, headers in the chosen language).")
    var csv: String?

    func run() async throws {
        let configuration = try self.global.configuration()
        let summary = try await withService(.registry, configuration: configuration) { client in
            try await client.call(RegistryInterface.StatsSummary.self, .init(from: self.from, to: self.to))
        }
        if self.global.json { return try printJSON(summary) }
        let language = self.global.language
        let headings = language.headings([("统计项", "WHAT"), ("分类", "BY"), ("数量", "COUNT")])
        let groups: [(String, [String: Int])] = [
            (language.pick("需求表（按状态）", "forms"), summary.formsByStatus),
            (language.pick("需求表（按国家）", "forms by country"), summary.formsByCountry),
            (language.pick("需求表（按计划）", "forms by call"), summary.formsByCall ?? [:]),
            (language.pick("需求表（按领域）", "forms by area"), summary.formsByArea),
            (language.pick("需求表（按月份）", "forms by month"), summary.formsByMonth ?? [:]),
            (language.pick("计划（按截止状态）", "calls"), summary.callsByDeadlineState),
            (language.pick("合作伙伴（按国家）", "partners by country"), summary.partnersByCountry),
            (language.pick("对接（按状态）", "introductions"), summary.introductionsByStatus),
        ]
        let rows = groups.flatMap { what, counts in
            counts.sorted(by: { $0.key < $1.key }).map { [what, $0.key, String($0.value)] }
        }
        if self.from != nil || self.to != nil {
            print(language.pick("期间：\(self.from ?? "…") 至 \(self.to ?? "…")（按提交日期）", "Period: \(self.from ?? "…") to \(self.to ?? "…") (by submission day)"))
        }
        var table = TableRenderer(headings: headings, rightAligned: [2])
        for row in rows { table.append(row) }
        print(table.render())
        if let path = self.csv {
            try Self.writeCSV([headings] + rows, to: path)
            print(language.pick("已写入 \(path)（\(rows.count) 行）", "wrote \(path) (\(rows.count) rows)"))
        }
    }

    private static func writeCSV(_ rows: [[String]], to path: String) throws {
        guard let stream = OutputStream(toFileAtPath: path, append: false) else { throw ValidationError("cannot write \(path)") }
        stream.open()
        defer { stream.close() }
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
    }
}

extension IntroductionStatus: ExpressibleByArgument {}
