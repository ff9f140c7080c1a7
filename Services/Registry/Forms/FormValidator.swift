import Foundation
import Shared

/// Checks a Partner Search Form field by field and returns it cleaned (NFC, trimmed, phone in E.164, countries as
/// codes, credit code upper-case), or every problem found — never just the first.
struct FormValidator {
    private var problems: [FieldProblem] = []

    /// The cleaned form, or the problems.
    static func validate(_ form: PartnerSearchForm) -> Result<PartnerSearchForm, RPCError> {
        var validator = FormValidator()
        var clean = form
        clean.organization.nameZh = validator.text(form.organization.nameZh, "form.organization.nameZh", maximum: 200)
        clean.organization.nameEn = validator.optionalText(form.organization.nameEn, "form.organization.nameEn", maximum: 200)
        clean.organization.address = validator.text(form.organization.address, "form.organization.address", maximum: 500)
        clean.organization.businessAndProducts = validator.text(
            form.organization.businessAndProducts, "form.organization.businessAndProducts", maximum: 2_000, multiline: true)
        clean.organization.comments = validator.optionalText(
            form.organization.comments, "form.organization.comments", maximum: 2_000, multiline: true)
        clean.organization.city = validator.optionalText(form.organization.city, "form.organization.city", maximum: 50)
        if let website = validator.optionalText(form.organization.website, "form.organization.website", maximum: 500) {
            clean.organization.website = website
            // "www.example.com" as people write it: kept as written, checked as the address it stands for.
            if !TextRules.isWebAddress(website) && !TextRules.isWebAddress("http://" + website) {
                validator.add("form.organization.website", "invalid_url", "网址须以 http:// 或 https:// 开头并包含域名", "the website must start with http:// or https:// and name a host")
            }
        }
        switch UnifiedSocialCreditCode.parse(form.organization.uscc) {
        case .success(let code):
            clean.organization.uscc = code.text
            if code.provinceCode != "33" {
                validator.add("form.organization.uscc", "not_zhejiang", "统一社会信用代码显示该单位不在浙江省登记，本计划须由浙江企业牵头", "the credit code shows an organisation registered outside Zhejiang; a Zhejiang enterprise must lead")
            }
        case .failure(let problem):
            validator.problems.append(problem.fieldProblem(path: "form.organization.uscc"))
        }

        clean.contact.name = validator.text(form.contact.name, "form.contact.name", maximum: 100)
        clean.contact.position = validator.optionalText(form.contact.position, "form.contact.position", maximum: 100)
        switch ContactRules.normalizedPhones(form.contact.phone) {
        case .success(let phone): clean.contact.phone = phone
        case .failure:
            validator.add("form.contact.phone", "invalid_phone", "电话号码格式不正确：手机为 11 位（1 开头），座机须带区号，境外号码请以 + 和国家代码开头", "not a phone number: a mainland mobile has 11 digits starting with 1, a landline needs its area code, and a foreign number starts with + and the country code")
        }
        if let emails = ContactRules.normalizedEmails(form.contact.email) {
            clean.contact.email = emails
        } else if form.contact.email.trimmingCharacters(in: .whitespaces).isEmpty {
            validator.add("form.contact.email", "required", "此项为必填项", "this field is required")
        } else {
            validator.add("form.contact.email", "invalid_email", "电子邮件地址格式不正确（两个地址请用分号或逗号分开）", "not an e-mail address (separate two addresses with a semicolon or a comma)")
        }

        clean.project.technicalArea = validator.text(form.project.technicalArea, "form.project.technicalArea", maximum: 200)
        clean.project.description = validator.text(
            form.project.description, "form.project.description", maximum: 5_000, multiline: true)

        // 3.1 as written: several countries in a cell, regions, 不限, 欧洲.
        // Each entry is text first: no control characters or direction overrides, a sensible length.
        var entries: [String] = []
        var unreadable = false
        for (index, entry) in form.partner.countries.enumerated() {
            switch TextRules.clean(entry, maximumCharacters: 200, multiline: false) {
            case .success(let clean): entries.append(clean)
            case .failure(let problem):
                validator.problems.append(problem.fieldProblem(path: "form.partner.countries[\(index)]"))
                unreadable = true
            }
        }
        let reading = PartnerCountries.read(entries)
        clean.partner.countries = reading.countries
        var regions = reading.regions
        if let given = validator.optionalText(form.partner.region, "form.partner.region", maximum: 200) { regions.insert(given, at: 0) }
        if reading.noPreference && regions.isEmpty { regions.append("不限") }
        clean.partner.region = regions.isEmpty ? nil : String(regions.joined(separator: "；").prefix(200))
        for (entry, pieces) in Dictionary(grouping: reading.unknown, by: \.entry).sorted(by: { $0.key < $1.key }) {
            let zh = pieces.map { "“\($0.text)”" }.joined(separator: "、")
            let en = pieces.map { "'\($0.text)'" }.joined(separator: ", ")
            validator.add("form.partner.countries[\(entry)]", "invalid_country", "无法识别的国家或地区\(zh)，请填写国名（如 以色列、芬兰）或 ISO 两位代码（如 IL），不限请填“不限”", "unknown country or region \(en); write the country's name (Israel, Finland) or its ISO code (IL), or 不限 for no preference")
        }
        if !unreadable && reading.unknown.isEmpty && reading.countries.isEmpty && !reading.noPreference {
            validator.add("form.partner.countries", "required", "请至少填写一个意向合作国家或地区，或填写“不限”", "name at least one country or region for the partner, or 不限 for no preference")
        }
        clean.partner.expertiseSought = validator.text(
            form.partner.expertiseSought, "form.partner.expertiseSought", maximum: 2_000, multiline: true)
        clean.partner.contributionSought = validator.text(
            form.partner.contributionSought, "form.partner.contributionSought", maximum: 2_000, multiline: true)

        return validator.problems.isEmpty ? .success(clean) : .failure(.validationFailed(validator.problems))
    }

    private mutating func add(_ path: String, _ code: String, _ zh: String, _ en: String) {
        self.problems.append(FieldProblem(path: path, code: code, messageZh: zh, messageEn: en))
    }

    private mutating func text(_ value: String, _ path: String, maximum: Int, multiline: Bool = false) -> String {
        switch TextRules.clean(value, maximumCharacters: maximum, multiline: multiline) {
        case .success(let clean) where clean.isEmpty:
            self.add(path, "required", "此项为必填项", "this field is required")
            return clean
        case .success(let clean):
            return clean
        case .failure(let problem):
            self.problems.append(problem.fieldProblem(path: path))
            return value
        }
    }

    private mutating func optionalText(_ value: String?, _ path: String, maximum: Int, multiline: Bool = false) -> String? {
        guard let value else { return nil }
        switch TextRules.clean(value, maximumCharacters: maximum, multiline: multiline) {
        case .success(let clean): return clean.isEmpty ? nil : clean
        case .failure(let problem):
            self.problems.append(problem.fieldProblem(path: path))
            return value
        }
    }

}
