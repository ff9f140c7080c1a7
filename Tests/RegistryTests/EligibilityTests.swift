import Foundation
import Shared
import Testing

@testable import Registry

@Suite("Eligibility rules")
struct EligibilityTests {
    private static let calls: [String: ProgrammeCall] = {
        let calls = try! LingyanJSON.decode([ProgrammeCall].self, from: DefaultCatalogue.json.utf8)
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
        (RegistryInterface.PlannedPartner(name: nil, country: "GB", city: "Sheffield"), "warning"),
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
}
