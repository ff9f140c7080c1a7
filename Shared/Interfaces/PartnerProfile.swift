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
