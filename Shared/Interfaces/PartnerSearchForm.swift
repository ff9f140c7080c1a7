/// The Partner Search Form (浙江企业开展国际科技合作需求信息表), section by section as the notice's attachment has it.
public struct PartnerSearchForm: Codable, Sendable, Hashable, ShapeExample {
    /// 1.1 Organization Background / 公司背景.
    public var organization: OrganizationDetails
    /// 1.2 Contact Person / 联系人信息.
    public var contact: ContactPerson
    /// 2. The Project / 拟洽谈项目.
    public var project: ProjectDetails
    /// 3. Potential Partner / 意向合作伙伴.
    public var partner: PartnerWanted

    public init(organization: OrganizationDetails, contact: ContactPerson, project: ProjectDetails, partner: PartnerWanted) {
        self.organization = organization
        self.contact = contact
        self.project = project
        self.partner = partner
    }

    public static var example: PartnerSearchForm {
        PartnerSearchForm(organization: .example, contact: .example, project: .example, partner: .example)
    }
}

/// Section 1.1 of the form.
public struct OrganizationDetails: Codable, Sendable, Hashable, ShapeExample {
    /// Full Name / 全名, in Chinese.
    public var nameZh: String
    /// Full Name / 全名, in English.
    public var nameEn: String?
    /// Detailed Address / 详细地址.
    public var address: String
    /// Website / 网址.
    public var website: String?
    /// Business and Products / 主营业务和产品.
    public var businessAndProducts: String
    /// Comments / 其他说明.
    public var comments: String?
    /// Unified social credit code (统一社会信用代码), 18 characters; identifies the organisation.
    public var uscc: String
    /// The city in Zhejiang, such as 杭州.
    public var city: String?

    public init(
        nameZh: String, nameEn: String?, address: String, website: String?, businessAndProducts: String,
        comments: String?, uscc: String, city: String?
    ) {
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.address = address
        self.website = website
        self.businessAndProducts = businessAndProducts
        self.comments = comments
        self.uscc = uscc
        self.city = city
    }

    public static var example: OrganizationDetails {
        OrganizationDetails(
            nameZh: "杭州示例水务科技有限公司", nameEn: "Hangzhou Example Water Technology Co., Ltd.",
            address: "杭州市西湖区文二路 212 号", website: "https://www.example.cn", businessAndProducts: "膜法水处理设备",
            comments: "已有欧洲客户", uscc: "91330100799655058B", city: "杭州")
    }
}

/// Section 1.2 of the form. Personal data: never in events or logs; masked for readers.
public struct ContactPerson: Codable, Sendable, Hashable, ShapeExample {
    /// Name / 姓名.
    public var name: String
    /// Position / 职务.
    public var position: String?
    /// Tel/Mobile / 座机或手机; stored in E.164, an extension as `;ext=8012`, a second number after ", "
    /// (`+8657187054066;ext=8012, +8613812345678`).
    public var phone: String
    /// E-mail / 电子邮件; a second address after ", " (the first is the one Lingyan writes to).
    public var email: String

    public init(name: String, position: String?, phone: String, email: String) {
        self.name = name
        self.position = position
        self.phone = phone
        self.email = email
    }

    /// The address Lingyan writes to: the first one given.
    public var primaryEmail: String {
        String(self.email.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces)
    }

    public static var example: ContactPerson {
        ContactPerson(name: "张伟", position: "技术总监", phone: "+86 571 8705 4066", email: "zhang.wei@example.cn")
    }
}

/// Section 2 of the form.
public struct ProjectDetails: Codable, Sendable, Hashable, ShapeExample {
    /// 2.1 Main Technological Area / 项目所属技术领域.
    public var technicalArea: String
    /// 2.2 Description of the proposed joint R&D project / 简述拟联合研发的项目内容.
    public var description: String

    public init(technicalArea: String, description: String) {
        self.technicalArea = technicalArea
        self.description = description
    }

    public static var example: ProjectDetails {
        ProjectDetails(technicalArea: "水处理", description: "开发适用于工业废水回用的抗污染反渗透膜组件")
    }
}

/// Section 3 of the form.
public struct PartnerWanted: Codable, Sendable, Hashable, ShapeExample {
    /// 3.1 Country/region where the potential partner resides, ISO 3166-1 alpha-2 (Chinese or English names are
    /// accepted on input and normalised).
    public var countries: [String]
    /// The rest of 3.1 as written, beyond the countries: a region (英国中部地区, 西弗兰德省, 莱斯特郡) or "不限".
    public var region: String?
    /// 3.2 Main characteristics and specific technological expertise / 对方机构应具备的条件和专业领域.
    public var expertiseSought: String
    /// 3.3 What is the specific contribution you are seeking / 合作具体需求.
    public var contributionSought: String

    public init(countries: [String], region: String? = nil, expertiseSought: String, contributionSought: String) {
        self.countries = countries
        self.region = region
        self.expertiseSought = expertiseSought
        self.contributionSought = contributionSought
    }

    public static var example: PartnerWanted {
        PartnerWanted(countries: ["IL"], region: "特拉维夫", expertiseSought: "膜材料研发能力", contributionSought: "联合开发膜组件并在以色列试点")
    }
}

/// Where a form is in its review (DESIGN §7).
public enum FormStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case draft
    case submitted
    case returned
    case published
    case closed
    case expired
}

/// A stored form, as `forms.get` and `forms.list` return it.
public struct StoredForm: Codable, Sendable, Hashable, ShapeExample {
    /// The form's id, such as `F-2026-000001`.
    public var id: String
    /// Where it is in its review.
    public var status: FormStatus
    /// Increases with every change; send it back to change the form.
    public var revision: Int
    /// The organisation the form belongs to.
    public var organizationId: String
    /// The form as it now stands (contact fields masked for readers).
    public var form: PartnerSearchForm
    /// When it was first submitted, RFC 3339.
    public var submittedAt: String
    /// When it was last changed, RFC 3339.
    public var updatedAt: String
    /// The day it expires unless renewed, `YYYY-MM-DD`.
    public var expiresOn: String

    public init(
        id: String, status: FormStatus, revision: Int, organizationId: String, form: PartnerSearchForm,
        submittedAt: String, updatedAt: String, expiresOn: String
    ) {
        self.id = id
        self.status = status
        self.revision = revision
        self.organizationId = organizationId
        self.form = form
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
        self.expiresOn = expiresOn
    }

    public static var example: StoredForm {
        StoredForm(
            id: "F-2026-000001", status: .submitted, revision: 1, organizationId: "ORG-000001", form: .example,
            submittedAt: "2026-11-30T08:00:00.000Z", updatedAt: "2026-11-30T08:00:00.000Z", expiresOn: "2027-11-30")
    }
}
