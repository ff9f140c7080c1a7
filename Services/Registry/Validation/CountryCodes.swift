import Shared

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

    /// Every name a country is written by (lower-cased for English): the names people read (``CountryNames``,
    /// with and without a leading "the"), and the other names they write.
    private static let names: [String: String] = {
        var names = Self.otherNames
        for country in CountryNames.all {
            let english = country.en.lowercased()
            names[country.zh] = country.code
            names[english] = country.code
            if english.hasPrefix("the ") { names[String(english.dropFirst(4))] = country.code }
        }
        return names
    }()

    /// Names beside those people read: short and long Chinese forms, the countries' own languages, the ISO long
    /// names, common English short forms, and the Chinese regions as the national standard (GB/T 2659) names them.
    private static let otherNames: [String: String] = [
        "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "czech republic": "CZ", "usa": "US",
        "korea": "KR", "vietnam": "VN", "中华人民共和国": "CN", "people's republic of china": "CN",
        "香港": "HK", "hong kong": "HK", "澳门": "MO", "macao": "MO", "macau": "MO", "台湾": "TW", "taiwan": "TW",
        "以色列国": "IL", "state of israel": "IL", "芬兰共和国": "FI", "suomi": "FI", "republic of finland": "FI",
        "挪威王国": "NO", "norge": "NO", "noreg": "NO", "kingdom of norway": "NO",
        "新加坡共和国": "SG", "republic of singapore": "SG", "比利时王国": "BE", "belgië": "BE", "belgie": "BE",
        "belgique": "BE", "belgien": "BE", "kingdom of belgium": "BE",
        "大不列颠及北爱尔兰联合王国": "GB", "united kingdom of great britain and northern ireland": "GB", "the uk": "GB",
        "u.k.": "GB", "英格兰": "GB", "苏格兰": "GB", "scotland": "GB", "wales": "GB",
        "turkiye": "TR", "turkey": "TR", "deutschland": "DE", "nederland": "NL",
        "sverige": "SE", "danmark": "DK", "schweiz": "CH", "suisse": "CH", "österreich": "AT", "italia": "IT",
        "españa": "ES", "polska": "PL", "česko": "CZ", "eesti": "EE", "ísland": "IS", "美利坚合众国": "US",
        "united states of america": "US", "u.s.": "US", "u.s.a.": "US", "大韩民国": "KR",
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
