/// ISO 3166-1 alpha-2 codes, and the Chinese and English names people write instead of them.
enum CountryCodes {
    /// Every assigned alpha-2 code (249).
    static let all: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO \
        FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE \
        JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO \
        MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW \
        PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM \
        TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    /// Names of the programme's partner countries and of the countries enterprises most often name, by the forms
    /// people use (lower-cased for English).
    private static let names: [String: String] = [
        "芬兰": "FI", "finland": "FI", "以色列": "IL", "israel": "IL", "挪威": "NO", "norway": "NO",
        "新加坡": "SG", "singapore": "SG", "比利时": "BE", "belgium": "BE", "英国": "GB", "united kingdom": "GB",
        "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "德国": "DE", "germany": "DE",
        "法国": "FR", "france": "FR", "荷兰": "NL", "netherlands": "NL", "the netherlands": "NL", "瑞典": "SE",
        "sweden": "SE", "丹麦": "DK", "denmark": "DK", "瑞士": "CH", "switzerland": "CH", "奥地利": "AT",
        "austria": "AT", "意大利": "IT", "italy": "IT", "西班牙": "ES", "spain": "ES", "爱尔兰": "IE",
        "ireland": "IE", "波兰": "PL", "poland": "PL", "匈牙利": "HU", "hungary": "HU", "捷克": "CZ",
        "czechia": "CZ", "czech republic": "CZ", "美国": "US", "united states": "US", "usa": "US", "加拿大": "CA",
        "canada": "CA", "日本": "JP", "japan": "JP", "韩国": "KR", "south korea": "KR", "korea": "KR",
        "澳大利亚": "AU", "australia": "AU", "新西兰": "NZ", "new zealand": "NZ", "俄罗斯": "RU", "russia": "RU",
        "印度": "IN", "india": "IN", "巴西": "BR", "brazil": "BR", "阿联酋": "AE", "united arab emirates": "AE",
        "沙特阿拉伯": "SA", "saudi arabia": "SA", "马来西亚": "MY", "malaysia": "MY", "泰国": "TH", "thailand": "TH",
        "越南": "VN", "vietnam": "VN", "viet nam": "VN", "印度尼西亚": "ID", "indonesia": "ID", "冰岛": "IS",
        "iceland": "IS", "爱沙尼亚": "EE", "estonia": "EE", "葡萄牙": "PT", "portugal": "PT", "希腊": "GR",
        "greece": "GR", "卢森堡": "LU", "luxembourg": "LU", "南非": "ZA", "south africa": "ZA",
        // Names as people also write them: full and short Chinese forms, the countries' own languages, the ISO
        // long names, and the Chinese regions as the national standard (GB/T 2659) names them.
        "中国": "CN", "china": "CN", "中华人民共和国": "CN", "people's republic of china": "CN",
        "中国香港": "HK", "香港": "HK", "hong kong": "HK", "中国澳门": "MO", "澳门": "MO", "macao": "MO", "macau": "MO",
        "中国台湾": "TW", "台湾": "TW", "taiwan": "TW",
        "以色列国": "IL", "state of israel": "IL", "芬兰共和国": "FI", "suomi": "FI", "republic of finland": "FI",
        "挪威王国": "NO", "norge": "NO", "noreg": "NO", "kingdom of norway": "NO",
        "新加坡共和国": "SG", "republic of singapore": "SG", "比利时王国": "BE", "belgië": "BE", "belgie": "BE",
        "belgique": "BE", "belgien": "BE", "kingdom of belgium": "BE",
        "大不列颠及北爱尔兰联合王国": "GB", "united kingdom of great britain and northern ireland": "GB", "the uk": "GB",
        "u.k.": "GB", "the united kingdom": "GB", "英格兰": "GB", "苏格兰": "GB", "scotland": "GB", "wales": "GB",
        "土耳其": "TR", "türkiye": "TR", "turkiye": "TR", "turkey": "TR", "deutschland": "DE", "nederland": "NL",
        "sverige": "SE", "danmark": "DK", "schweiz": "CH", "suisse": "CH", "österreich": "AT", "italia": "IT",
        "españa": "ES", "polska": "PL", "česko": "CZ", "eesti": "EE", "ísland": "IS", "美利坚合众国": "US",
        "united states of america": "US", "the united states": "US", "u.s.": "US", "u.s.a.": "US", "大韩民国": "KR",
        "republic of korea": "KR", "俄罗斯联邦": "RU", "russian federation": "RU", "德意志联邦共和国": "DE",
        "法兰西共和国": "FR", "荷兰王国": "NL", "瑞典王国": "SE", "丹麦王国": "DK", "日本国": "JP",
    ]

    /// The programme's European countries, for a need that says only 欧洲 / Europe.
    static let europeanProgrammeCountries = ["FI", "NO", "BE", "GB"]

    /// The alpha-2 code for a code or a name, or nil.
    static func code(for input: String) -> String? {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 2, Self.all.contains(trimmed.uppercased()) { return trimmed.uppercased() }
        return Self.names[trimmed.lowercased()]
    }
}
