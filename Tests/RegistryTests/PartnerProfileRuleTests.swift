import Foundation
import Shared
import Testing

@testable import Registry

/// How a partner profile's fields are read, as the sources write them.
@Suite("Partner profile rules")
struct PartnerProfileRuleTests {
    private func raw(_ values: [String: String]) -> PartnerProfileRules.Raw {
        var raw = PartnerProfileRules.Raw()
        var base = ["externalId": "X-1", "name": "Example", "country": "FI", "kind": "company", "expertise": "Water", "source": "test"]
        base.merge(values) { _, new in new }
        raw.values = base
        return raw
    }

    private func profile(_ values: [String: String]) throws -> PartnerProfile {
        try PartnerProfileRules.validate(self.raw(values)).get()
    }

    private func problems(_ values: [String: String]) -> [String] {
        guard case .failure(let problems) = PartnerProfileRules.validate(self.raw(values)) else { return [] }
        return problems.fields.map(\.path)
    }

    @Test("kinds as CORDIS, the EEN and Chinese sources write them", arguments: [
        ("PRC", "company"), ("SME", "company"), ("企业", "company"), ("公司", "company"), ("HES", "university"),
        ("高校", "university"), ("大学", "university"), ("REC", "institute"), ("研究所", "institute"), ("科研院所", "institute"),
        ("PUB", "public"), ("public", "public"), ("OTH", "other"), ("cluster", "other"), ("Association", "other"),
        ("NGO", "other"), ("foundation", "other"), ("Research Organisation", "institute"),
    ])
    func kinds(written: String, stored: String) throws {
        #expect(try self.profile(["kind": written]).kind == stored)
    }

    @Test("an unknown kind is refused, naming the accepted ones in both languages")
    func unknownKind() {
        guard case .failure(let problems) = PartnerProfileRules.validate(self.raw(["kind": "spaceship"])) else {
            Issue.record("accepted")
            return
        }
        let kind = problems.fields.first { $0.path == "kind" }
        #expect(kind?.messageEn.contains("company, university, institute, public") == true)
        #expect(kind?.messageZh.contains("科研院所") == true)
    }

    @Test("the NUTS code decides the UK county and West Flanders, before the town")
    func nutsRegions() throws {
        #expect(try self.profile(["country": "GB", "city": "Coventry", "region": "West Midlands", "nutsCode": "UKG13"]).region == "Warwickshire")
        #expect(try self.profile(["country": "GB", "city": "Birmingham", "nutsCode": "UKG31"]).region == "West Midlands")
        #expect(try self.profile(["country": "GB", "city": "Coventry"]).region == "West Midlands", "without a code, the town")
        #expect(try self.profile(["country": "GB", "nutsCode": "UKF22"]).region == "Leicestershire and Rutland")
        #expect(try self.profile(["country": "GB", "nutsCode": "uke13"]).nutsCode == "UKE13")
        #expect(try self.profile(["country": "GB", "nutsCode": "UKI32", "region": "Derbyshire"]).region == nil,
                "a code outside the Midlands is not overruled by a county name")
        #expect(try self.profile(["country": "BE", "city": "Brugge", "nutsCode": "BE251"]).region == "West Flanders")
        #expect(try self.profile(["country": "BE", "city": "Kortrijk"]).region == "West Flanders")
        #expect(self.problems(["country": "FI", "nutsCode": "UKG13"]) == ["nutsCode"], "a code of another country")
        #expect(self.problems(["country": "GB", "nutsCode": "Coventry"]) == ["nutsCode"])
    }

    @Test("contacts as people write them: foreign phones need their country code, e-mails are checked, websites get a scheme")
    func contacts() throws {
        let profile = try self.profile([
            "contactName": "Aino Virtanen", "contactEmail": "aino@example.fi", "contactPhone": "+358 40 123 4567",
            "website": "www.example.fi",
        ])
        #expect(profile.contact == PartnerContact(name: "Aino Virtanen", email: "aino@example.fi", phone: "+358401234567"))
        #expect(profile.website == "https://www.example.fi")
        #expect(self.problems(["contactPhone": "040 123 4567"]) == ["contact.phone"])
        #expect(self.problems(["contactEmail": "aino at example"]) == ["contact.email"])
        #expect(try self.profile(["contactPhone": "＋３５８ ４０ １２３ ４５６７"]).contact?.phone == "+358401234567", "full-width digits")
    }

    @Test("days as spreadsheets and people write them", arguments: [
        ("2026-12-31", "2026-12-31"), ("2026/12/31", "2026-12-31"), ("2026-12-31 00:00:00", "2026-12-31"),
        ("46387", "2026-12-31"), ("2026-02-30", nil), ("31.12.2026", nil),
    ])
    func days(written: String, day: String?) {
        #expect(PartnerProfileRules.day(written) == day)
    }

    @Test("headers in English or Chinese, bilingual or not, name the same fields")
    func headers() {
        #expect(PartnerFields.field(forHeader: "Organisation name") == "name")
        #expect(PartnerFields.field(forHeader: "机构名称") == "name")
        #expect(PartnerFields.field(forHeader: "E-mail / 电子邮件") == "contactEmail")
        #expect(PartnerFields.field(forHeader: "NUTS code") == "nutsCode")
        #expect(PartnerFields.field(forHeader: "externalId") == "externalId")
        #expect(PartnerFields.field(forHeader: "Land") == nil)
    }
}
