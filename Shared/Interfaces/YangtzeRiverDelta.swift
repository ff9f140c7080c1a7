import Foundation

/// The Yangtze River Delta (长三角) of the notice: Finland and Singapore "优先支持申报企业联合长三角相关单位" — the
/// Zhejiang applicant teaming up with units from Shanghai, Jiangsu, Zhejiang or Anhui. The registry's eligibility
/// check and the matching service's programme ranking both ask this one rule, so they cannot disagree.
public enum YangtzeRiverDelta {
    /// The four provincial-level divisions, as people write them: short and full Chinese names, one-character
    /// abbreviations used in names (沪, 苏, 皖 — 浙 is left out: every applicant is Zhejiang's), and English.
    private static let provinces: [(name: String, spellings: [String])] = [
        ("上海", ["上海", "上海市", "shanghai", "shanghai municipality", "沪"]),
        ("江苏", ["江苏", "江苏省", "jiangsu", "jiangsu province", "苏"]),
        ("浙江", ["浙江", "浙江省", "zhejiang", "zhejiang province"]),
        ("安徽", ["安徽", "安徽省", "anhui", "anhui province", "皖"]),
    ]

    /// Major cities of the other three provinces, by which a unit is often named (上海交通大学, 南京大学, 合肥…).
    private static let cities: [String] = [
        "南京", "苏州", "无锡", "常州", "南通", "扬州", "镇江", "泰州", "盐城", "徐州", "连云港", "淮安", "宿迁",
        "合肥", "芜湖", "马鞍山", "安庆", "蚌埠", "滁州", "宣城", "铜陵",
        "nanjing", "suzhou", "wuxi", "changzhou", "nantong", "yangzhou", "hefei", "wuhu",
    ]

    /// The province a written place names ("江苏省" → 江苏, "Shanghai" → 上海), or nil outside the Delta.
    public static func province(named text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !cleaned.isEmpty else { return nil }
        for province in Self.provinces where province.spellings.contains(cleaned) { return province.name }
        return nil
    }

    /// Whether a participant's province (as written) lies in the Delta.
    public static func contains(province text: String?) -> Bool {
        Self.province(named: text) != nil
    }

    /// Whether a form's need says the applicant teams up with Delta units besides itself: the words 长三角 /
    /// Yangtze River Delta, or a unit of Shanghai, Jiangsu or Anhui named in the project or the partner sought.
    /// The applicant's own address does not count: every applicant is in Zhejiang.
    public static func teamsUp(in form: PartnerSearchForm) -> Bool {
        let texts = [
            form.project.description, form.project.technicalArea, form.partner.expertiseSought,
            form.partner.contributionSought, form.organization.comments ?? "",
        ]
        let text = texts.joined(separator: "\n").lowercased()
        if text.contains("长三角") || text.contains("yangtze river delta") || text.contains("长江三角洲") { return true }
        let outsideZhejiang = Self.provinces.filter { $0.name != "浙江" }
            .flatMap { $0.spellings.filter { $0.count > 1 } } + Self.cities
        return outsideZhejiang.contains { text.contains($0) }
    }
}
