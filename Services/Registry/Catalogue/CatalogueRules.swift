import Foundation
import Shared

/// What the catalogue computes and checks about calls.
enum CatalogueRules {
    private static let hangzhou = TimeZone(identifier: "Asia/Shanghai")!

    /// The call's deadline state at `now`.
    static func deadlineState(of call: ProgrammeCall, at now: Date) -> DeadlineState {
        call.deadlineState(at: now)
    }

    /// `now` as `YYYY-MM-DD` in Hangzhou (comparable as text).
    static func localDate(_ now: Date) -> String {
        ProgrammeCall.hangzhouDay(now)
    }

    /// Every problem with a call a person submitted, in both languages; empty when it may be stored.
    static func problems(in call: ProgrammeCall) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func add(_ path: String, _ code: String, _ zh: String, _ en: String) {
            problems.append(FieldProblem(path: "call.\(path)", code: code, messageZh: zh, messageEn: en))
        }
        if call.id.range(of: #"^[0-9]{4}-[A-Z0-9]+(-[A-Z0-9]+)*$"#, options: .regularExpression) == nil {
            add("id", "invalid_id", "编号须为“年份-国家或类别”，如 2026-FI", "id must be year-country or scheme, such as 2026-FI")
        } else if !call.id.hasPrefix("\(call.year)-") {
            add("id", "year_mismatch", "编号须以年份 \(call.year) 开头", "id must start with the year \(call.year)")
        }
        if !(2000...2100).contains(call.year) {
            add("year", "out_of_range", "年份须在 2000 至 2100 之间", "year must be between 2000 and 2100")
        }
        if call.country.range(of: "^[A-Z]{2}$", options: .regularExpression) == nil {
            add("country", "invalid_country", "国家须为 ISO 3166-1 两位字母代码，如 FI", "country must be an ISO 3166-1 alpha-2 code such as FI")
        }
        for (path, text) in [("titleZh", call.titleZh), ("titleEn", call.titleEn)] {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add(path, "required", "不能为空", "must not be empty")
            } else if text.count > 200 {
                add(path, "too_long", "不能超过 200 个字符", "must be at most 200 characters")
            }
        }
        if let authority = call.authority {
            if authority.nameZh.trimmingCharacters(in: .whitespaces).isEmpty {
                add("authority.nameZh", "required", "外方主管部门中文名称不能为空", "the authority's Chinese name must not be empty")
            }
            if authority.nameEn.trimmingCharacters(in: .whitespaces).isEmpty {
                add("authority.nameEn", "required", "外方主管部门英文名称不能为空", "the authority's English name must not be empty")
            }
            if let website = authority.website, !TextRules.isWebAddress(website) {
                add("authority.website", "invalid_url", "网址须以 http:// 或 https:// 开头", "the web address must start with http:// or https://")
            }
        }
        for (index, area) in call.priorityAreas.enumerated() {
            if area.textZh.trimmingCharacters(in: .whitespaces).isEmpty {
                add("priorityAreas[\(index)].textZh", "required", "优先领域不能为空", "a priority area must not be empty")
            }
            for concept in area.concepts where concept.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
                add("priorityAreas[\(index)].concepts", "invalid_concept", "概念编号“\(concept)”格式不正确", "concept id '\(concept)' is not lower-case words joined by hyphens")
            }
        }
        if let deadline = call.deadline, !Self.isDate(deadline) {
            add("deadline", "invalid_date", "截止日期须为 YYYY-MM-DD 格式的有效日期", "deadline must be a valid date written YYYY-MM-DD")
        }
        let rules = call.rules
        if rules.minimumDurationMonths <= 0 || rules.maximumDurationMonths < rules.minimumDurationMonths {
            add("rules.maximumDurationMonths", "invalid_range", "实施期限范围不正确", "the duration range is not valid")
        }
        if rules.maximumFundingRmb <= 0 {
            add("rules.maximumFundingRmb", "out_of_range", "资助上限须大于 0", "the funding cap must be above 0")
        }
        if !(1...100).contains(rules.maximumShareOfRdSpendPercent) {
            add("rules.maximumShareOfRdSpendPercent", "out_of_range", "比例须在 1 至 100 之间", "the share must be between 1 and 100")
        }
        return problems
    }

    private static func isDate(_ text: String) -> Bool {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return false }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.hangzhou
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return false
        }
        return Self.localDate(date) == text
    }

}
