/// Countries by their names in Chinese and English, for what people read: reasons, letters, views. Codes stay on
/// the wire; a person reads 以色列 / Israel. Hong Kong, Macao and Taiwan are named as the national standard
/// (GB/T 2659) names them.
public enum CountryNames {
    private static let names: [String: (zh: String, en: String)] = [
        "FI": ("芬兰", "Finland"), "IL": ("以色列", "Israel"), "NO": ("挪威", "Norway"), "SG": ("新加坡", "Singapore"),
        "BE": ("比利时", "Belgium"), "GB": ("英国", "the United Kingdom"), "CN": ("中国", "China"),
        "HK": ("中国香港", "Hong Kong, China"), "MO": ("中国澳门", "Macao, China"), "TW": ("中国台湾", "Taiwan, China"),
        "DE": ("德国", "Germany"), "FR": ("法国", "France"), "NL": ("荷兰", "the Netherlands"), "SE": ("瑞典", "Sweden"),
        "DK": ("丹麦", "Denmark"), "US": ("美国", "the United States"), "JP": ("日本", "Japan"), "KR": ("韩国", "South Korea"),
        "CH": ("瑞士", "Switzerland"), "AT": ("奥地利", "Austria"), "IT": ("意大利", "Italy"), "ES": ("西班牙", "Spain"),
        "IE": ("爱尔兰", "Ireland"), "PL": ("波兰", "Poland"), "HU": ("匈牙利", "Hungary"), "CZ": ("捷克", "Czechia"),
        "CA": ("加拿大", "Canada"), "AU": ("澳大利亚", "Australia"), "NZ": ("新西兰", "New Zealand"), "RU": ("俄罗斯", "Russia"),
        "IN": ("印度", "India"), "BR": ("巴西", "Brazil"), "AE": ("阿联酋", "the United Arab Emirates"),
        "SA": ("沙特阿拉伯", "Saudi Arabia"), "MY": ("马来西亚", "Malaysia"), "TH": ("泰国", "Thailand"), "VN": ("越南", "Viet Nam"),
        "ID": ("印度尼西亚", "Indonesia"), "IS": ("冰岛", "Iceland"), "EE": ("爱沙尼亚", "Estonia"), "PT": ("葡萄牙", "Portugal"),
        "GR": ("希腊", "Greece"), "LU": ("卢森堡", "Luxembourg"), "ZA": ("南非", "South Africa"), "TR": ("土耳其", "Türkiye"),
    ]

    /// Every country listed, with its names.
    public static var all: [(code: String, zh: String, en: String)] {
        Self.names.map { (code: $0.key, zh: $0.value.zh, en: $0.value.en) }
    }

    /// The English name, or the code for a country not listed.
    public static func english(_ code: String) -> String { Self.names[code]?.en ?? code }
    /// The Chinese name, or the code for a country not listed.
    public static func chinese(_ code: String) -> String { Self.names[code]?.zh ?? code }
    /// "以色列 Israel".
    public static func bilingual(_ code: String) -> String {
        guard let name = Self.names[code] else { return code }
        return "\(name.zh) \(name.en.hasPrefix("the ") ? String(name.en.dropFirst(4)) : name.en)"
    }
}
