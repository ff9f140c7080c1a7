/// The UK Midlands Engine call (英国中部引擎地区) is decided by county — the notice lists 11, 林肯郡 … 伍斯特郡 — not by
/// a city's name. This table holds each county's local authority districts and main towns, in English and Chinese,
/// plus the metropolitan West Midlands (Birmingham, Coventry, Wolverhampton …), which lies among them but is not one
/// of them. The registry's eligibility check and the matching service's hints both read it.
public enum MidlandsEngine {
    /// The notice's 11 counties, in its order, with their Chinese names as the notice writes them.
    public static let counties: [(english: String, chinese: String)] = [
        ("Lincolnshire", "林肯郡"), ("Northamptonshire", "北安普敦郡"), ("Derbyshire", "德比郡"), ("Nottinghamshire", "诺丁汉郡"),
        ("Leicestershire", "莱斯特郡"), ("Rutland", "拉特兰郡"), ("Staffordshire", "斯塔福德郡"), ("Warwickshire", "沃里克郡"),
        ("Shropshire", "什罗普郡"), ("Herefordshire", "赫里福德郡"), ("Worcestershire", "伍斯特郡"),
    ]

    /// The notice's 11 counties by their English names.
    public static let eligible: [String] = Self.counties.map(\.english)

    /// The metropolitan county in their midst that the notice does not list.
    public static let westMidlands = "West Midlands"

    /// "德比郡（Derbyshire）" for a county, the English name alone for anything else.
    public static func bilingualName(of county: String) -> String {
        if let entry = Self.counties.first(where: { $0.english == county }) { return "\(entry.chinese)（\(entry.english)）" }
        if county == Self.westMidlands { return "西米德兰兹（West Midlands）" }
        return county
    }

    /// The counties as a list for a hint: "林肯郡、北安普敦郡…" in Chinese, "Lincolnshire, …" in English.
    public static func list(chinese: Bool) -> String {
        chinese ? Self.counties.map(\.chinese).joined(separator: "、") : Self.eligible.joined(separator: ", ")
    }

    /// Names that identify a county: the county itself (English and Chinese), its districts and main towns.
    private static let places: [String: [String]] = [
        "Lincolnshire": [
            "lincolnshire", "林肯郡", "lincoln", "林肯", "boston", "east lindsey", "north kesteven", "south holland",
            "south kesteven", "west lindsey", "north lincolnshire", "north east lincolnshire", "grantham", "grimsby",
            "scunthorpe", "skegness", "spalding", "sleaford", "gainsborough", "louth", "stamford",
        ],
        "Northamptonshire": [
            "northamptonshire", "北安普敦郡", "北安普顿郡", "north northamptonshire", "west northamptonshire", "northampton",
            "北安普敦", "kettering", "corby", "wellingborough", "daventry", "brackley", "towcester", "rushden",
        ],
        "Derbyshire": [
            "derbyshire", "德比郡", "derby", "德比", "amber valley", "bolsover", "chesterfield", "derbyshire dales",
            "erewash", "high peak", "north east derbyshire", "south derbyshire", "buxton", "matlock", "ilkeston",
            "glossop", "belper", "swadlincote",
        ],
        "Nottinghamshire": [
            "nottinghamshire", "诺丁汉郡", "nottingham", "诺丁汉", "ashfield", "bassetlaw", "broxtowe", "gedling",
            "mansfield", "newark and sherwood", "newark-on-trent", "rushcliffe", "worksop", "retford", "beeston",
            "west bridgford", "hucknall", "sutton-in-ashfield",
        ],
        "Leicestershire": [
            "leicestershire", "莱斯特郡", "leicester", "莱斯特", "blaby", "charnwood", "harborough", "hinckley",
            "hinckley and bosworth", "melton", "north west leicestershire", "oadby and wigston", "loughborough",
            "market harborough", "melton mowbray", "coalville", "ashby-de-la-zouch", "lutterworth",
        ],
        "Rutland": ["rutland", "拉特兰郡", "拉特兰", "oakham", "uppingham"],
        "Staffordshire": [
            "staffordshire", "斯塔福德郡", "stafford", "cannock chase", "cannock", "east staffordshire", "lichfield",
            "newcastle-under-lyme", "south staffordshire", "staffordshire moorlands", "tamworth", "stoke-on-trent",
            "stoke on trent", "斯托克", "burton upon trent", "burton-upon-trent", "leek", "rugeley",
        ],
        "Warwickshire": [
            "warwickshire", "沃里克郡", "warwick", "沃里克", "north warwickshire", "nuneaton and bedworth", "nuneaton",
            "bedworth", "rugby", "stratford-on-avon", "stratford-upon-avon", "leamington spa", "royal leamington spa",
            "kenilworth", "atherstone",
        ],
        "Shropshire": [
            "shropshire", "什罗普郡", "telford and wrekin", "telford", "shrewsbury", "oswestry", "bridgnorth",
            "ludlow", "market drayton", "whitchurch",
        ],
        // The notice itself spells it "Herfordshire".
        "Herefordshire": ["herefordshire", "herfordshire", "赫里福德郡", "hereford", "赫里福德", "leominster", "ross-on-wye", "ledbury", "kington"],
        "Worcestershire": [
            "worcestershire", "伍斯特郡", "worcester", "伍斯特", "bromsgrove", "malvern hills", "malvern", "redditch",
            "wychavon", "wyre forest", "kidderminster", "evesham", "droitwich spa", "droitwich", "pershore",
            "stourport-on-severn",
        ],
        "West Midlands": [
            "west midlands", "西米德兰兹", "birmingham", "伯明翰", "coventry", "考文垂", "wolverhampton", "伍尔弗汉普顿",
            "dudley", "sandwell", "solihull", "walsall", "west bromwich", "sutton coldfield", "stourbridge", "halesowen",
            "oldbury", "smethwick",
        ],
    ]

    /// The county a partner is in, read from the most specific field that names one: county, then district,
    /// city and address. Nil when none names a known place, or when one field names places in two counties.
    public static func county(county: String?, district: String?, city: String?, address: String?) -> String? {
        for field in [county, district, city, address] {
            guard let text = field?.lowercased(), !text.isEmpty else { continue }
            let found = Set(Self.places.compactMap { county, names in
                names.contains { Self.mentions(text, $0) } ? county : nil
            })
            // A county named outright outranks a town that happens to share its name.
            let counties = found.filter { text.contains($0.lowercased()) }
            if counties.count == 1 { return counties.first }
            if found.count == 1 { return found.first }
        }
        return nil
    }

    /// Where a NUTS 2021 code puts a UK partner (the UK's ITL codes are the same for these regions).
    public enum NUTSPlacement: Sendable, Hashable {
        /// In the notice's counties: one county, or a NUTS region made only of them
        /// ("Derbyshire and Nottinghamshire" for UKF1).
        case engine(String)
        /// In the metropolitan West Midlands (UKG3), which the notice does not list.
        case westMidlands
        /// Elsewhere in the UK.
        case outside
    }

    /// NUTS 3 (and NUTS 2 where all of it is in the notice's counties) → county or area. UKE13, North and North
    /// East Lincolnshire, is part of ceremonial Lincolnshire; UKF23 is the 2016 code for all Northamptonshire.
    private static let nuts: [String: String] = [
        "UKF1": "Derbyshire and Nottinghamshire", "UKF11": "Derbyshire", "UKF12": "Derbyshire", "UKF13": "Derbyshire",
        "UKF14": "Nottinghamshire", "UKF15": "Nottinghamshire", "UKF16": "Nottinghamshire",
        "UKF2": "Leicestershire, Rutland and Northamptonshire", "UKF21": "Leicestershire", "UKF22": "Leicestershire and Rutland",
        "UKF23": "Northamptonshire", "UKF24": "Northamptonshire", "UKF25": "Northamptonshire",
        "UKF3": "Lincolnshire", "UKF30": "Lincolnshire", "UKE13": "Lincolnshire",
        "UKG1": "Herefordshire, Worcestershire and Warwickshire", "UKG11": "Herefordshire", "UKG12": "Worcestershire",
        "UKG13": "Warwickshire",
        "UKG2": "Shropshire and Staffordshire", "UKG21": "Shropshire", "UKG22": "Shropshire", "UKG23": "Staffordshire",
        "UKG24": "Staffordshire",
    ]

    /// The counties an area named by `placement(nutsCode:)` is made of ("Leicestershire and Rutland" →
    /// Leicestershire, Rutland); a county alone for a county; nothing for any other name.
    public static func counties(inArea area: String) -> [String] {
        if Self.eligible.contains(area) { return [area] }
        guard Self.nuts.values.contains(area) else { return [] }
        return Self.eligible.filter { area.contains($0) }
    }

    /// Where a UK NUTS 2021 code places a partner; nil when the code is not a UK one or too coarse to tell
    /// (`UK`, `UKF`, `UKG`, and `UKE1`, which holds Lincolnshire's north and Yorkshire's east).
    public static func placement(nutsCode: String) -> NUTSPlacement? {
        let code = nutsCode.uppercased().trimmingCharacters(in: .whitespaces)
        guard code.hasPrefix("UK"), code.count >= 3 else { return nil }
        for length in stride(from: min(code.count, 5), through: 4, by: -1) {
            if let area = Self.nuts[String(code.prefix(length))] { return .engine(area) }
        }
        if code.hasPrefix("UKG3") { return .westMidlands }
        if code.count < 4 || code == "UKE1" || code == "UKF" || code == "UKG" { return nil }
        return .outside
    }

    /// Whether `text` mentions `name` as a whole word (Chinese names match anywhere).
    private static func mentions(_ text: String, _ name: String) -> Bool {
        guard name.unicodeScalars.allSatisfy(\.isASCII) else { return text.contains(name) }
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: name, range: searchRange) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }
}
