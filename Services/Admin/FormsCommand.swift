import ArgumentParser
import Foundation
import Shared

/// `lingyan forms …`: partner search forms.
struct FormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Submit, list and show partner search forms.",
        subcommands: [Submit.self, Import.self, Update.self, List.self, Show.self, Review.self, Close.self, Renew.self])

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a form from a JSON file (the attachment's sections: organization, contact, project, partner).",
            discussion: "Every bad field is listed with a Chinese and an English message, and nothing is stored (exit 65).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A JSON file holding the form.")
        var file: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let form = try FormsCommand.readForm(self.file)
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(result) }
            print("表单已提交 / Form submitted: \(result.id) (organisation \(result.organizationId), revision \(result.revision))")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import forms from a JSON Lines file (one form per line) or a CSV file (one column per field).",
            discussion: """
                CSV columns are the fields' paths: organization.nameZh, organization.nameEn, organization.address, \
                organization.website, organization.businessAndProducts, organization.comments, organization.uscc, \
                organization.city, contact.name, contact.position, contact.phone, contact.email, \
                project.technicalArea, project.description, partner.countries (codes separated by ;), \
                partner.expertiseSought, partner.contributionSought. Each good line is submitted in file order; every \
                bad line is listed with its fields. Exit 0 when every line was accepted, 65 when some were rejected.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var source: ImportOptions

        func run() async throws {
            let file = try ImportFile(self.source, maximumFrameBytes: try self.global.configuration().maximumFrameBytes)
            var total = RegistryInterface.FormsImport.Result(accepted: 0, ids: [], rejected: [])
            let dryRun = self.source.dryRun
            for result in try await file.send(
                RegistryInterface.FormsImport.self, dryRun: dryRun, global: self.global, timeout: .seconds(300),
                params: { .init(format: $0.format, content: $0.content, dryRun: dryRun, firstLine: $0.firstLine, header: $0.header) })
            {
                total.accepted += result.accepted
                total.ids += result.ids
                total.rejected += result.rejected
            }
            if self.global.json {
                try printJSON(total)
            } else {
                let verb = self.source.dryRun ? "would be submitted" : "submitted"
                print("\(total.accepted) forms \(verb)\(total.ids.isEmpty ? "" : " (\(total.ids.first!) … \(total.ids.last!))"), \(total.rejected.count) lines rejected")
                ImportFile.printRejected(total.rejected)
            }
            if !total.rejected.isEmpty { throw ExitStatus.dataError }
        }
    }

    /// A form from a JSON file: the form itself, or `{"form": …}` as forms.submit takes it.
    static func readForm(_ file: String) throws -> PartnerSearchForm {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        do {
            if let wrapped = try? LingyanJSON.decode(RegistryInterface.FormsSubmit.Params.self, from: data) {
                return wrapped.form
            }
            return try LingyanJSON.decode(PartnerSearchForm.self, from: data)
        } catch {
            printError("\(file) is not a partner search form: \(error)")
            throw ExitStatus.dataError
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a form's content from a JSON file: the resubmission of a returned form, or a correction.",
            discussion: """
                A returned form goes back to review. The revision is read from the service unless given; a form \
                changed meanwhile is refused, and every bad field is listed (exit 65).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var id: String

        @Argument(help: "A JSON file holding the whole form.")
        var file: String

        @Option(help: "The revision you changed (default: the current one).")
        var revision: Int?

        func run() async throws {
            let configuration = try self.global.configuration()
            let form = try FormsCommand.readForm(self.file)
            let state = try await withService(.registry, configuration: configuration) { client in
                let revision = try await FormsCommand.revision(self.revision, of: self.id, client: client)
                return try await client.call(
                    RegistryInterface.FormsUpdate.self, .init(id: self.id, revision: revision, form: form), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(state) }
            print("表单已更新 / Form updated: \(state.id): \(state.status.rawValue) (revision \(state.revision))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List forms, newest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only forms in this status: submitted, returned, published, closed, expired.")
        var status: FormStatus?

        @Option(help: "Only forms seeking a partner in this country (code or name).")
        var country: String?

        @Option(help: "The most forms to show (1–500).")
        var limit = 50

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.FormsList.self, .init(status: self.status, country: self.country, limit: self.limit))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: self.global.language.headings([("编号", "ID"), ("状态", "STATUS"), ("单位", "ORGANISATION"), ("技术领域", "AREA"), ("意向国家", "COUNTRIES"), ("提交时间", "SUBMITTED"), ("有效期至", "EXPIRES")]))
            for stored in result.forms {
                table.append([
                    stored.id, stored.status.rawValue, stored.form.organization.nameZh, stored.form.project.technicalArea,
                    stored.form.partner.countries.joined(separator: ","), String(stored.submittedAt.prefix(10)),
                    stored.expiresOn,
                ])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one form laid out like the attachment, labels in Chinese and English (`--json`: as the service returns it).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id, for example F-2026-000001.")
        var id: String

        func run() async throws {
            let configuration = try self.global.configuration()
            let form = try await withService(.registry, configuration: configuration) { client in
                try await client.call(RegistryInterface.FormsGet.self, .init(id: self.id))
            }
            if self.global.json { return try printJSON(form) }
            print(RecordView.form(form))
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a submitted form, or return it with a reason.",
            discussion: "The revision is read from the service unless given; a form changed meanwhile is refused (exit 65).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var id: String

        @Argument(help: "publish or return.")
        var decision: ReviewDecision

        @Option(help: "Why the form is returned (required with return); the enterprise reads it.")
        var reason: String?

        @Option(help: "The revision you reviewed (default: the current one).")
        var revision: Int?

        func validate() throws {
            if self.decision == .return && (self.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("returning a form needs --reason: the enterprise will read it")
            }
        }

        func run() async throws {
            let configuration = try self.global.configuration()
            let state = try await withService(.registry, configuration: configuration) { client in
                let revision = try await FormsCommand.revision(self.revision, of: self.id, client: client)
                return try await client.call(
                    RegistryInterface.FormsReview.self,
                    .init(id: self.id, revision: revision, decision: self.decision, reason: self.reason),
                    meta: self.global.meta)
            }
            if self.global.json { return try printJSON(state) }
            print("\(state.id): \(state.status.rawValue) (revision \(state.revision))")
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a form: partner found, withdrawn or no longer needed.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var id: String

        @Option(help: "Why, for the record.")
        var reason: String?

        @Option(help: "The revision you saw (default: the current one).")
        var revision: Int?

        func run() async throws {
            let configuration = try self.global.configuration()
            let state = try await withService(.registry, configuration: configuration) { client in
                let revision = try await FormsCommand.revision(self.revision, of: self.id, client: client)
                return try await client.call(
                    RegistryInterface.FormsClose.self, .init(id: self.id, revision: revision, reason: self.reason),
                    meta: self.global.meta)
            }
            if self.global.json { return try printJSON(state) }
            print("\(state.id): \(state.status.rawValue) (revision \(state.revision))")
        }
    }

    struct Renew: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a form's search going for 365 days from today; an expired form goes back to review.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The form's id.")
        var id: String

        @Option(help: "The revision you saw (default: the current one).")
        var revision: Int?

        func run() async throws {
            let configuration = try self.global.configuration()
            let state = try await withService(.registry, configuration: configuration) { client in
                let revision = try await FormsCommand.revision(self.revision, of: self.id, client: client)
                return try await client.call(
                    RegistryInterface.FormsRenew.self, .init(id: self.id, revision: revision), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(state) }
            print("\(state.id): \(state.status.rawValue) (revision \(state.revision)), expires on \(state.expiresOn ?? "?")")
        }
    }
}

extension FormsCommand {
    /// The revision the user named, or else the form's current one.
    static func revision(_ given: Int?, of id: String, client: RPCClient) async throws -> Int {
        if let given { return given }
        return try await client.call(RegistryInterface.FormsGet.self, .init(id: id)).revision
    }
}

extension FormStatus: ExpressibleByArgument {}
extension ReviewDecision: ExpressibleByArgument {}
