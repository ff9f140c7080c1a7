import Shared

/// Forms, calls, organisations and partner profiles as a person reads them: laid out like the attachment, every
/// label in Chinese and English, countries by name, phones as people write them. `--json` gives the record as the
/// service returns it.
struct RecordView {
    private var lines: [String] = []

    /// The view's text.
    var text: String { self.lines.joined(separator: "\n") }

    private mutating func heading(_ text: String) {
        if !self.lines.isEmpty { self.lines.append("") }
        self.lines.append(text)
    }

    /// One labelled value; a value of several lines continues under the first, indented.
    private mutating func field(_ label: String, _ value: String?) {
        let shown = (value?.isEmpty ?? true) ? "—" : value!
        let valueLines = shown.split(separator: "\n", omittingEmptySubsequences: false)
        let width = 40
        let padding = String(repeating: " ", count: max(1, width - DisplayWidth.of(label)))
        self.lines.append("  \(label)\(padding)\(valueLines.first ?? "")")
        for more in valueLines.dropFirst() { self.lines.append("  " + String(repeating: " ", count: width) + more) }
    }

    /// A form's field under the attachment's label for it.
    private mutating func formField(_ path: String, _ value: String?) {
        let label = PartnerSearchForm.labels[path].map { "\($0.zh) / \($0.en)" } ?? path
        self.field(label, value)
    }

    private static func countries(_ codes: [String]) -> String {
        codes.isEmpty ? "不限 / no preference" : codes.map(CountryNames.bilingual).joined(separator: "、")
    }

    // MARK: Records

    /// A form, section by section as the attachment prints it.
    static func form(_ stored: StoredForm) -> String {
        var view = RecordView()
        let form = stored.form
        view.lines.append("\(stored.id) · \(stored.status.rawValue) · 第 \(stored.revision) 版 revision \(stored.revision) · 有效期至 expires \(stored.expiresOn)")
        view.lines.append("提交 submitted \(stored.submittedAt) · 更新 updated \(stored.updatedAt) · 单位 organisation \(stored.organizationId)")
        view.heading("1. 公司详情 / Organization Details")
        view.lines.append("1.1 公司背景 / Organization Background")
        view.field("全名 / Full Name", [form.organization.nameZh, form.organization.nameEn].compactMap { $0 }.joined(separator: "\n"))
        view.formField("organization.address", form.organization.address)
        view.formField("organization.website", form.organization.website)
        view.formField("organization.businessAndProducts", form.organization.businessAndProducts)
        view.formField("organization.comments", form.organization.comments)
        view.formField("organization.uscc", form.organization.uscc)
        view.lines.append("1.2 联系人信息 / Contact Person")
        view.formField("contact.name", form.contact.name)
        view.formField("contact.position", form.contact.position)
        view.formField("contact.phone", PhoneDisplay.format(form.contact.phone))
        view.formField("contact.email", form.contact.email)
        view.heading("2. 拟洽谈项目 / The Project")
        view.field("2.1 技术领域 / Technological Area", form.project.technicalArea)
        view.field("2.2 项目内容 / Description", form.project.description)
        view.heading("3. 意向合作伙伴/公司 / Potential Partner/Company")
        view.field("3.1 国家/地区 / Country/region", Self.countries(form.partner.countries) + (form.partner.region.map { "（\($0)）" } ?? ""))
        view.field("3.2 条件和专业领域 / Expertise", form.partner.expertiseSought)
        view.field("3.3 合作具体需求 / Contribution", form.partner.contributionSought)
        return view.text
    }

    /// A call of the catalogue, with its rules and the people to ask.
    static func call(_ call: ProgrammeCall) -> String {
        var view = RecordView()
        view.lines.append("\(call.id) · \(call.titleZh)")
        view.lines.append("\(String(repeating: " ", count: call.id.count)) · \(call.titleEn)")
        view.field("类别 / Category", call.category.rawValue)
        view.field("国家/地区 / Country", CountryNames.bilingual(call.country) + (call.region.map { " · \($0)" } ?? ""))
        view.field("外方主管部门 / Foreign agency", call.authority.map { "\($0.nameZh) / \($0.nameEn)" + ($0.website.map { "\n\($0)" } ?? "") })
        let wording = call.deadlineWording
        view.field("申请截止 / Deadline", "\(wording.zh)\n\(wording.en)" + (call.deadlineState.map { " (\($0.rawValue))" } ?? ""))
        view.heading("优先支持领域 / Priority areas")
        for area in call.priorityAreas { view.lines.append("  · \(area.textZh) / \(area.textEn)") }
        if call.priorityAreas.isEmpty { view.lines.append("  —") }
        if !call.eligibleRegions.isEmpty {
            view.heading("合作方所在地区 / Partner regions")
            let names = call.country == "GB" ? call.eligibleRegions.map(MidlandsEngine.bilingualName(of:)) : call.eligibleRegions
            view.lines.append("  " + names.joined(separator: "、"))
        }
        view.heading("申报规则 / Rules")
        let rules = call.rules
        view.lines.append("  · 实施期限一般为 \(rules.minimumDurationMonths / 12)～\(rules.maximumDurationMonths / 12) 年 / generally \(rules.minimumDurationMonths)–\(rules.maximumDurationMonths) months")
        view.lines.append("  · 省财政经费支持 \(rules.maximumFundingRmb / 10_000) 万元以内，且不超过浙江企业实际研发投入的 \(rules.maximumShareOfRdSpendPercent)% / at most \(rules.maximumFundingRmb) RMB and \(rules.maximumShareOfRdSpendPercent)% of the Zhejiang enterprise's R&D spend")
        if call.yangtzeRiverDeltaPreferred { view.lines.append("  · 优先支持联合长三角相关单位 / priority for teaming up with Yangtze River Delta units") }
        if call.universitiesEncouraged { view.lines.append("  · 鼓励高校、科研院所参与 / universities and research institutes encouraged") }
        for requirement in call.requirements {
            view.lines.append("  · \(requirement.textZh)")
            view.lines.append("    \(requirement.textEn)")
        }
        if let contacts = call.contacts, !contacts.isEmpty {
            view.heading("联系人 / Contacts")
            for contact in contacts {
                view.lines.append("  · \(contact.roleZh) / \(contact.roleEn)：\(contact.organizationZh) \(contact.name)，电话 \(contact.phone)")
                if let email = contact.email { view.lines.append("    电子邮箱 / e-mail \(email)") }
                if let address = contact.address { view.lines.append("    通讯地址 / address \(address)") }
            }
        }
        if let revision = call.revision { view.lines.append("\n第 \(revision) 版 / revision \(revision)") }
        return view.text
    }

    /// An organisation behind forms.
    static func organization(_ organization: StoredOrganization) -> String {
        var view = RecordView()
        view.lines.append("\(organization.id) · \(organization.details.nameZh)")
        view.field("英文名称 / English name", organization.details.nameEn)
        view.field("类型 / Kind", organization.kind)
        view.field("统一社会信用代码 / USCC", organization.uscc)
        view.field("长三角 / Yangtze River Delta", organization.yangtzeRiverDelta ? "是 / yes" : "否 / no")
        view.formField("organization.address", organization.details.address)
        view.formField("organization.city", organization.details.city)
        view.formField("organization.website", organization.details.website)
        view.formField("organization.businessAndProducts", organization.details.businessAndProducts)
        view.field("联系人 / Contacts", organization.contactIds.joined(separator: ", "))
        return view.text
    }

    /// A foreign partner profile.
    static func partner(_ stored: StoredPartner) -> String {
        var view = RecordView()
        let profile = stored.profile
        view.lines.append("\(stored.id) · \(profile.name)")
        view.field("来源编号 / Source id", "\(profile.source) · \(profile.externalId)")
        view.field("国家/地区 / Country", CountryNames.bilingual(profile.country) + (profile.region.map { " · \($0)" } ?? "") + (profile.city.map { " · \($0)" } ?? ""))
        if let nuts = profile.nutsCode { view.field("NUTS 代码 / NUTS code", nuts) }
        view.field("类型 / Kind", profile.kind)
        switch stored.status {
        case .active: view.field("状态 / Status", "参与匹配 / active")
        case .expired: view.field("状态 / Status", "已过期，不再参与匹配 / expired, no longer matched (after \(profile.expiresOn ?? "?"))")
        case .withdrawn:
            let withdrawal = stored.withdrawal
            view.field("状态 / Status", "已撤下，不再参与匹配 / withdrawn, in no ranking"
                + (withdrawal.map { " · \($0.at.prefix(10)) · \($0.by)" } ?? ""))
            view.field("撤下原因 / Reason", withdrawal?.reason)
        }
        view.field("专业领域 / Expertise", profile.expertise)
        view.field("可提供 / Offers", profile.offers)
        view.field("寻求 / Seeks", profile.seeks)
        view.field("关键词 / Keywords", profile.keywords.joined(separator: "; "))
        view.field("有效期至 / Expires", profile.expiresOn)
        view.field("网站 / Website", profile.website)
        if let contact = profile.contact {
            view.field("联系人 / Contact", [contact.name, contact.position].compactMap { $0 }.joined(separator: " · "))
            view.field("电子邮件 / E-mail", contact.email)
            view.field("电话 / Phone", contact.phone.map(PhoneDisplay.format))
        }
        view.field("版本 / Revision", "\(stored.revision) · 导入 imported \(stored.importedAt) · 更新 updated \(stored.updatedAt)")
        return view.text
    }
}
