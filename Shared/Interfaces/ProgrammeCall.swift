import Foundation

/// One call of the programme catalogue (DESIGN §2): a bilateral industrial R&D call with a foreign agency, an
/// intergovernmental call, or the Fortune Global 500 R&D-centre call.
public struct ProgrammeCall: Codable, Sendable, Hashable, ShapeExample {
    /// Stable id: year, then country or scheme: `2025-FI`, `2025-BE-VWV`, `2025-F500-RND`.
    public var id: String
    /// The programme year.
    public var year: Int
    /// The notice's three kinds of project.
    public var category: CallCategory
    /// The partner's country, ISO 3166-1 alpha-2 (`FI`, `IL`, `NO`, `SG`, `BE`, `GB`); `CN` for R&D centres in China.
    public var country: String
    /// The part of the country the call is limited to, if any: `VWV` (West Flanders), `Midlands Engine`.
    public var region: String?
    /// The call's name in Chinese.
    public var titleZh: String
    /// The call's name in English.
    public var titleEn: String
    /// The foreign body that co-funds or co-decides, when there is one.
    public var authority: Authority?
    /// Priority areas, as the notice words them and as taxonomy concepts. Outside them is allowed, at lower fit.
    public var priorityAreas: [PriorityArea]
    /// The application deadline, `YYYY-MM-DD`; null while it is to be agreed by both sides.
    public var deadline: String?
    /// As of now: `open`, `closed` (deadline passed) or `to_be_agreed`. Computed; ignored on upsert.
    public var deadlineState: DeadlineState?
    /// Priority for applicants teaming up with Yangtze River Delta units (Shanghai, Jiangsu, Zhejiang, Anhui).
    public var yangtzeRiverDeltaPreferred: Bool
    /// Universities and research institutes are encouraged to take part.
    public var universitiesEncouraged: Bool
    /// Where the partner must be, when the call limits it (the Midlands Engine's 11 counties).
    public var eligibleRegions: [String]
    /// What the partner must be and what the applicants must have, beyond the programme-wide rules.
    public var requirements: [Requirement]
    /// The programme-wide rules as they apply to this call.
    public var rules: ProgrammeRules
    /// The catalogue revision of this call; starts at 1.
    public var revision: Int?
    /// Whom applicants ask, as the notice names them (policy; business enquiries and partner search). Letters
    /// sign with these.
    public var contacts: [CallContact]?

    public init(
        id: String, year: Int, category: CallCategory, country: String, region: String?, titleZh: String,
        titleEn: String, authority: Authority?, priorityAreas: [PriorityArea], deadline: String?,
        deadlineState: DeadlineState? = nil, yangtzeRiverDeltaPreferred: Bool, universitiesEncouraged: Bool,
        eligibleRegions: [String], requirements: [Requirement], rules: ProgrammeRules, revision: Int? = nil,
        contacts: [CallContact]? = nil
    ) {
        self.contacts = contacts
        self.id = id
        self.year = year
        self.category = category
        self.country = country
        self.region = region
        self.titleZh = titleZh
        self.titleEn = titleEn
        self.authority = authority
        self.priorityAreas = priorityAreas
        self.deadline = deadline
        self.deadlineState = deadlineState
        self.yangtzeRiverDeltaPreferred = yangtzeRiverDeltaPreferred
        self.universitiesEncouraged = universitiesEncouraged
        self.eligibleRegions = eligibleRegions
        self.requirements = requirements
        self.rules = rules
        self.revision = revision
    }

    public static var example: ProgrammeCall {
        ProgrammeCall(
            id: "2025-FI", year: 2025, category: .bilateralIndustrialRnd, country: "FI", region: "Uusimaa",
            titleZh: "中芬双边产业联合研发计划", titleEn: "China (Zhejiang)–Finland bilateral industrial joint R&D",
            authority: .example, priorityAreas: [.example], deadline: "2024-09-25", deadlineState: .closed,
            yangtzeRiverDeltaPreferred: true, universitiesEncouraged: false, eligibleRegions: ["Lincolnshire"],
            requirements: [.example], rules: .standard, revision: 1, contacts: [.example])
    }
}

/// The notice's three kinds of project.
extension ProgrammeCall {
    /// The deadline state at `now`. Deadlines are Chinese calendar dates: a call is open through the whole of its
    /// deadline day in Hangzhou.
    public func deadlineState(at now: Date) -> DeadlineState {
        guard let deadline = self.deadline else { return .toBeAgreed }
        return Self.hangzhouDay(now) > deadline ? .closed : .open
    }

    /// The deadline as the notice words it: a date, or — with none yet — "待双方商定" for the bilateral calls, whose
    /// two funders agree on it, and "以正式申报通知为准" for the others, which follow the formal 2025 guide.
    public var deadlineWording: (zh: String, en: String) {
        if let deadline = self.deadline { return ("申请截止时间为 \(deadline)", "applications close on \(deadline)") }
        switch self.category {
        case .bilateralIndustrialRnd:
            return ("申请截止时间待双方商定", "the deadline is to be agreed between the two sides")
        case .intergovernmental, .foreignRndInstitution:
            return ("申请截止时间以正式申报通知为准", "the deadline will be set by the formal application notice")
        }
    }

    /// `now` as `YYYY-MM-DD` in Hangzhou (comparable as text). China has kept UTC+8 all year since 1991.
    public static func hangzhouDay(_ now: Date) -> String {
        CivilDate.day(of: now, utcOffsetSeconds: 8 * 3_600)
    }
}

public enum CallCategory: String, Codable, Sendable, Hashable, CaseIterable {
    /// 双边产业联合研发计划项目: both sides' enterprises lead; each applies to its own funder; approved jointly.
    case bilateralIndustrialRnd = "bilateral_industrial_rnd"
    /// 政府间科技创新合作项目: with enterprises of a region that has an S&T memorandum with Zhejiang.
    case intergovernmental
    /// 高端外资研发机构联合研发项目: with an R&D centre set up in China by a Fortune Global 500 foreign company.
    case foreignRndInstitution = "foreign_rnd_institution"
}

/// Whether a call can still be applied to.
public enum DeadlineState: String, Codable, Sendable, Hashable, CaseIterable {
    /// The deadline is today or later.
    case open
    /// The deadline has passed.
    case closed
    /// No date yet: "申请截止时间待双方商定".
    case toBeAgreed = "to_be_agreed"
}

/// A person applicants may ask about a call.
public struct CallContact: Codable, Sendable, Hashable, ShapeExample {
    /// What to ask them about, in Chinese (政策咨询, 业务咨询及需求对接).
    public var roleZh: String
    /// The same in English.
    public var roleEn: String
    /// Their office in Chinese.
    public var organizationZh: String
    /// Their office in English.
    public var organizationEn: String
    /// Their name.
    public var name: String
    /// Their phone number as the notice writes it (0571-87054066).
    public var phone: String
    /// Their e-mail address.
    public var email: String?
    /// Their postal address.
    public var address: String?

    public init(
        roleZh: String, roleEn: String, organizationZh: String, organizationEn: String, name: String, phone: String,
        email: String?, address: String?
    ) {
        self.roleZh = roleZh
        self.roleEn = roleEn
        self.organizationZh = organizationZh
        self.organizationEn = organizationEn
        self.name = name
        self.phone = phone
        self.email = email
        self.address = address
    }

    public static var example: CallContact {
        CallContact(
            roleZh: "业务咨询及需求对接", roleEn: "business enquiries and partner search", organizationZh: "浙江省科技交流和人才服务中心",
            organizationEn: "Zhejiang Science and Technology Exchange and Talent Service Centre", name: "陈晟颖",
            phone: "0571-87978953", email: "csyzju@126.com", address: "杭州市文二路 212 号高新大厦 4 楼")
    }
}

/// A foreign agency or government.
public struct Authority: Codable, Sendable, Hashable, ShapeExample {
    /// Its name in Chinese, as the notice gives it.
    public var nameZh: String
    /// Its name in English.
    public var nameEn: String
    /// Its web address, as the notice gives it.
    public var website: String?

    public init(nameZh: String, nameEn: String, website: String?) {
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.website = website
    }

    public static var example: Authority {
        Authority(nameZh: "芬兰国家商务促进局", nameEn: "Business Finland", website: "https://www.businessfinland.fi/")
    }
}

/// One priority area of a call.
public struct PriorityArea: Codable, Sendable, Hashable, ShapeExample {
    /// The area exactly as the notice words it.
    public var textZh: String
    /// The area in English.
    public var textEn: String
    /// Taxonomy concept ids the area stands for (used by matching).
    public var concepts: [String]

    public init(textZh: String, textEn: String, concepts: [String]) {
        self.textZh = textZh
        self.textEn = textEn
        self.concepts = concepts
    }

    public static var example: PriorityArea {
        PriorityArea(textZh: "气候变化", textEn: "climate change", concepts: ["climate-change"])
    }
}

/// A condition of a call beyond the programme-wide rules, stated in both languages.
public struct Requirement: Codable, Sendable, Hashable, ShapeExample {
    /// A stable id the eligibility check refers to: `partner_fortune_global_500_rnd_centre`, `ip_agreement_signed`.
    public var rule: String
    /// The condition in Chinese.
    public var textZh: String
    /// The condition in English.
    public var textEn: String

    public init(rule: String, textZh: String, textEn: String) {
        self.rule = rule
        self.textZh = textZh
        self.textEn = textEn
    }

    public static var example: Requirement {
        Requirement(rule: "ip_agreement_signed", textZh: "已签署知识产权归属和利益分配协议", textEn: "A signed agreement on IP ownership and benefit sharing")
    }
}

/// The rules every project of the programme follows (notice, section 3).
public struct ProgrammeRules: Codable, Sendable, Hashable, ShapeExample {
    /// Shortest usual duration; shorter is a warning, not an error ("一般为 2~3 年").
    public var minimumDurationMonths: Int
    /// Longest usual duration; longer is a warning.
    public var maximumDurationMonths: Int
    /// Provincial funding cap in RMB (hard): 1,500,000.
    public var maximumFundingRmb: Int
    /// Provincial funding as a share of the Zhejiang enterprise's actual R&D spend, in percent (hard): 20.
    public var maximumShareOfRdSpendPercent: Int
    /// A Zhejiang enterprise must lead.
    public var zhejiangEnterpriseLeads: Bool
    /// Counted against application quotas (the notice: not counted).
    public var countedAgainstQuota: Bool

    public init(
        minimumDurationMonths: Int, maximumDurationMonths: Int, maximumFundingRmb: Int,
        maximumShareOfRdSpendPercent: Int, zhejiangEnterpriseLeads: Bool, countedAgainstQuota: Bool
    ) {
        self.minimumDurationMonths = minimumDurationMonths
        self.maximumDurationMonths = maximumDurationMonths
        self.maximumFundingRmb = maximumFundingRmb
        self.maximumShareOfRdSpendPercent = maximumShareOfRdSpendPercent
        self.zhejiangEnterpriseLeads = zhejiangEnterpriseLeads
        self.countedAgainstQuota = countedAgainstQuota
    }

    /// The 2025 notice's rules.
    public static let standard = ProgrammeRules(
        minimumDurationMonths: 24, maximumDurationMonths: 36, maximumFundingRmb: 1_500_000,
        maximumShareOfRdSpendPercent: 20, zhejiangEnterpriseLeads: true, countedAgainstQuota: false)

    public static var example: ProgrammeRules { .standard }
}
