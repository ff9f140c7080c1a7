import Foundation
import Shared

/// The checks every partner profile passes, whether it comes in a file or typed in by staff: the same fields
/// refused for the same reasons, and the same county or province read from its NUTS code or town.
enum PartnerProfileRules {
    /// A profile's fields as read, before checking: text as the sender wrote it.
    struct Raw {
        var values: [String: String] = [:]
        var keywords: [String] = []
        /// Problems found while reading (a wrong JSON type), reported with the rest.
        var problems: [FieldProblem] = []

        subscript(field: String) -> String? {
            get { self.values[field] }
            set { self.values[field] = newValue }
        }

        /// The fields of a profile as it travels on the wire, so that one typed in is checked like a line.
        init(_ profile: PartnerProfile) {
            self.values = [
                "externalId": profile.externalId, "name": profile.name, "country": profile.country, "kind": profile.kind,
                "expertise": profile.expertise, "source": profile.source,
            ]
            self.values["region"] = profile.region
            self.values["city"] = profile.city
            self.values["offers"] = profile.offers
            self.values["seeks"] = profile.seeks
            self.values["expiresOn"] = profile.expiresOn
            self.values["nutsCode"] = profile.nutsCode
            self.values["website"] = profile.website
            self.values["contactName"] = profile.contact?.name
            self.values["contactPosition"] = profile.contact?.position
            self.values["contactEmail"] = profile.contact?.email
            self.values["contactPhone"] = profile.contact?.phone
            self.keywords = profile.keywords
        }

        init() {}
    }

    /// The clean profile, or every problem with it (paths as `partners.upsert` names them: `contact.email`).
    static func validate(_ raw: Raw, defaultSource: String? = nil) -> Result<PartnerProfile, ProfileProblems> {
        var problems = raw.problems
        func add(_ path: String, _ code: String, _ zh: String, _ en: String) {
            problems.append(FieldProblem(path: path, code: code, messageZh: zh, messageEn: en))
        }
        func text(_ field: String, _ path: String? = nil, maximum: Int, required: Bool = false, multiline: Bool = false, value: String? = nil) -> String? {
            let path = path ?? field
            // Swift's own white-space test: Foundation's trimming bridges through NSString, and was the dearest step.
            guard let given = value ?? raw[field], !given.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
                if required { add(path, "required", "此项为必填项", "this field is required") }
                return nil
            }
            switch TextRules.clean(given, maximumCharacters: maximum, multiline: multiline) {
            case .success(let clean): return clean
            case .failure(let problem):
                problems.append(problem.fieldProblem(path: path))
                return nil
            }
        }
        let externalId = text("externalId", maximum: 100, required: true)
        let name = text("name", maximum: 300, required: true)
        var country: String? = nil
        if let given = text("country", maximum: 60, required: true) {
            country = CountryCodes.code(for: given)
            if country == nil {
                add("country", "invalid_country", "无法识别的国家或地区“\(given)”，请填写 ISO 3166-1 两位代码（如 FI）或国名", "unknown country or region '\(given)'; use an ISO 3166-1 code such as FI, or the country's name")
            }
        }
        var region = text("region", maximum: 100)
        let city = text("city", maximum: 100)
        var kind: String? = nil
        if let given = text("kind", maximum: 60, required: true) {
            kind = PartnerKinds.kind(for: given)
            if kind == nil {
                add("kind", "invalid_kind", "无法识别的机构类型“\(given)”；可填 company（企业）、university（高校）、institute（科研院所）、public（政府及公共机构）、other（协会、产业集群、非政府组织、基金会）", "unknown kind '\(given)'; use company, university, institute, public (public bodies) or other (associations, clusters, NGOs, foundations)")
            }
        }
        let expertise = text("expertise", maximum: 5_000, required: true, multiline: true)
        let offers = text("offers", maximum: 5_000, multiline: true)
        let seeks = text("seeks", maximum: 5_000, multiline: true)
        var keywords: [String] = []
        for (index, keyword) in raw.keywords.enumerated() {
            if let clean = text("keywords", "keywords[\(index)]", maximum: 100, value: keyword) { keywords.append(clean) }
        }
        let source = text("source", maximum: 100, value: raw["source"].flatMap { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : $0 } ?? defaultSource)
        if source == nil && !problems.contains(where: { $0.path == "source" }) {
            add("source", "required", "此项为必填项（可在导入时用 --source 统一指定）", "this field is required (or give it once for the file with --source)")
        }
        var expiresOn = text("expiresOn", maximum: 30)
        if let given = expiresOn {
            expiresOn = Self.day(given)
            if expiresOn == nil {
                add("expiresOn", "invalid_date", "有效期须为日期，写作 YYYY-MM-DD（所填为“\(given)”）", "expiresOn must be a date written YYYY-MM-DD, not '\(given)'")
            }
        }
        var nutsCode: String? = nil
        if let given = text("nutsCode", maximum: 20) {
            let code = given.uppercased().filter { !$0.isWhitespace }
            let letters = code.unicodeScalars
            let shaped = (2...5).contains(letters.count) && letters.prefix(2).allSatisfy { ("A"..."Z").contains($0) }
                && letters.dropFirst(2).allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            if !shaped {
                add("nutsCode", "invalid_nuts", "NUTS 代码格式不正确（应如 UKG13、BE251）：“\(given)”", "not a NUTS 2021 code (such as UKG13 or BE251): '\(given)'")
            } else if let country, Self.nutsPrefix(of: country) != String(code.prefix(2)) {
                add("nutsCode", "nuts_country_mismatch", "NUTS 代码 \(code) 不属于所填国家 \(country)", "the NUTS code \(code) is not in \(country), the profile's country")
            } else {
                nutsCode = code
            }
        }
        var website = text("website", maximum: 500)
        if let given = website {
            if TextRules.isWebAddress(given) {
            } else if TextRules.isWebAddress("https://" + given) {
                website = "https://" + given
            } else {
                add("website", "invalid_url", "网址格式不正确：“\(given)”", "not a web address: '\(given)'")
            }
        }
        var contact = PartnerContact(
            name: text("contactName", "contact.name", maximum: 100), position: text("contactPosition", "contact.position", maximum: 100),
            email: nil, phone: nil)
        if let given = text("contactEmail", "contact.email", maximum: 300) {
            contact.email = ContactRules.normalizedEmails(given)
            if contact.email == nil {
                add("contact.email", "invalid_email", "电子邮件地址格式不正确：“\(given)”", "not an e-mail address: '\(given)'")
            }
        }
        if let given = text("contactPhone", "contact.phone", maximum: 100) {
            let written = ContactRules.halfWidth(given).trimmingCharacters(in: .whitespaces)
            // A foreign number is only unambiguous with its country code: "040 123 4567" could be anywhere.
            if country != "CN" && !(written.hasPrefix("+") || written.hasPrefix("00")) {
                add("contact.phone", "invalid_phone", "境外电话号码须以 + 和国家代码开头（如 +358 40 123 4567）：“\(given)”", "a foreign phone number must start with + and the country code (such as +358 40 123 4567), not '\(given)'")
            } else if case .success(let phone) = ContactRules.normalizedPhones(written) {
                contact.phone = phone
            } else {
                add("contact.phone", "invalid_phone", "电话号码格式不正确：“\(given)”", "not a phone number: '\(given)'")
            }
        }
        region = Self.region(country: country, region: region, city: city, nutsCode: nutsCode)
        guard problems.isEmpty, let externalId, let name, let country, let kind, let expertise, let source else {
            return .failure(ProfileProblems(fields: problems))
        }
        let hasContact = contact.name != nil || contact.email != nil || contact.phone != nil || contact.position != nil
        return .success(PartnerProfile(
            externalId: externalId, name: name, country: country, region: region, city: city, kind: kind,
            expertise: expertise, offers: offers, seeks: seeks, keywords: keywords, source: source, expiresOn: expiresOn,
            nutsCode: nutsCode, website: website, contact: hasContact ? contact : nil))
    }

    /// The region a profile is filed under. For the UK, the county: from the NUTS code when it tells one, which
    /// wins over the town (the Manufacturing Technology Centre is in "Coventry" but UKG13, Warwickshire); else
    /// from the region and town. For Belgium, West Flanders by its code BE25.
    static func region(country: String?, region: String?, city: String?, nutsCode: String?) -> String? {
        if country == "GB" {
            switch nutsCode.flatMap(MidlandsEngine.placement(nutsCode:)) {
            case .engine(let area)?: return area
            case .westMidlands?: return MidlandsEngine.westMidlands
            case .outside?:
                // Outside the Midlands; a region that names a Midlands county by mistake must not place it there.
                return region.flatMap { MidlandsEngine.counties(inArea: $0).isEmpty && $0 != MidlandsEngine.westMidlands ? $0 : nil }
            case nil:
                return MidlandsEngine.county(county: region, district: nil, city: city, address: nil) ?? region
            }
        }
        if country == "BE", let nutsCode, let inside = WestFlanders.contains(nutsCode: nutsCode) {
            return inside ? "West Flanders" : region.flatMap { WestFlanders.contains($0) ? nil : $0 }
        }
        if country == "BE", let place = region ?? city, WestFlanders.contains(place) { return "West Flanders" }
        return region
    }

    /// NUTS writes the UK as `UK` and Greece as `EL`; every other country by its ISO code.
    private static func nutsPrefix(of country: String) -> String {
        switch country {
        case "GB": "UK"
        case "GR": "EL"
        default: country
        }
    }

    /// A day as `YYYY-MM-DD`: written so, as a date and time, as `2026/12/31`, or as a spreadsheet's serial day
    /// number (46387 is 2026-12-31), which is how Excel stores a date cell.
    static func day(_ text: String) -> String? {
        let written = text.trimmingCharacters(in: .whitespaces)
        // Year, month and day as digits between "-" or "/", optionally followed by a time.
        let datePart = written.prefix { $0 != " " && $0 != "T" }
        let fields = datePart.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
        if fields.count == 3, fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
           fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
           let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2])
        {
            guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            return Self.format(year, month, day)
        }
        if let serial = Int(written), serial >= 1, serial < 2_958_466 {
            // Day 25569 is 1970-01-01 in Excel's 1900 date system.
            let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
            return String(Timestamp.string(from: date).prefix(10))
        }
        return nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}

/// Every problem of one profile.
struct ProfileProblems: Error {
    var fields: [FieldProblem]
}
