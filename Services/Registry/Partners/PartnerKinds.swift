/// The kinds of partner profile (DESIGN §7) and the spellings sources use for them: CORDIS's activity types
/// (`PRC` private for-profit, `HES` higher education, `REC` research, `PUB` public body, `OTH` other), the
/// Enterprise Europe Network's words, and Chinese.
enum PartnerKinds {
    /// The kinds Lingyan stores, as `partners.import` documents them.
    static let accepted = ["company", "university", "institute", "public", "other", "foreign_rnd_centre_in_china"]

    private static let spellings: [String: [String]] = [
        "company": [
            "company", "enterprise", "sme", "smes", "business", "firm", "corporation", "startup", "start up", "private",
            "private company", "private for profit", "prc", "industry", "large enterprise", "large company", "企业", "公司",
            "中小企业", "初创企业", "私营企业", "民营企业",
        ],
        "university": [
            "university", "universities", "higher education", "higher education institution", "hes", "hei", "college",
            "university of applied sciences", "polytechnic", "高校", "大学", "学院", "高等院校",
        ],
        "institute": [
            "institute", "research institute", "research institution", "research organisation", "research organization",
            "research centre", "research center", "research", "rec", "rto", "laboratory", "研究所", "研究院", "科研院所",
            "研究机构", "科研机构", "实验室",
        ],
        "public": [
            "public", "public body", "public authority", "public sector", "government", "government agency", "agency",
            "municipality", "city council", "pub", "政府", "政府机构", "公共机构", "事业单位", "政府部门",
        ],
        "other": [
            "other", "association", "cluster", "ngo", "non profit", "nonprofit", "not for profit", "foundation", "network",
            "chamber of commerce", "oth", "协会", "联盟", "基金会", "产业集群", "商会", "其他",
        ],
        "foreign_rnd_centre_in_china": [
            "foreign rnd centre in china", "r&d centre in china", "r&d center in china", "在华研发中心", "外资研发中心",
        ],
    ]

    private static let lookup: [String: String] = {
        var table: [String: String] = [:]
        for (kind, names) in Self.spellings {
            for name in names { table[Self.key(name)] = kind }
        }
        return table
    }()

    /// The stored kind a source's word means; nil when it means none of them.
    static func kind(for written: String) -> String? {
        // Most lines already say `company` or `PRC`: a direct hit needs no normalising.
        Self.lookup[written] ?? Self.lookup[Self.key(written)]
    }

    /// Case, underscores, hyphens and runs of spaces do not tell spellings apart.
    private static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" }).joined(separator: " ")
    }
}
