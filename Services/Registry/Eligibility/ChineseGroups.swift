/// Tells a Chinese group from a foreign one among the parents that applicants name for the R&D-centre call, which
/// needs a *foreign* Fortune Global 500 company: 吉利控股 is on the Global 500 but is Chinese.
///
/// A parent is Chinese when its name says so ("中国…", "China …", "…（中国）集团" is not enough: foreign groups have
/// Chinese subsidiaries named that way, so only the leading word counts) or when it is one of the Chinese groups
/// on the Global 500 that applicants meet most, Zhejiang's own among them.
enum ChineseGroups {
    private static let names: [String] = [
        "吉利", "geely", "阿里巴巴", "alibaba", "华为", "huawei", "腾讯", "tencent", "联想", "lenovo", "京东", "jd.com",
        "比亚迪", "byd", "美的", "midea", "海尔", "haier", "小米", "xiaomi", "物产中大", "荣盛", "rongsheng", "恒力",
        "hengli", "青山", "tsingshan", "恒逸", "hengyi", "浙江交通投资", "国家电网", "state grid", "中国石化", "sinopec",
        "中国石油", "petrochina", "cnpc", "中国建筑", "中国平安", "ping an", "工商银行", "建设银行", "农业银行", "中国银行",
        "上汽", "saic", "东风", "dongfeng", "一汽", "faw", "宝武", "baowu", "中粮", "cofco", "中国中车", "crrc", "宁德时代",
        "catl", "万科", "vanke", "碧桂园", "country garden", "顺丰", "sf express", "海康威视", "hikvision", "立讯", "luxshare",
    ]

    /// Whether `parent` names a Chinese group.
    static func isChinese(_ parent: String) -> Bool {
        let text = parent.lowercased().trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("中国") || text.hasPrefix("china ") || text.hasPrefix("中华") { return true }
        return Self.names.contains { text.contains($0) }
    }
}
