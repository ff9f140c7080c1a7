import ArgumentParser
import Foundation
import Shared

/// `lingyan match …`: programme fit and partner ranking with reasons.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank programmes and partners for a form, or forms for a partner, with the reasons.",
        subcommands: [Programs.self, Partners.self, Forms.self])

    struct Programs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every call ranked for a form, with reasons and hints.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var form: String


        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.matching, configuration: configuration) { client in
                try await client.call(MatchingInterface.Programs.self, .init(formId: self.form))
            }
            if self.global.json { return try printJSON(result) }
            let language = self.global.language
            print(MatchCommand.conceptsLine(result.needConcepts, language))
            var table = TableRenderer(headings: language.headings([("计划", "CALL"), ("得分", "SCORE"), ("截止", "DEADLINE"), ("项目", "PROGRAMME")]))
            for match in result.results {
                table.append([
                    match.callId, String(format: "%.0f", match.score), match.deadlineState.rawValue,
                    language == .zh ? match.titleZh : match.titleEn,
                ])
            }
            print(table.render())
            for match in result.results {
                print("\n\(match.callId)")
                for reason in match.reasons { print("  + \(language.say(reason))") }
                for hint in match.hints { print("  ? \(language.say(hint))") }
            }
        }
    }

    struct Partners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Partner profiles ranked for a form.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var form: String

        @Option(help: "Only this country (ISO code), instead of the form's countries.")
        var country: String?

        @Option(help: "How many (1–100).")
        var limit = 20


        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.matching, configuration: configuration) { client in
                try await client.call(
                    MatchingInterface.Partners.self, .init(formId: self.form, country: self.country, limit: self.limit))
            }
            if self.global.json { return try printJSON(result) }
            MatchCommand.printPairs(result, language: self.global.language, idHeading: ("合作伙伴", "PARTNER")) { $0.partnerId }
        }
    }

    struct Forms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Published forms ranked for a partner profile.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The partner's id, for example P-000042.")
        var partner: String

        @Option(help: "How many (1–100).")
        var limit = 20


        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.matching, configuration: configuration) { client in
                try await client.call(MatchingInterface.Forms.self, .init(partnerId: self.partner, limit: self.limit))
            }
            if self.global.json { return try printJSON(result) }
            MatchCommand.printPairs(result, language: self.global.language, idHeading: ("需求表", "FORM")) { $0.formId ?? "" }
        }
    }

    static func conceptsLine(_ concepts: [MatchingInterface.ConceptRef], _ language: Language) -> String {
        let names = concepts.map { language.label($0) }.joined(separator: language == .zh ? "、" : ", ")
        return (language == .zh ? "需求涉及的领域：" : "Fields found in the need: ") + (names.isEmpty ? "—" : names)
    }

    static func printPairs(
        _ result: MatchingInterface.Partners.Result, language: Language, idHeading: (String, String),
        id: (MatchingInterface.PairMatch) -> String
    ) {
        print(Self.conceptsLine(result.needConcepts, language))
        var table = TableRenderer(headings: language.headings([idHeading, ("得分", "SCORE"), ("国家", "COUNTRY"), ("名称", "NAME"), ("共同领域", "SHARED FIELDS")]))
        for match in result.results {
            table.append([
                id(match), String(format: "%.2f", match.score), match.country, match.name,
                match.sharedConcepts.map { language.label($0) }.joined(separator: ", "),
            ])
        }
        print(table.render())
        if result.results.isEmpty { print(language == .zh ? "没有找到匹配。" : "No match found.") }
        for match in result.results.prefix(5) {
            print("\n\(id(match)) \(match.name)")
            for reason in match.reasons { print("  + \(language.say(reason))") }
        }
    }
}
