import Foundation
import Shared
import Testing

@testable import Registry

@Suite("Eligibility rules")
struct EligibilityTests {
    private static let calls: [String: ProgrammeCall] = {
        let calls = try! DefaultCatalogue.calls()
        return Dictionary(uniqueKeysWithValues: calls.map { ($0.id, $0) })
    }()

    private static let lead = RegistryInterface.LeadOrganization(kind: "zj_enterprise", uscc: "91330100799655058B", name: "杭州示例")

    private func check(
        _ callID: String, partner: RegistryInterface.PlannedPartner, funding: Int = 1_000_000, spend: Int = 10_000_000,
        months: Int = 36, participants: [RegistryInterface.Participant] = [], base: Bool = true, ip: Bool = true,
        area: String? = nil, state: DeadlineState = .toBeAgreed
    ) -> RegistryInterface.ApplicationsCheck.Result {
        let plan = RegistryInterface.ApplicationsCheck.Params(
            callId: callID, leadOrganization: Self.lead, partner: partner, durationMonths: months,
            requestedFundingRmb: funding, rdSpendRmb: spend, participants: participants, cooperationBase: base,
            ipAgreementSigned: ip)
        return EligibilityChecker.check(plan, call: Self.calls[callID]!, deadlineState: state, technicalArea: area)
    }

    private func severity(_ result: RegistryInterface.ApplicationsCheck.Result, _ rule: String) -> String? {
        result.findings.first { $0.rule == rule }?.severity
    }

    @Test("a NUTS code decides the UK county before the town, and the finding says the code was used", arguments: [
        // The Manufacturing Technology Centre: "Coventry" by its town, Warwickshire (UKG13) by its code.
        (RegistryInterface.PlannedPartner(name: "MTC", country: "GB", city: "Coventry", nutsCode: "UKG13"), "warning"),
        (RegistryInterface.PlannedPartner(name: "MTC", country: "GB", nutsCode: "UKG13"), nil),
        (RegistryInterface.PlannedPartner(name: "University of Birmingham", country: "GB", city: "Birmingham", nutsCode: "UKG31"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", county: "Derbyshire", nutsCode: "UKI32"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Grimsby", nutsCode: "UKE13"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", nutsCode: "UKF1"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Hull", nutsCode: "UKE11"), "error"),
        // Too coarse to tell: the town decides.
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Derby", nutsCode: "UK"), nil),
    ])
    func midlandsByNUTS(partner: RegistryInterface.PlannedPartner, expected: String?) {
        let result = self.check("2025-GB-MIDLANDS", partner: partner)
        #expect(self.severity(result, "partner_in_midlands_county") == expected, "\(result.findings)")
        if expected != nil, partner.nutsCode != "UK" {
            let finding = result.findings.first { $0.rule == "partner_in_midlands_county" }
            #expect(finding?.messageEn.contains(partner.nutsCode!) == true && finding?.messageZh.contains(partner.nutsCode!) == true)
        }
    }

    @Test("West Flanders by NUTS code BE25x or by town; a code elsewhere in Belgium is refused", arguments: [
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", nutsCode: "BE251"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Kortrijk"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Brussel", nutsCode: "BE100"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Gent", nutsCode: "BE255"), "warning"),
    ])
    func westFlandersByNUTS(partner: RegistryInterface.PlannedPartner, expected: String?) {
        let result = self.check("2025-BE-VWV", partner: partner)
        #expect(self.severity(result, "partner_region") == expected, "\(result.findings)")
    }

    @Test("the UK call is decided by county, derived from the county, district, city or address", arguments: [
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Birmingham"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Coventry"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", address: "Unit 4, Solihull Business Park, B90 4XX"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Derby"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", district: "Erewash"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", address: "12 Bore Street, Lichfield WS13 6LL"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "英国", county: "Warwickshire", city: "Coventry"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "伯明翰"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", county: "林肯郡"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Sheffield"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "London"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB"), "warning"),
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", county: "Herfordshire"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "FR", city: "Derby"), nil),
    ])
    func midlandsCounty(partner: RegistryInterface.PlannedPartner, expected: String?) {
        let result = self.check("2025-GB-MIDLANDS", partner: partner)
        #expect(self.severity(result, "partner_in_midlands_county") == expected)
        if partner.country == "FR" { #expect(self.severity(result, "partner_country") == "error") }
    }

    @Test("exactly 1,500,000 RMB and exactly 20 % of the R&D spend are allowed; one yuan more is not")
    func fundingBoundaries() {
        let partner = RegistryInterface.PlannedPartner(name: nil, country: "NO")
        let exact = self.check("2025-NO", partner: partner, funding: 1_500_000, spend: 7_500_000)
        #expect(self.severity(exact, "funding_cap") == nil)
        #expect(self.severity(exact, "funding_share") == nil)
        #expect(exact.eligible)
        let overCap = self.check("2025-NO", partner: partner, funding: 1_500_001, spend: 100_000_000)
        #expect(self.severity(overCap, "funding_cap") == "error")
        #expect(!overCap.eligible)
        let overShare = self.check("2025-NO", partner: partner, funding: 1_000_001, spend: 5_000_000)
        #expect(self.severity(overShare, "funding_share") == "error")
        #expect(self.severity(self.check("2025-NO", partner: partner, funding: 1_000_000, spend: 5_000_000), "funding_share") == nil)
    }

    @Test("a Fortune 500 R&D-centre plan needs the centre, a university or institute, a cooperation base and a signed IP agreement")
    func foreignRndCentre() {
        let centre = RegistryInterface.PlannedPartner(
            name: "Example R&D (Shanghai)", country: "CN", kind: "foreign_rnd_centre_in_china", fortuneGlobal500Parent: "Example AG")
        let university = [RegistryInterface.Participant(kind: "university", name: "浙江大学", province: "浙江")]
        let complete = self.check("2025-F500-RND", partner: centre, participants: university)
        #expect(complete.eligible)
        let noIP = self.check("2025-F500-RND", partner: centre, participants: university, ip: false)
        #expect(self.severity(noIP, "ip_agreement_signed") == "error")
        #expect(!noIP.eligible)
        let noUniversity = self.check("2025-F500-RND", partner: centre)
        #expect(self.severity(noUniversity, "university_or_institute_participates") == "error")
        let plainCompany = self.check("2025-F500-RND", partner: .init(name: nil, country: "CN", kind: "foreign_company"), participants: university)
        #expect(self.severity(plainCompany, "partner_fortune_global_500_rnd_centre") == "error")
    }

    @Test("an area outside the priorities warns but does not exclude; one inside is a priority")
    func priorityAreas() {
        let partner = RegistryInterface.PlannedPartner(name: nil, country: "IL")
        let outside = self.check("2025-IL", partner: partner, area: "数字文创", state: .open)
        #expect(self.severity(outside, "priority_area") == "warning")
        #expect(outside.eligible)
        let inside = self.check("2025-IL", partner: partner, area: "水处理", state: .open)
        #expect(self.severity(inside, "priority_area") == "priority")
    }

    @Test("a closed call, a long project, a non-enterprise lead and the Yangtze River Delta preference")
    func otherRules() {
        let partner = RegistryInterface.PlannedPartner(name: nil, country: "FI")
        let closed = self.check("2025-FI", partner: partner, state: .closed)
        #expect(self.severity(closed, "deadline_open") == "error")
        let long = self.check("2025-NO", partner: .init(name: nil, country: "NO"), months: 48)
        #expect(self.severity(long, "duration_usual") == "warning")
        #expect(long.eligible)
        let delta = self.check(
            "2025-FI", partner: partner, participants: [.init(kind: "enterprise", name: "上海某公司", province: "上海")], state: .open)
        #expect(self.severity(delta, "yangtze_river_delta") == "priority")
        #expect(self.severity(self.check("2025-FI", partner: partner, state: .open), "yangtze_river_delta") == "warning")
        let plan = RegistryInterface.ApplicationsCheck.Params(
            callId: "2025-NO", leadOrganization: .init(kind: "university", uscc: nil, name: "浙江大学"),
            partner: .init(name: nil, country: "NO"), durationMonths: 24, requestedFundingRmb: 1, rdSpendRmb: 100)
        let university = EligibilityChecker.check(plan, call: Self.calls["2025-NO"]!, deadlineState: .toBeAgreed, technicalArea: nil)
        #expect(self.severity(university, "lead_zhejiang_enterprise") == "error")
        #expect(university.findings.first?.severity == "error")
    }

    @Test("West Flanders partners only")
    func westFlanders() {
        let elsewhere = self.check("2025-BE-VWV", partner: .init(name: nil, country: "BE", region: "Antwerp"))
        #expect(self.severity(elsewhere, "partner_region") == "error")
        let flemish = self.check("2025-BE-VWV", partner: .init(name: nil, country: "Belgium", region: "West-Vlaanderen"))
        #expect(self.severity(flemish, "partner_region") == nil)
    }

    @Test("West Flanders by its names in every language and by its towns; elsewhere in Belgium is an error", arguments: [
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", region: "Province of West Flanders"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", region: "西弗兰德省"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Kortrijk"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Bruges"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", address: "Grote Markt 1, 8400 Oostende"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Ieper"), nil),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", city: "Gent"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE", address: "Rue de la Loi 16, 1000 Bruxelles"), "error"),
        (RegistryInterface.PlannedPartner(name: nil, country: "BE"), "warning"),
    ])
    func westFlandersPlaces(partner: RegistryInterface.PlannedPartner, expected: String?) {
        let result = self.check("2025-BE-VWV", partner: partner)
        #expect(self.severity(result, "partner_region") == expected)
        if expected == "error" { #expect(result.findings.first { $0.rule == "partner_region" }?.messageZh.contains("西弗兰德省") == true) }
    }

    @Test("a UK finding names the counties in Chinese and English")
    func midlandsCountiesNamed() {
        let london = self.check("2025-GB-MIDLANDS", partner: .init(name: nil, country: "GB", city: "London"))
        let finding = try! #require(london.findings.first { $0.rule == "partner_in_midlands_county" })
        #expect(finding.messageZh.contains("赫里福德郡") && finding.messageZh.contains("London"))
        #expect(finding.messageEn.contains("Herefordshire"))
        #expect(!london.eligible)
    }

    @Test("participants of the Yangtze River Delta as people write them", arguments: ["江苏省", "上海市", "安徽省", "Shanghai", "Jiangsu Province", "浙江"])
    func yangtzeRiverDeltaSpellings(province: String) {
        let result = self.check(
            "2025-SG", partner: .init(name: nil, country: "SG"), participants: [.init(kind: "enterprise", name: "某单位", province: province)])
        #expect(self.severity(result, "yangtze_river_delta") == "priority")
    }

    @Test("a lead whose credit code is not an enterprise's is an error whatever its kind says")
    func leadMustBeEnterprise() {
        // 12330000470003281H: a public institution's code (registration authority 1), valid check digit.
        let plan = RegistryInterface.ApplicationsCheck.Params(
            callId: "2025-NO", leadOrganization: .init(kind: "zj_enterprise", uscc: "12330000470003281H", name: "某大学"),
            partner: .init(name: nil, country: "NO"), durationMonths: 24, requestedFundingRmb: 1, rdSpendRmb: 100)
        let result = EligibilityChecker.check(plan, call: Self.calls["2025-NO"]!, deadlineState: .toBeAgreed, technicalArea: nil)
        let finding = result.findings.first { $0.rule == "lead_zhejiang_enterprise" }
        #expect(finding?.severity == "error", "\(result.findings)")
        #expect(finding?.messageZh.contains("国合项目均以我省企业牵头") == true)
    }

    @Test("the bilateral calls pair enterprises: a university as the foreign partner is a warning, a university beside an enterprise a priority")
    func enterprisesOnBothSides() {
        let university = self.check("2025-IL", partner: .init(name: "Technion", country: "IL", kind: "university"), state: .open)
        #expect(self.severity(university, "partner_enterprise") == "warning")
        #expect(university.eligible)
        let company = self.check(
            "2025-IL", partner: .init(name: "AquaMem", country: "IL", kind: "foreign_company"),
            participants: [.init(kind: "university", name: "浙江大学", province: "浙江")], state: .open)
        #expect(self.severity(company, "partner_enterprise") == nil)
        #expect(self.severity(company, "industry_academia") == "priority")
        // Profile kinds as CORDIS gives them: a public body or a cluster is not an enterprise either; a company is.
        let agency = self.check("2025-BE-VWV", partner: .init(name: "POM West-Vlaanderen", country: "BE", city: "Brugge", kind: "public"), state: .open)
        #expect(agency.findings.first { $0.rule == "partner_enterprise" }?.messageEn.contains("public body") == true)
        let cluster = self.check("2025-FI", partner: .init(name: "Cleantech Cluster", country: "FI", kind: "other"), state: .open)
        #expect(self.severity(cluster, "partner_enterprise") == "warning")
        #expect(self.severity(self.check("2025-FI", partner: .init(name: "Aqua Oy", country: "FI", kind: "company"), state: .open), "partner_enterprise") == nil)
    }

    @Test("the R&D-centre call needs a foreign Fortune Global 500 parent: 吉利控股 is Chinese")
    func foreignParent() {
        let university = [RegistryInterface.Participant(kind: "university", name: "浙江大学", province: "浙江")]
        let geely = self.check(
            "2025-F500-RND", partner: .init(name: "吉利研究院", country: "CN", kind: "foreign_rnd_centre_in_china", fortuneGlobal500Parent: "浙江吉利控股集团"),
            participants: university)
        #expect(self.severity(geely, "partner_fortune_global_500_rnd_centre") == "error")
        let siemens = self.check(
            "2025-F500-RND", partner: .init(name: "西门子中国研究院", country: "CN", kind: "foreign_rnd_centre_in_china", fortuneGlobal500Parent: "Siemens AG"),
            participants: university)
        #expect(self.severity(siemens, "partner_fortune_global_500_rnd_centre") == nil)
    }

    @Test("deadlines as the notice words them: to be agreed for Norway, Singapore and West Flanders; the formal notice for the UK and R&D-centre calls")
    func deadlineWording() {
        for id in ["2025-NO", "2025-SG", "2025-BE-VWV"] {
            #expect(Self.calls[id]!.deadlineWording.zh == "申请截止时间待双方商定", "\(id)")
        }
        for id in ["2025-GB-MIDLANDS", "2025-F500-RND"] {
            #expect(Self.calls[id]!.deadlineWording.zh == "申请截止时间以正式申报通知为准", "\(id)")
            let finding = self.check(id, partner: .init(name: nil, country: Self.calls[id]!.country)).findings.first { $0.rule == "deadline_open" }
            #expect(finding?.messageZh.contains("以正式申报通知为准") == true)
        }
    }

    @Test("the catalogue carries the notice's text: Norway's priority verbatim, the R&D-centre description, the programme rules, the contacts; the UK call has no invented authority")
    func catalogueText() {
        #expect(Self.calls["2025-NO"]!.priorityAreas.map(\.textZh) == ["绿色技术领域，指可运用于各行业的可持续解决方案"])
        #expect(Self.calls["2025-F500-RND"]!.requirements.contains { $0.textZh.contains("共建共享设施设备、研发场所、技术人才、资金、数据等创新资源") })
        #expect(Self.calls["2025-GB-MIDLANDS"]!.authority == nil)
        let counties = Self.calls["2025-GB-MIDLANDS"]!.requirements.first { $0.rule == "partner_in_midlands_county" }?.textZh ?? ""
        #expect(MidlandsEngine.counties.allSatisfy { counties.contains($0.chinese) && counties.contains($0.english) })
        for call in Self.calls.values {
            let rules = Set(call.requirements.map(\.rule))
            #expect(rules.isSuperset(of: ["industry_academia", "competitive_review", "not_in_quota", "per_2025_guide"]), "\(call.id)")
            let phones = (call.contacts ?? []).map(\.phone)
            #expect(phones == ["0571-87054066", "0571-87978953"], "\(call.id)")
            #expect(call.contacts?.last?.email == "csyzju@126.com")
            #expect(CatalogueRules.problems(in: call).isEmpty, "\(call.id): \(CatalogueRules.problems(in: call))")
        }
    }

    @Test("priority areas are judged through the taxonomy, as the programme ranking judges them", arguments: [
        ("2025-SG", "生物医药", "priority"), ("2025-IL", "反渗透膜水处理", "priority"), ("2025-FI", "锂电池储能", "warning"),
        ("2025-IL", "数字文创", "warning"), ("2025-GB-MIDLANDS", "复合材料", "priority"),
    ])
    func priorityThroughTaxonomy(call: String, area: String, expected: String) {
        let result = self.check(call, partner: .init(name: nil, country: Self.calls[call]!.country), area: area, state: .open)
        #expect(self.severity(result, "priority_area") == expected, "\(call) \(area): \(result.findings.map(\.messageZh))")
    }
}
