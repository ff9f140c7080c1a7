import Foundation
import Shared
import TaxonomyKit

/// Evaluates every rule of the notice for a planned application (DESIGN §2). Each rule gives one finding with a
/// stable id; "优先支持" is a priority, never an exclusion, so areas outside a call's priorities only warn.
struct EligibilityChecker {
    let call: ProgrammeCall
    let deadlineState: DeadlineState
    private(set) var findings: [RegistryInterface.Finding] = []

    init(call: ProgrammeCall, deadlineState: DeadlineState) {
        self.call = call
        self.deadlineState = deadlineState
    }


    /// The partner rules alone (country, enterprise pairing, the UK's counties, West Flanders): what staff should
    /// know about a partner before introducing it for this call.
    static func partnerFindings(_ partner: RegistryInterface.PlannedPartner, call: ProgrammeCall) -> [RegistryInterface.Finding] {
        var checker = EligibilityChecker(call: call, deadlineState: .open)
        checker.partner(partner)
        return checker.findings
    }

    /// All findings for the plan, errors first.
    static func check(
        _ plan: RegistryInterface.ApplicationsCheck.Params, call: ProgrammeCall, deadlineState: DeadlineState,
        technicalArea: String?
    ) -> RegistryInterface.ApplicationsCheck.Result {
        var checker = EligibilityChecker(call: call, deadlineState: deadlineState)
        checker.deadline()
        checker.lead(plan.leadOrganization)
        checker.duration(plan.durationMonths)
        checker.funding(requested: plan.requestedFundingRmb, rdSpend: plan.rdSpendRmb)
        checker.partner(plan.partner)
        checker.participants(plan.participants)
        if call.category == .foreignRndInstitution {
            checker.foreignRndConditions(plan)
        }
        checker.area(technicalArea)
        let order = ["error": 0, "warning": 1, "priority": 2]
        let sorted = checker.findings.enumerated().sorted {
            (order[$0.element.severity] ?? 3, $0.offset) < (order[$1.element.severity] ?? 3, $1.offset)
        }.map(\.element)
        return .init(eligible: !sorted.contains { $0.severity == "error" }, findings: sorted)
    }

    private mutating func add(_ rule: String, _ severity: String, _ zh: String, _ en: String) {
        self.findings.append(.init(rule: rule, severity: severity, messageZh: zh, messageEn: en))
    }

    private mutating func deadline() {
        switch self.deadlineState {
        case .closed:
            self.add("deadline_open", "error", "该计划申请已于 \(self.call.deadline ?? "") 截止", "applications to this call closed on \(self.call.deadline ?? "")")
        case .toBeAgreed:
            let wording = self.call.deadlineWording
            self.add("deadline_open", "warning", "\(wording.zh)，请关注后续通知", "\(wording.en); watch for the announcement")
        case .open:
            break
        }
    }

    private mutating func lead(_ lead: RegistryInterface.LeadOrganization) {
        guard lead.kind == "zj_enterprise" else {
            self.add("lead_zhejiang_enterprise", "error", "国合项目须由浙江企业牵头（高校院所可参与但不能牵头）", "a Zhejiang enterprise must lead (universities and institutes may take part but not lead)")
            return
        }
        guard let uscc = lead.uscc else {
            self.add("lead_zhejiang_enterprise", "warning", "未提供牵头企业的统一社会信用代码，无法核实其在浙江登记", "no credit code given for the lead, so its registration in Zhejiang cannot be confirmed")
            return
        }
        switch UnifiedSocialCreditCode.parse(uscc) {
        case .success(let code) where !code.isEnterprise:
            // Whatever `kind` says: 12… is a public institution (a university, an institute), 5… a social body.
            self.add("lead_zhejiang_enterprise", "error", "国合项目均以我省企业牵头：统一社会信用代码 \(code.text) 的登记管理部门代码为“\(code.registrationAuthority)”，不是企业（企业为 9）", "a Zhejiang enterprise must lead: credit code \(code.text) has registration authority '\(code.registrationAuthority)', not an enterprise's (9)")
        case .success(let code) where code.provinceCode == "33": break
        case .success:
            self.add("lead_zhejiang_enterprise", "error", "牵头企业的统一社会信用代码显示其不在浙江省登记", "the lead's credit code shows it is registered outside Zhejiang")
        case .failure:
            self.add("lead_zhejiang_enterprise", "error", "牵头企业的统一社会信用代码无效", "the lead's unified social credit code is not valid")
        }
    }

    private mutating func duration(_ months: Int) {
        let rules = self.call.rules
        if months <= 0 {
            self.add("duration_usual", "error", "实施期限须大于 0", "the duration must be above zero")
        } else if months < rules.minimumDurationMonths || months > rules.maximumDurationMonths {
            self.add("duration_usual", "warning", "国合项目实施期限一般为 2～3 年，计划为 \(months) 个月", "projects generally run 2 to 3 years; this plan runs \(months) months")
        }
    }

    private mutating func funding(requested: Int, rdSpend: Int) {
        let rules = self.call.rules
        if requested < 0 || rdSpend < 0 {
            self.add("funding_cap", "error", "金额不能为负数", "amounts cannot be negative")
            return
        }
        if requested > rules.maximumFundingRmb {
            self.add("funding_cap", "error", "申请省财政资助 \(requested) 元，超过 \(rules.maximumFundingRmb) 元上限", "the requested \(requested) RMB is above the \(rules.maximumFundingRmb) RMB cap")
        }
        // Exactly the share is allowed: requested ≤ share × spend, in integers. The catalogue's percentage is data
        // too, so a product that does not fit in 64 bits means the share allows any amount.
        let (allowed, allowedOverflow) = rdSpend.multipliedReportingOverflow(by: max(0, rules.maximumShareOfRdSpendPercent))
        let (asked, askedOverflow) = requested.multipliedReportingOverflow(by: 100)
        if !allowedOverflow && (askedOverflow || asked > allowed) {
            self.add("funding_share", "error", "申请省财政资助不得超过浙江企业实际研发投入的 \(rules.maximumShareOfRdSpendPercent)%（投入 \(rdSpend) 元）", "provincial funding may not exceed \(rules.maximumShareOfRdSpendPercent)% of the Zhejiang enterprise's actual R&D spend (\(rdSpend) RMB)")
        }
    }

    private mutating func partner(_ partner: RegistryInterface.PlannedPartner) {
        let country = CountryCodes.code(for: partner.country)
        guard country == self.call.country else {
            let wanted = self.call.country
            self.add("partner_country", "error", "该计划的合作方须位于 \(wanted)，所填国家为 \(partner.country)", "this call's partner must be in \(wanted), not \(partner.country)")
            return
        }
        // "由双方企业牵头" / the UK call "与…的企业": the foreign agency decides on a non-enterprise partner. Profile
        // kinds as sources write them count too: a public body or an association is not an enterprise either.
        let nonEnterprise: [String: (zh: String, en: String)] = [
            "university": ("高校", "university"), "institute": ("科研院所", "research institute"),
            "public": ("政府或公共机构", "public body"), "other": ("协会、产业集群或非营利组织", "association, cluster or non-profit"),
        ]
        if self.call.category != .foreignRndInstitution, let kind = partner.kind, let names = nonEnterprise[kind] {
            self.add("partner_enterprise", "warning", "该计划由双方企业牵头，合作方为\(names.zh)：可作为参与单位，能否作为唯一外方合作方由外方主管部门决定", "this call pairs enterprises on both sides; a \(names.en) as the only foreign partner is for the foreign agency to accept, and is welcome as a participant beside an enterprise")
        }
        if self.call.id.hasSuffix("-BE-VWV") || self.call.region == "VWV" {
            self.westFlandersPartner(partner)
        }
        if !self.call.eligibleRegions.isEmpty && self.call.country == "GB" {
            self.midlandsPartner(partner)
        }
    }

    /// West Flanders is a province (省): named as the province in any of its languages, or by one of its towns.
    private mutating func westFlandersPartner(_ partner: RegistryInterface.PlannedPartner) {
        let fields = [partner.region, partner.county, partner.district, partner.city, partner.address]
        let given = fields.compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let code = partner.nutsCode?.trimmingCharacters(in: .whitespaces), let inside = WestFlanders.contains(nutsCode: code) {
            // The code wins over the town; a town that says otherwise is named, so staff can check which is right.
            if !inside {
                self.add("partner_region", "error", "按 NUTS 代码 \(code)，合作方不在比利时西弗兰德省（BE25）；本计划限西弗兰德省的合作方", "by its NUTS code \(code) the partner is not in the Province of West Flanders (BE25), which this call is for")
            } else if let other = given.first(where: { !WestFlanders.contains($0) }), !given.contains(where: WestFlanders.contains) {
                self.add("partner_region", "warning", "按 NUTS 代码 \(code) 判定合作方位于西弗兰德省；所填地点（\(other)）不在该省，请核实", "placed in West Flanders by its NUTS code \(code); the place given (\(other)) is not in it, so check which is right")
            }
            return
        }
        if given.isEmpty {
            self.add("partner_region", "warning", "请注明合作方所在省份或城市：本计划限比利时西弗兰德省", "give the partner's province or town: this call is for the Province of West Flanders")
        } else if !given.contains(where: WestFlanders.contains) {
            let place = given.joined(separator: ", ")
            self.add("partner_region", "error", "本计划限比利时西弗兰德省的合作方，所填地点（\(place)）不在西弗兰德省", "this call is for partners in the Province of West Flanders; \(place) is not in it")
        }
    }

    /// The Midlands Engine call takes partners in the notice's 11 counties only, wherever else they are.
    private mutating func midlandsPartner(_ partner: RegistryInterface.PlannedPartner) {
        let fields = [partner.county, partner.district, partner.city, partner.address, partner.region]
        let given = fields.compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let county = MidlandsEngine.county(
            county: partner.county, district: partner.district, city: partner.city, address: partner.address)
        if let code = partner.nutsCode?.trimmingCharacters(in: .whitespaces), let placement = MidlandsEngine.placement(nutsCode: code) {
            self.midlandsPartner(code: code, placement, town: county, given: given)
            return
        }
        switch county {
        case let county? where MidlandsEngine.eligible.contains(county):
            break
        case MidlandsEngine.westMidlands?:
            self.add("partner_in_midlands_county", "error", "合作方位于西米德兰兹都市郡（如伯明翰、考文垂），不在通知所列 11 个郡之内", "the partner is in the metropolitan West Midlands (Birmingham, Coventry …), which is not one of the notice's 11 counties")
        default:
            if given.isEmpty {
                self.add("partner_in_midlands_county", "warning", "请注明合作方所在郡，须为通知所列 11 个郡之一（\(MidlandsEngine.list(chinese: true))）", "state the partner's county, one of the notice's 11 (\(MidlandsEngine.list(chinese: false)))")
            } else {
                let place = given.joined(separator: ", ")
                self.add("partner_in_midlands_county", "error", "合作方所在地（\(place)）不在通知所列 11 个郡（\(MidlandsEngine.list(chinese: true))）之内；如确在其中，请注明郡名", "the partner's location (\(place)) is not in the notice's 11 counties (\(MidlandsEngine.list(chinese: false))); if it is, state the county")
            }
        }
    }

    /// The Midlands Engine check by NUTS code, which wins over the town; when the town would place the partner
    /// elsewhere, the finding says that the code was used.
    private mutating func midlandsPartner(code: String, _ placement: MidlandsEngine.NUTSPlacement, town: String?, given: [String]) {
        let place = given.joined(separator: ", ")
        switch placement {
        case .engine(let area):
            let counties = MidlandsEngine.counties(inArea: area)
            if let town, !counties.contains(town) {
                let zhArea = counties.map(MidlandsEngine.bilingualName).joined(separator: "、")
                self.add("partner_in_midlands_county", "warning", "按 NUTS 代码 \(code) 判定合作方位于\(zhArea)，属通知所列郡；所填地点（\(place)）指向\(MidlandsEngine.bilingualName(of: town))，以 NUTS 代码为准，请核实", "placed in \(area) by its NUTS code \(code), one of the notice's counties; the place given (\(place)) points to \(town): the code was used, so check which is right")
            }
        case .westMidlands:
            self.add("partner_in_midlands_county", "error", "按 NUTS 代码 \(code)，合作方位于西米德兰兹都市郡（UKG3，如伯明翰、考文垂市区），不在通知所列 11 个郡之内", "by its NUTS code \(code) the partner is in the metropolitan West Midlands (UKG3: Birmingham, Coventry …), which is not one of the notice's 11 counties")
        case .outside:
            self.add("partner_in_midlands_county", "error", "按 NUTS 代码 \(code)，合作方不在通知所列 11 个郡（\(MidlandsEngine.list(chinese: true))）之内", "by its NUTS code \(code) the partner is not in the notice's 11 counties (\(MidlandsEngine.list(chinese: false)))")
        }
    }

    private mutating func participants(_ participants: [RegistryInterface.Participant]) {
        let academic = participants.contains { $0.kind == "university" || $0.kind == "institute" }
        if self.call.universitiesEncouraged && academic && self.call.category != .foreignRndInstitution {
            self.add("universities_encouraged", "priority", "该计划鼓励高校、科研院所参与联合研发", "this call encourages universities and research institutes to take part")
        } else if academic && self.call.category != .foreignRndInstitution {
            // 三(二): every call encourages industry–university–research consortia.
            self.add("industry_academia", "priority", "国合项目鼓励以产学研结合形式联合申报", "every call encourages applying as an industry–university–research consortium")
        }
        if self.call.yangtzeRiverDeltaPreferred {
            let delta = participants.contains { YangtzeRiverDelta.contains(province: $0.province) }
            if delta {
                self.add("yangtze_river_delta", "priority", "联合长三角相关单位开展合作，属优先支持", "teaming up with Yangtze River Delta units gives priority in this call")
            } else {
                self.add("yangtze_river_delta", "warning", "该计划优先支持联合长三角相关单位的项目，目前未见长三角参与单位", "this call gives priority to projects with Yangtze River Delta units; none is listed")
            }
        }
    }

    private mutating func foreignRndConditions(_ plan: RegistryInterface.ApplicationsCheck.Params) {
        let parent = (plan.partner.fortuneGlobal500Parent ?? "").trimmingCharacters(in: .whitespaces)
        if plan.partner.kind != "foreign_rnd_centre_in_china" || parent.isEmpty {
            self.add("partner_fortune_global_500_rnd_centre", "error", "合作方须为世界 500 强外资企业在华依法设立的研发机构，并注明其 500 强母公司", "the partner must be an R&D centre set up in China by a Fortune Global 500 foreign company, with that parent named")
        } else if ChineseGroups.isChinese(parent) {
            self.add("partner_fortune_global_500_rnd_centre", "error", "“\(parent)”是中国企业集团，不是外资企业：本类项目的合作方须为世界 500 强外资企业在华设立的研发机构", "'\(parent)' is a Chinese group, not a foreign company: this call's partner must be the R&D centre in China of a foreign Fortune Global 500 company")
        }
        if !plan.participants.contains(where: { $0.kind == "university" || $0.kind == "institute" }) {
            self.add("university_or_institute_participates", "error", "本类项目须有高校或科研院所参与", "a university or research institute must take part in this kind of project")
        }
        if !plan.cooperationBase {
            self.add("cooperation_base", "error", "中外双方须已有较好的科技合作基础", "the two sides must already have a sound base of cooperation")
        }
        if !plan.ipAgreementSigned {
            self.add("ip_agreement_signed", "error", "须已对知识产权归属和利益分配作出约定并签署项目合作协议", "IP ownership and benefit sharing must be agreed and the cooperation agreement signed")
        }
    }

    /// "In the call's priorities" as the programme ranking judges it: through the taxonomy, so that 生物医药 is
    /// within Singapore's 生命健康. Text the taxonomy does not know is compared as written.
    private mutating func area(_ technicalArea: String?) {
        guard !self.call.priorityAreas.isEmpty, let text = technicalArea?.trimmingCharacters(in: .whitespaces), !text.isEmpty
        else { return }
        let taxonomy = Taxonomy.shipped
        let concepts = taxonomy.tag(text).map(\.concept)
        var matched = taxonomy.priorityAreas(of: self.call, reachedBy: concepts).first?.area
        if matched == nil && concepts.isEmpty {
            let area = text.lowercased()
            matched = self.call.priorityAreas.first { priority in
                let zh = priority.textZh.lowercased()
                let en = priority.textEn.lowercased()
                return zh.contains(area) || area.contains(zh) || en.contains(area) || area.contains(en)
            }
        }
        if let matched {
            self.add("priority_area", "priority", "“\(matched.textZh)”属于该计划优先支持领域", "'\(matched.textEn)' is among this call's priority areas")
        } else {
            let list = self.call.priorityAreas.map(\.textZh).joined(separator: "、")
            self.add("priority_area", "warning", "“\(text)”不在该计划优先支持领域（\(list)）之列，可申报但竞争力较弱", "'\(text)' is not among this call's priority areas (\(self.call.priorityAreas.map(\.textEn).joined(separator: ", "))); it may apply, at lower fit")
        }
    }
}
