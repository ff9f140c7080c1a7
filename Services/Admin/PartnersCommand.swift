import ArgumentParser
import Foundation
import Shared

/// `lingyan partners …`: foreign partner profiles.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Import, add, change, withdraw, list and show foreign partner profiles.",
        subcommands: [Import.self, Add.self, Update.self, Withdraw.self, List.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import profiles from a JSON Lines (.jsonl), CSV (.csv) or Excel (.xlsx) file, with the sender's own headers.",
            discussion: """
                Headers that name a field in English or Chinese (Organisation name, 机构名称, Country, 国家, E-mail,                 NUTS code …) are recognised; others are mapped with --map 'Sender header=field,…' or a mapping file                 (one 'Sender header=field' per line), or ignored. Fields: externalId, name, country, region, city,                 kind, expertise, offers, seeks, keywords (separated by ;), source, expiresOn, nutsCode, website,                 contactName, contactPosition, contactEmail, contactPhone. --dry-run lists how every column was read.                 Large files are sent in pieces, with a progress bar on standard error. Good lines are stored; every bad                 line (or cell of a sheet) is listed with its header. Exit 0 when every line was accepted, 65 when some                 were rejected.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var source: ImportOptions

        @Option(name: .customLong("source"), help: "The source of every line that names none (an agency or batch, e.g. business-finland-2025).")
        var batch: String?

        @Option(name: .customLong("map"), help: "Sender headers to fields: 'Organisation name=name,Land=country'.")
        var map: String?

        @Option(name: .customLong("map-file"), help: "A file of 'Sender header=field' lines.")
        var mapFile: String?

        func run() async throws {
            let mapping = try self.mapping()
            let file = try ImportFile(self.source, maximumFrameBytes: try self.global.configuration().maximumFrameBytes)
            var total = RegistryInterface.PartnersImport.Result(accepted: 0, created: 0, updated: 0, rejected: [])
            let dryRun = self.source.dryRun
            let batch = self.batch
            for result in try await file.send(
                RegistryInterface.PartnersImport.self, dryRun: dryRun, global: self.global, timeout: .seconds(120),
                params: { piece in
                    .init(
                        format: piece.format, content: piece.content, dryRun: dryRun, firstLine: piece.firstLine, header: piece.header,
                        source: batch, mapping: mapping, spreadsheet: piece.spreadsheet ? true : nil)
                })
            {
                total.accepted += result.accepted
                total.created += result.created
                total.updated += result.updated
                total.rejected += result.rejected
                total.columns = total.columns ?? result.columns
            }
            if self.global.json {
                try printJSON(total)
            } else {
                if self.source.dryRun, let columns = total.columns { Self.printColumns(columns, language: self.global.language) }
                let verb = self.source.dryRun ? "would be accepted" : "accepted"
                print("\(total.accepted) lines \(verb) (\(total.created) new, \(total.updated) updated), \(total.rejected.count) rejected")
                ImportFile.printRejected(total.rejected)
            }
            if !total.rejected.isEmpty { throw ExitStatus.dataError }
        }

        /// `--map` and `--map-file` together; the option wins for a header named in both.
        private func mapping() throws -> [String: String]? {
            var entries: [Substring] = []
            if let path = self.mapFile {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ValidationError("cannot read the mapping file \(path)")
                }
                entries += text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            }
            if let map = self.map { entries += map.split(separator: ",") }
            guard !entries.isEmpty else { return nil }
            var mapping: [String: String] = [:]
            for entry in entries where !entry.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let equals = entry.lastIndex(of: "=") else {
                    throw ValidationError("'\(entry)' is not 'Sender header=field'")
                }
                mapping[entry[..<equals].trimmingCharacters(in: .whitespaces)] = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            }
            return mapping
        }

        static func printColumns(_ columns: [RegistryInterface.ImportColumn], language: Language) {
            var table = TableRenderer(headings: language.headings([("列", "COLUMN"), ("表头", "HEADER"), ("字段", "FIELD"), ("依据", "BY")]))
            for (index, column) in columns.enumerated() {
                table.append([column.letter ?? "\(index + 1)", column.header, column.field ?? "—", column.by])
            }
            print(table.render())
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one profile (or update the one with the same source and external id) from a JSON file or --interactive.",
            discussion: """
                The file holds one profile as `partners.import` takes a JSON line, contact included:                 {"externalId": "…", "name": "…", "country": "FI", "kind": "company", "expertise": "…", "source": "…",                 "contact": {"name": "…", "email": "…", "phone": "+358…"}}. Every bad field is listed (exit 65).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A JSON file holding the profile.")
        var file: String?

        @Flag(help: "Ask for each field on the terminal instead (after a meeting, from a business card).")
        var interactive = false

        func validate() throws {
            guard (self.file == nil) == self.interactive else {
                throw ValidationError("give a JSON file or --interactive, not both and not neither")
            }
        }

        func run() async throws {
            let profile = try self.file.map(PartnersCommand.readProfile) ?? PartnersCommand.askForProfile()
            let result = try await withService(.registry, configuration: try self.global.configuration()) { client in
                try await client.call(RegistryInterface.PartnersUpsert.self, .init(profile: profile), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(result) }
            print(result.created
                ? "档案已新建 / Profile added: \(result.id) (revision \(result.revision), \(result.status.rawValue))"
                : "档案已更新 / Profile updated: \(result.id) (revision \(result.revision), \(result.status.rawValue))")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace one profile's fields from a JSON file, at the revision it was read at.",
            discussion: "`lingyan partners show ID --json` prints the profile to edit; a stale revision is refused (exit 65).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile's id, for example P-000001.")
        var id: String

        @Argument(help: "A JSON file holding the whole profile as it should be.")
        var file: String

        @Option(help: "The revision the change was made from (default: the current one).")
        var revision: Int?

        func run() async throws {
            let profile = try PartnersCommand.readProfile(self.file)
            let result = try await withService(.registry, configuration: try self.global.configuration()) { client in
                var revision = self.revision
                if revision == nil { revision = try await client.call(RegistryInterface.PartnersGet.self, .init(id: self.id)).revision }
                let current = revision ?? 0
                return try await client.call(
                    RegistryInterface.PartnersUpdate.self, .init(id: self.id, revision: current, profile: profile), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(result) }
            print("档案已更新 / Profile updated: \(result.id) (revision \(result.revision), \(result.status.rawValue))")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a profile: it leaves every ranking at once and stays on record with the reason.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The profile's id, for example P-000001.")
        var id: String

        @Option(help: "Why, in words staff will read later.")
        var reason: String

        func run() async throws {
            let result = try await withService(.registry, configuration: try self.global.configuration()) { client in
                try await client.call(RegistryInterface.PartnersWithdraw.self, .init(id: self.id, reason: self.reason), meta: self.global.meta)
            }
            if self.global.json { return try printJSON(result) }
            print("档案已撤下 / Profile withdrawn: \(result.id) (revision \(result.revision))")
        }
    }

    /// One answer per line on standard input, each asked on standard error: what a person types in from a meeting's
    /// notes. An empty answer leaves an optional field out; the registry checks the whole profile as an import line.
    fileprivate static func askForProfile() -> PartnerProfile {
        func ask(_ zh: String, _ en: String, default value: String? = nil) -> String? {
            StandardStream.error("\(zh) / \(en)" + (value.map { " [\($0)]" } ?? "") + ": ")
            guard let line = readLine(strippingNewline: true) else { return value }
            let answer = line.trimmingCharacters(in: .whitespaces)
            return answer.isEmpty ? value : answer
        }
        let stamp = Timestamp.string(from: Date()).prefix(19).filter { $0.isNumber }
        let name = ask("机构名称", "Organisation name") ?? ""
        let country = ask("国家", "Country (code or name)") ?? ""
        let city = ask("城市", "Town or city")
        let kind = ask("类型", "Kind (company, university, institute, public, other)", default: "company") ?? "company"
        let expertise = ask("专长", "Expertise") ?? ""
        let keywords = ask("关键词（分号分隔）", "Keywords (separated by ;)").map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let contactName = ask("联系人", "Contact name")
        let email = ask("电子邮件", "E-mail")
        let phone = ask("电话（带国家代码）", "Phone (with the country code)")
        let website = ask("网站", "Website")
        let nuts = ask("NUTS 代码", "NUTS code")
        let expires = ask("有效期至", "Valid until (YYYY-MM-DD)")
        let source = ask("来源", "Source", default: "staff") ?? "staff"
        let externalId = ask("编号", "External id", default: "staff-\(stamp)") ?? "staff-\(stamp)"
        let contact = contactName == nil && email == nil && phone == nil ? nil : PartnerContact(name: contactName, email: email, phone: phone)
        return PartnerProfile(
            externalId: externalId, name: name, country: country, region: nil, city: city, kind: kind, expertise: expertise,
            offers: nil, seeks: nil, keywords: keywords, source: source, expiresOn: expires, nutsCode: nuts, website: website,
            contact: contact)
    }

    /// A profile from a JSON file: the profile itself, or `{"profile": …}` as `partners.upsert` takes it.
    static func readProfile(_ path: String) throws -> PartnerProfile {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        if let wrapped = try? LingyanJSON.decode(RegistryInterface.PartnersUpsert.Params.self, from: data) { return wrapped.profile }
        do {
            return try LingyanJSON.decode(PartnerProfile.self, from: data)
        } catch {
            throw ValidationError("\(path) does not hold a partner profile (externalId, name, country, kind, expertise, keywords, source): \(error)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List partner profiles.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only profiles in this country (code or name).")
        var country: String?

        @Option(help: "Only profiles from this source.")
        var source: String?

        @Option(help: "Only profiles in this status: active, withdrawn or expired.")
        var status: PartnerStatus?

        @Option(help: "Only active profiles whose last valid day is this day (YYYY-MM-DD) or earlier.")
        var expiringBy: String?

        @Option(help: "The most to show (1–1000).")
        var limit = 100

        func run() async throws {
            let configuration = try self.global.configuration()
            let result = try await withService(.registry, configuration: configuration) { client in
                try await client.call(
                    RegistryInterface.PartnersList.self,
                    .init(country: self.country, source: self.source, limit: self.limit, status: self.status, expiringBy: self.expiringBy))
            }
            if self.global.json { return try printJSON(result) }
            var table = TableRenderer(headings: self.global.language.headings([
                ("编号", "ID"), ("国家", "COUNTRY"), ("地区", "REGION"), ("类型", "KIND"), ("名称", "NAME"), ("来源", "SOURCE"), ("状态", "STATUS"),
            ]))
            for partner in result.partners {
                let profile = partner.profile
                table.append([partner.id, profile.country, profile.region ?? "", profile.kind, profile.name, profile.source, partner.status.rawValue])
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

extension PartnerStatus: ExpressibleByArgument {}

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
