/// The attachment's own labels (浙江企业开展国际科技合作需求信息表), by field: errors, views and exports name a field
/// the way the enterprise saw it on the form, in both languages, besides its path.
extension PartnerSearchForm {
    /// One printed label: its number on the attachment and its Chinese and English text.
    public struct Label: Sendable, Hashable {
        public var number: String
        public var zh: String
        public var en: String

        /// "1.2 座机或手机 / Tel/Mobile".
        public var bilingual: String { "\(self.number) \(self.zh) / \(self.en)" }
    }

    /// Labels by field path within the form (`contact.phone`).
    public static let labels: [String: Label] = [
        "organization": Label(number: "1.1", zh: "公司背景", en: "Organization Background"),
        "organization.nameZh": Label(number: "1.1", zh: "全名", en: "Full Name"),
        "organization.nameEn": Label(number: "1.1", zh: "全名（英文）", en: "Full Name (English)"),
        "organization.address": Label(number: "1.1", zh: "详细地址", en: "Detailed Address"),
        "organization.website": Label(number: "1.1", zh: "网址", en: "Website"),
        "organization.businessAndProducts": Label(number: "1.1", zh: "主营业务和产品", en: "Business and Products"),
        "organization.comments": Label(number: "1.1", zh: "其他说明", en: "Comments"),
        "organization.uscc": Label(number: "1.1", zh: "统一社会信用代码", en: "Unified Social Credit Code"),
        "organization.city": Label(number: "1.1", zh: "所在城市", en: "City"),
        "contact": Label(number: "1.2", zh: "联系人信息", en: "Contact Person"),
        "contact.name": Label(number: "1.2", zh: "姓名", en: "Name"),
        "contact.position": Label(number: "1.2", zh: "职务", en: "Position"),
        "contact.phone": Label(number: "1.2", zh: "座机或手机", en: "Tel/Mobile"),
        "contact.email": Label(number: "1.2", zh: "电子邮件", en: "E-mail"),
        "project": Label(number: "2", zh: "拟洽谈项目", en: "The Project"),
        "project.technicalArea": Label(number: "2.1", zh: "项目所属技术领域", en: "Main Technological Area"),
        "project.description": Label(number: "2.2", zh: "简述拟联合研发的项目内容", en: "Description of the proposed joint R&D project"),
        "partner": Label(number: "3", zh: "意向合作伙伴/公司", en: "Potential Partner/Company"),
        "partner.countries": Label(number: "3.1", zh: "对方机构所属国家/地区", en: "Country/region where the potential partner resides"),
        "partner.region": Label(number: "3.1", zh: "对方机构所属国家/地区", en: "Country/region where the potential partner resides"),
        "partner.expertiseSought": Label(number: "3.2", zh: "对方机构应具备的条件和专业领域", en: "Main Characteristics and specific technological expertise"),
        "partner.contributionSought": Label(number: "3.3", zh: "合作具体需求", en: "What is the specific contribution you are seeking"),
    ]

    /// The label of a field path as errors write it (`form.contact.phone`, `partner.countries[1]`), or nil for a
    /// path outside the form.
    public static func label(forPath path: String) -> Label? {
        var key = path
        if key.hasPrefix("form.") { key.removeFirst(5) }
        if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
        while !key.isEmpty {
            if let label = Self.labels[key] { return label }
            guard let dot = key.lastIndex(of: ".") else { return nil }
            key = String(key[..<dot])
        }
        return nil
    }
}
