extension RegistryInterface {
    /// Imports partner profiles from JSON Lines, CSV or an Excel workbook, with the sender's own column headers.
    public enum PartnersImport: RPCMethod {
        public static let name = "partners.import"
        public static let summary = "Import partner profiles (JSON Lines, CSV or .xlsx, any headers: mapped by `mapping` or recognised in Chinese and English); good lines are stored in one transaction, every bad line or cell is reported with its header; dryRun stores nothing."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// `jsonl`, `csv` or `xlsx`.
            public var format: String
            /// The lines; CSV starts with its header row. For `xlsx`, the workbook's bytes in base64 (its first
            /// sheet is read, the first non-empty row being the header). The CLI splits large files into pieces
            /// on record boundaries.
            public var content: String
            /// Check every line and report, storing nothing.
            public var dryRun: Bool?
            /// The line number of the content's first line within the whole file (default 1), for reports.
            public var firstLine: Int?
            /// For CSV content sent in pieces: the header row of the file.
            public var header: String?
            /// The source for every line that does not name its own (an agency or batch, `business-finland-2025`).
            public var source: String?
            /// The sender's column headers (or JSON member names) → Lingyan's fields (`Organisation name` →
            /// `name`); headers not mapped here are recognised by their Chinese or English names, others ignored.
            public var mapping: [String: String]?
            /// The CSV content is a spreadsheet's rows, the header in row `firstLine - 1`: problems name cells (`C7`).
            public var spreadsheet: Bool?

            public init(
                format: String, content: String, dryRun: Bool? = nil, firstLine: Int? = nil, header: String? = nil,
                source: String? = nil, mapping: [String: String]? = nil, spreadsheet: Bool? = nil
            ) {
                self.format = format
                self.content = content
                self.dryRun = dryRun
                self.firstLine = firstLine
                self.header = header
                self.source = source
                self.mapping = mapping
                self.spreadsheet = spreadsheet
            }

            public static var example: Params {
                Params(
                    format: "csv", content: "…", dryRun: true, firstLine: 2, header: "ID,Organisation name,Country",
                    source: "business-finland-2025", mapping: ["Organisation name": "name"], spreadsheet: false)
            }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// Lines that were (or, in a dry run, would be) stored.
            public var accepted: Int
            /// Of those, profiles that were new.
            public var created: Int
            /// Of those, profiles already known from the same source and external id, updated in place.
            public var updated: Int
            /// Every refused line with its problems.
            public var rejected: [RejectedLine]
            /// For CSV and Excel: how each of the sender's columns was read.
            public var columns: [ImportColumn]?

            public init(accepted: Int, created: Int, updated: Int, rejected: [RejectedLine], columns: [ImportColumn]? = nil) {
                self.accepted = accepted
                self.created = created
                self.updated = updated
                self.rejected = rejected
                self.columns = columns
            }

            public static var example: Result { Result(accepted: 99, created: 90, updated: 9, rejected: [.example], columns: [.example]) }
        }
    }

    /// How one column of an imported file was read.
    public struct ImportColumn: Codable, Sendable, Hashable, ShapeExample {
        /// The sender's header.
        public var header: String
        /// The Lingyan field it fills; absent when the column is ignored.
        public var field: String?
        /// `mapping` (given with the import), `name` (the header is the field's name or a known Chinese or
        /// English name for it) or `ignored`.
        public var by: String
        /// For a spreadsheet, the column's letter (`C`).
        public var letter: String?

        public init(header: String, field: String?, by: String, letter: String? = nil) {
            self.header = header
            self.field = field
            self.by = by
            self.letter = letter
        }

        public static var example: ImportColumn { ImportColumn(header: "Organisation name", field: "name", by: "name", letter: "B") }
    }

    /// Stores one profile: new, or an update of the one with the same source and external id.
    public enum PartnersUpsert: RPCMethod {
        public static let name = "partners.upsert"
        public static let summary = "Store one partner profile (as staff type it in after a meeting): created, or updated when its source and external id are known; every bad field is named."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The profile; `kind` and `country` as for imports.
            public var profile: PartnerProfile

            public init(profile: PartnerProfile) {
                self.profile = profile
            }

            public static var example: Params { Params(profile: .example) }
        }

        public typealias Result = PartnerChange
    }

    /// Changes one profile by its id, with optimistic concurrency.
    public enum PartnersUpdate: RPCMethod {
        public static let name = "partners.update"
        public static let summary = "Replace one partner profile's fields; `revision` must be the current one (-32003 otherwise)."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The profile's id.
            public var id: String
            /// The revision the change was made from.
            public var revision: Int
            /// The whole profile as it should be; its source and external id may not change.
            public var profile: PartnerProfile

            public init(id: String, revision: Int, profile: PartnerProfile) {
                self.id = id
                self.revision = revision
                self.profile = profile
            }

            public static var example: Params { Params(id: "P-000001", revision: 1, profile: .example) }
        }

        public typealias Result = PartnerChange
    }

    /// Takes a profile out of every ranking, keeping it on record.
    public enum PartnersWithdraw: RPCMethod {
        public static let name = "partners.withdraw"
        public static let summary = "Withdraw a partner profile: it leaves the index and every ranking, stays on record, and `partners.get` says why."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The profile's id.
            public var id: String
            /// Why, in words staff will read later.
            public var reason: String

            public init(id: String, reason: String) {
                self.id = id
                self.reason = reason
            }

            public static var example: Params { Params(id: "P-000001", reason: "The company closed its China office") }
        }

        public typealias Result = PartnerChange
    }

    /// What a change did to one profile.
    public struct PartnerChange: Codable, Sendable, Hashable, ShapeExample {
        /// The profile's id.
        public var id: String
        /// Whether it was new.
        public var created: Bool
        /// Its revision now.
        public var revision: Int
        /// Its status now.
        public var status: PartnerStatus

        public init(id: String, created: Bool, revision: Int, status: PartnerStatus) {
            self.id = id
            self.created = created
            self.revision = revision
            self.status = status
        }

        public static var example: PartnerChange { PartnerChange(id: "P-000001", created: true, revision: 1, status: .active) }
    }

    /// One refused import line.
    public struct RejectedLine: Codable, Sendable, Hashable, ShapeExample {
        /// The line's number in the file (for CSV, the record's; the header is line 1).
        public var line: Int
        /// What is wrong with it.
        public var fields: [FieldProblem]

        public init(line: Int, fields: [FieldProblem]) {
            self.line = line
            self.fields = fields
        }

        public static var example: RejectedLine {
            RejectedLine(line: 7, fields: [FieldProblem(path: "country", code: "invalid_country", messageZh: "…", messageEn: "…")])
        }
    }

    /// One partner profile.
    public enum PartnersGet: RPCMethod {
        public static let name = "partners.get"
        public static let summary = "Return one partner profile."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityID

        public typealias Result = StoredPartner
    }

    /// Partner profiles by country and source.
    public enum PartnersList: RPCMethod {
        public static let name = "partners.list"
        public static let summary = "List partner profiles by country, source and status, in id order; page with `after`."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Only profiles in this country.
            public var country: String?
            /// Only profiles from this source.
            public var source: String?
            /// The most to return (1 to 1000, default 100).
            public var limit: Int?
            /// Continue after this id.
            public var after: String?
            /// Only profiles in this status.
            public var status: PartnerStatus?
            /// Only active profiles whose `expiresOn` is this day (`YYYY-MM-DD`) or earlier.
            public var expiringBy: String?

            public init(
                country: String? = nil, source: String? = nil, limit: Int? = nil, after: String? = nil,
                status: PartnerStatus? = nil, expiringBy: String? = nil
            ) {
                self.country = country
                self.source = source
                self.limit = limit
                self.after = after
                self.status = status
                self.expiringBy = expiringBy
            }

            public static var example: Params {
                Params(country: "FI", source: "business-finland-2025", limit: 100, after: "P-000100", status: .active, expiringBy: "2026-12-31")
            }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The profiles.
            public var partners: [StoredPartner]
            /// Pass as `after` for the next page; absent on the last page.
            public var next: String?

            public init(partners: [StoredPartner], next: String?) {
                self.partners = partners
                self.next = next
            }

            public static var example: Result { Result(partners: [.example], next: "P-000001") }
        }
    }
}
