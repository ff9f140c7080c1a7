import ArgumentParser
import Foundation
import Shared

/// `lingyan match …`: programme fit and partner ranking with reasons.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank programmes and partners for a form, or forms for a partner, with the reasons.",
        subcommands: [Programs.self, Partners.self, Forms.self, Proposals.self])

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

extension MatchCommand {
    /// `lingyan match proposals …`: staff look at a proposed partner before the enterprise hears of it.
    struct Proposals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proposals",
            abstract: "Review proposed matches: the enterprise is told of a partner only when staff approve it.",
            subcommands: [List.self, Approve.self, Reject.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Proposed matches, newest first (default: those waiting).")

            @OptionGroup var global: GlobalOptions

            @Option(help: "pending, approved or rejected (default: pending).")
            var state: NotificationInterface.ProposalState = .pending

            @Option(help: "Only the proposals of this form.")
            var form: String?

            @Option(help: "The most to show (1–500).")
            var limit = 50

            func run() async throws {
                let result = try await withService(.notification, configuration: try self.global.configuration()) { client in
                    try await client.call(NotificationInterface.ProposalsList.self, .init(state: self.state, formId: self.form, limit: self.limit))
                }
                if self.global.json { return try printJSON(result) }
                let language = self.global.language
                var table = TableRenderer(headings: language.headings([
                    ("编号", "ID"), ("需求表", "FORM"), ("企业", "ENTERPRISE"), ("合作方", "PARTNER"), ("国家", "COUNTRY"), ("得分", "SCORE"),
                    ("共同领域", "FIELDS"), ("状态", "STATE"),
                ]))
                for proposal in result.proposals {
                    table.append([
                        String(proposal.id), proposal.formId, proposal.organization, "\(proposal.partnerId) \(proposal.partnerName)",
                        proposal.partnerCountry, proposal.score.map { String(format: "%.2f", $0) } ?? "",
                        language == Language.en ? proposal.fieldsEn : proposal.fieldsZh, proposal.state.rawValue,
                    ])
                }
                print(table.render())
            }
        }

        struct Approve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Send a proposed match to the enterprise, once, with your note (exit 65 if it was already decided).")

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The proposal's number.")
            var id: Int64

            @Option(help: "A note for the enterprise's letter, e.g. what you know of the partner.")
            var note: String?

            func run() async throws {
                let result = try await withService(.notification, configuration: try self.global.configuration()) { client in
                    try await client.call(NotificationInterface.ProposalsApprove.self, .init(id: self.id, note: self.note), meta: self.global.meta)
                }
                if self.global.json { return try printJSON(result) }
                print("已批准，将发给企业 / Approved and queued for the enterprise: proposal \(result.id) (\(result.formId) × \(result.partnerName)), notification \(result.notificationId.map(String.init) ?? "-")")
            }
        }

        struct Reject: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Keep a proposed match from the enterprise; the note says why.")

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The proposal's number.")
            var id: Int64

            @Option(help: "Why, for the record.")
            var note: String?

            func run() async throws {
                let result = try await withService(.notification, configuration: try self.global.configuration()) { client in
                    try await client.call(NotificationInterface.ProposalsReject.self, .init(id: self.id, note: self.note), meta: self.global.meta)
                }
                if self.global.json { return try printJSON(result) }
                print("已驳回 / Rejected: proposal \(result.id) (\(result.formId) × \(result.partnerName))")
            }
        }
    }
}

extension NotificationInterface.ProposalState: ExpressibleByArgument {}
