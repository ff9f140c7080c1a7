/// The fields a profile is imported into, and the names senders give their columns for them, in English and
/// Chinese: "Organisation name", "机构名称" and `name` all fill `name`.
enum PartnerFields {
    /// Every field a row or JSON line can fill, in the order a dry run lists them.
    static let all = [
        "externalId", "name", "country", "region", "city", "kind", "expertise", "offers", "seeks", "keywords", "source",
        "expiresOn", "nutsCode", "website", "contactName", "contactPosition", "contactEmail", "contactPhone",
    ]

    /// The fields every profile must have; `source` may come from the import instead.
    static let required = ["externalId", "name", "country", "kind", "expertise", "source"]

    private static let names: [String: [String]] = [
        "externalId": [
            "external id", "id", "ref", "reference", "profile id", "record id", "organisation id", "organization id",
            "pic", "编号", "外部编号", "档案编号",
        ],
        "name": [
            "organisation name", "organization name", "organisation", "organization", "company", "company name",
            "legal name", "institution", "partner", "partner name", "名称", "机构名称", "单位名称", "企业名称", "公司名称", "组织名称",
            "合作方名称", "全名",
        ],
        "country": ["country", "country code", "nation", "国家", "国别", "国家地区", "国家或地区"],
        "region": ["region", "state", "province", "county", "地区", "省份", "州", "郡", "省州"],
        "city": ["city", "town", "locality", "城市", "所在城市"],
        "kind": [
            "kind", "type", "organisation type", "organization type", "activity type", "partner type", "类型", "机构类型",
            "单位类型", "机构性质", "单位性质",
        ],
        "expertise": [
            "expertise", "description", "activities", "profile", "competences", "core competence", "technology",
            "technologies", "research areas", "专长", "技术专长", "简介", "机构简介", "研究方向", "技术领域",
        ],
        "offers": ["offers", "offer", "what we offer", "we offer", "提供", "可提供", "能提供"],
        "seeks": ["seeks", "seeking", "looking for", "we seek", "request", "needs", "需求", "寻求", "寻求合作"],
        "keywords": ["keywords", "keyword", "tags", "topics", "fields", "euroscivoc", "关键词", "关键字", "标签"],
        "source": ["source", "data source", "来源", "数据来源"],
        "expiresOn": ["expires on", "expires", "expiry", "expiry date", "valid until", "有效期", "有效期至", "失效日期"],
        "nutsCode": ["nuts code", "nuts", "nuts 2021", "nuts3", "nuts 3", "nuts区域代码"],
        "website": ["website", "web", "web site", "url", "homepage", "网站", "网址", "主页"],
        "contactName": ["contact name", "contact", "contact person", "联系人", "联系人姓名"],
        "contactPosition": ["contact position", "position", "job title", "职务", "职位"],
        "contactEmail": ["contact email", "email", "e mail", "mail", "email address", "邮箱", "电子邮件", "电子邮箱", "邮件"],
        "contactPhone": ["contact phone", "phone", "telephone", "tel", "mobile", "phone number", "电话", "联系电话", "手机"],
    ]

    private static let lookup: [String: String] = {
        var table: [String: String] = [:]
        for field in Self.all { table[Self.key(field)] = field }
        for (field, spellings) in Self.names {
            for spelling in spellings { table[Self.key(spelling)] = field }
        }
        return table
    }()

    /// The field a header names: the whole header, or one half of a bilingual one ("E-mail / 电子邮件").
    static func field(forHeader header: String) -> String? {
        if let field = Self.lookup[Self.key(header)] { return field }
        let halves = header.split(whereSeparator: { "/|／\n（）()".contains($0) })
        return halves.lazy.compactMap { Self.lookup[Self.key(String($0))] }.first
    }

    /// The field a mapping's target names, written as Lingyan writes it (`contactEmail`) in any case.
    static func field(named name: String) -> String? {
        Self.all.first { $0.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The import field a problem's path is about: `contact.email` → `contactEmail`, `keywords[2]` → `keywords`.
    static func field(forPath path: String) -> String {
        let head = String(path.prefix { $0 != "[" })
        switch head {
        case "contact.name": return "contactName"
        case "contact.position": return "contactPosition"
        case "contact.email": return "contactEmail"
        case "contact.phone": return "contactPhone"
        default: return head
        }
    }

    /// Only letters and digits count: "E-mail", "e_mail" and "EMAIL" are one header.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
