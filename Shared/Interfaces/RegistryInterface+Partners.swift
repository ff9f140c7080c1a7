/// A foreign partner's profile, as agencies send them (DESIGN §13): one JSON object per line, or the same columns
/// in CSV (`keywords` separated by semicolons there).
public struct PartnerProfile: Codable, Sendable, Hashable, ShapeExample {
    /// The sender's own id for the profile; with `source` it identifies the profile across re-imports.
    public var externalId: String
    /// The organisation's name.
    public var name: String
    /// ISO 3166-1 alpha-2 (names accepted and normalised).
    public var country: String
    /// Province, state or region (a Belgian province; for the UK, derived as the county when it can be).
    public var region: String?
    /// Town or city.
    public var city: String?
    /// `company`, `university`, `institute` or `foreign_rnd_centre_in_china`.
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
    /// The last day the profile is valid, `YYYY-MM-DD`.
    public var expiresOn: String?

    public init(
        externalId: String, name: String, country: String, region: String?, city: String?, kind: String,
        expertise: String, offers: String?, seeks: String?, keywords: [String], source: String, expiresOn: String?
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
    }

    public static var example: PartnerProfile {
        PartnerProfile(
            externalId: "BF-0042", name: "Example Water Oy", country: "FI", region: "Uusimaa", city: "Espoo",
            kind: "company", expertise: "Membrane filtration for industrial water reuse", offers: "Pilot plants",
            seeks: "Manufacturing partner in China", keywords: ["water treatment", "membranes"],
            source: "business-finland-2025", expiresOn: "2026-12-31")
    }
}

/// A stored partner profile.
public struct StoredPartner: Codable, Sendable, Hashable, ShapeExample {
    /// Lingyan's id for the profile, such as `P-000001`.
    public var id: String
    /// The profile as last imported.
    public var profile: PartnerProfile
    /// Increases with every re-import that changes it.
    public var revision: Int
    /// When it was first imported, RFC 3339.
    public var importedAt: String
    /// When it was last changed, RFC 3339.
    public var updatedAt: String

    public init(id: String, profile: PartnerProfile, revision: Int, importedAt: String, updatedAt: String) {
        self.id = id
        self.profile = profile
        self.revision = revision
        self.importedAt = importedAt
        self.updatedAt = updatedAt
    }

    public static var example: StoredPartner {
        StoredPartner(id: "P-000001", profile: .example, revision: 1, importedAt: "2026-11-30T08:00:00.000Z", updatedAt: "2026-11-30T08:00:00.000Z")
    }
}

extension RegistryInterface {
    /// Imports partner profiles from JSON Lines or CSV.
    public enum PartnersImport: RPCMethod {
        public static let name = "partners.import"
        public static let summary = "Import partner profiles (JSON Lines or CSV); good lines are stored in one transaction, every bad line is reported with its fields; dryRun stores nothing."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// `jsonl` or `csv`.
            public var format: String
            /// The lines; CSV starts with its header row. The CLI splits large files on line boundaries.
            public var content: String
            /// Check every line and report, storing nothing.
            public var dryRun: Bool?
            /// The line number of the content's first line within the whole file (default 1), for reports.
            public var firstLine: Int?
            /// For CSV content sent in pieces: the header row of the file.
            public var header: String?

            public init(format: String, content: String, dryRun: Bool? = nil, firstLine: Int? = nil, header: String? = nil) {
                self.format = format
                self.content = content
                self.dryRun = dryRun
                self.firstLine = firstLine
                self.header = header
            }

            public static var example: Params {
                Params(format: "jsonl", content: "{…}", dryRun: true, firstLine: 1, header: "externalId,name,country")
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

            public init(accepted: Int, created: Int, updated: Int, rejected: [RejectedLine]) {
                self.accepted = accepted
                self.created = created
                self.updated = updated
                self.rejected = rejected
            }

            public static var example: Result { Result(accepted: 99, created: 90, updated: 9, rejected: [.example]) }
        }
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
        public static let summary = "List partner profiles by country and source, in id order; page with `after`."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Only profiles in this country.
            public var country: String?
            /// Only profiles from this source.
            public var source: String?
            /// The most to return (1 to 1000, default 100).
            public var limit: Int?
            /// Continue after this id.
            public var after: String?

            public init(country: String? = nil, source: String? = nil, limit: Int? = nil, after: String? = nil) {
                self.country = country
                self.source = source
                self.limit = limit
                self.after = after
            }

            public static var example: Params { Params(country: "FI", source: "business-finland-2025", limit: 100, after: "P-000100") }
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
