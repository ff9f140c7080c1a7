/// A foreign partner's profile, as agencies send them (DESIGN §7, §13): one JSON object per line, the same columns
/// in CSV or an Excel sheet (`keywords` separated by semicolons there), or one profile typed in by staff.
public struct PartnerProfile: Codable, Sendable, Hashable, ShapeExample {
    /// The sender's own id for the profile; with `source` it identifies the profile across re-imports.
    public var externalId: String
    /// The organisation's name.
    public var name: String
    /// ISO 3166-1 alpha-2 (names accepted and normalised).
    public var country: String
    /// Province, state or region (a Belgian province; for the UK, the county when it can be told from the NUTS
    /// code or the town).
    public var region: String?
    /// Town or city.
    public var city: String?
    /// `company`, `university`, `institute`, `public` (public bodies, agencies, municipalities) or `other`
    /// (associations, clusters, NGOs, foundations); `foreign_rnd_centre_in_china` for a Fortune Global 500 group's
    /// R&D centre. Imports also take the sources' own spellings (SME, 企业, 高校, CORDIS `PRC`/`HES`/`REC`/`PUB`/`OTH`).
    public var kind: String
    /// What it is good at.
    public var expertise: String
    /// What it offers a partner.
    public var offers: String?
    /// What it looks for in a partner.
    public var seeks: String?
    /// Keywords, any language.
    public var keywords: [String]
    /// Who sent it: the agency or import batch, such as `business-finland-2025-03`.
    public var source: String
    /// The last day the profile is valid, `YYYY-MM-DD`; after it the profile is no longer matched.
    public var expiresOn: String?
    /// The NUTS 2021 code of its location (`UKG13`, `BE251`); for the UK and Belgium it decides the county or
    /// province, before the town.
    public var nutsCode: String?
    /// Its website. Masked for readers and never in events, like the contact.
    public var website: String?
    /// Whom to write to. Personal data: masked for readers, never in events or logs.
    public var contact: PartnerContact?

    public init(
        externalId: String, name: String, country: String, region: String?, city: String?, kind: String,
        expertise: String, offers: String?, seeks: String?, keywords: [String], source: String, expiresOn: String?,
        nutsCode: String? = nil, website: String? = nil, contact: PartnerContact? = nil
    ) {
        self.externalId = externalId
        self.name = name
        self.country = country
        self.region = region
        self.city = city
        self.kind = kind
        self.expertise = expertise
        self.offers = offers
        self.seeks = seeks
        self.keywords = keywords
        self.source = source
        self.expiresOn = expiresOn
        self.nutsCode = nutsCode
        self.website = website
        self.contact = contact
    }

    /// `keywords` may be left out (a profile typed in after a meeting often has none); everything else as declared.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.externalId = try container.decode(String.self, forKey: .externalId)
        self.name = try container.decode(String.self, forKey: .name)
        self.country = try container.decode(String.self, forKey: .country)
        self.region = try container.decodeIfPresent(String.self, forKey: .region)
        self.city = try container.decodeIfPresent(String.self, forKey: .city)
        self.kind = try container.decode(String.self, forKey: .kind)
        self.expertise = try container.decode(String.self, forKey: .expertise)
        self.offers = try container.decodeIfPresent(String.self, forKey: .offers)
        self.seeks = try container.decodeIfPresent(String.self, forKey: .seeks)
        self.keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        self.source = try container.decode(String.self, forKey: .source)
        self.expiresOn = try container.decodeIfPresent(String.self, forKey: .expiresOn)
        self.nutsCode = try container.decodeIfPresent(String.self, forKey: .nutsCode)
        self.website = try container.decodeIfPresent(String.self, forKey: .website)
        self.contact = try container.decodeIfPresent(PartnerContact.self, forKey: .contact)
    }

    public static var example: PartnerProfile {
        PartnerProfile(
            externalId: "BF-0042", name: "Example Water Oy", country: "FI", region: "Uusimaa", city: "Espoo",
            kind: "company", expertise: "Membrane filtration for industrial water reuse", offers: "Pilot plants",
            seeks: "Manufacturing partner in China", keywords: ["water treatment", "membranes"],
            source: "business-finland-2025", expiresOn: "2026-12-31", nutsCode: "FI1B1", website: "https://water.example.fi",
            contact: .example)
    }
}

/// The person to write to at a partner. Every field is optional: CORDIS gives none, an agency's sheet some.
public struct PartnerContact: Codable, Sendable, Hashable, ShapeExample {
    /// Name.
    public var name: String?
    /// Position.
    public var position: String?
    /// E-mail; a second address after ", ".
    public var email: String?
    /// Phone, stored in E.164 (an extension as `;ext=…`).
    public var phone: String?

    public init(name: String?, position: String? = nil, email: String?, phone: String?) {
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
    }

    public static var example: PartnerContact {
        PartnerContact(name: "Aino Virtanen", position: "Business development", email: "aino.virtanen@water.example.fi", phone: "+358401234567")
    }
}

/// Whether a profile takes part in matching (DESIGN §7).
public enum PartnerStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Matched and listed.
    case active
    /// Taken out by staff, with a reason; kept on record, in no ranking.
    case withdrawn
    /// Past its `expiresOn`; a re-import or update with a later date makes it active again.
    case expired
}

/// Why and when a profile was withdrawn.
public struct PartnerWithdrawal: Codable, Sendable, Hashable, ShapeExample {
    /// The reason staff gave.
    public var reason: String
    /// When, RFC 3339.
    public var at: String
    /// Who: the operator, or the system user.
    public var by: String

    public init(reason: String, at: String, by: String) {
        self.reason = reason
        self.at = at
        self.by = by
    }

    public static var example: PartnerWithdrawal {
        PartnerWithdrawal(reason: "The company closed its China office", at: "2026-11-30T08:00:00.000Z", by: "wang.li")
    }
}

/// A stored partner profile.
public struct StoredPartner: Codable, Sendable, Hashable, ShapeExample {
    /// Lingyan's id for the profile, such as `P-000001`.
    public var id: String
    /// The profile as last imported (contact and website masked for readers).
    public var profile: PartnerProfile
    /// Increases with every change; send it back to `partners.update`.
    public var revision: Int
    /// When it was first imported, RFC 3339.
    public var importedAt: String
    /// When it was last changed, RFC 3339.
    public var updatedAt: String
    /// Whether it is matched.
    public var status: PartnerStatus
    /// For a withdrawn profile: why, when and by whom.
    public var withdrawal: PartnerWithdrawal?

    public init(
        id: String, profile: PartnerProfile, revision: Int, importedAt: String, updatedAt: String,
        status: PartnerStatus = .active, withdrawal: PartnerWithdrawal? = nil
    ) {
        self.id = id
        self.profile = profile
        self.revision = revision
        self.importedAt = importedAt
        self.updatedAt = updatedAt
        self.status = status
        self.withdrawal = withdrawal
    }

    public static var example: StoredPartner {
        StoredPartner(
            id: "P-000001", profile: .example, revision: 1, importedAt: "2026-11-30T08:00:00.000Z",
            updatedAt: "2026-11-30T08:00:00.000Z", status: .active, withdrawal: nil)
    }
}

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
