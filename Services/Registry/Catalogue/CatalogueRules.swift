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

    /// The most priority areas, requirements, eligible regions or concepts one call may list.
    static let maximumListLength = 100

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
            }
        }
        // Every text of a call reaches letters, tables and the ranker: one line each (requirements may have more),
        // no control characters or direction overrides, and a length a page can show.
        var texts: [(path: String, text: String?, maximum: Int, multiline: Bool)] = [
            ("titleZh", call.titleZh, 200, false), ("titleEn", call.titleEn, 200, false), ("region", call.region, 100, false),
            ("authority.nameZh", call.authority?.nameZh, 200, false), ("authority.nameEn", call.authority?.nameEn, 200, false),
            ("authority.website", call.authority?.website, 500, false),
        ]
        for (index, area) in call.priorityAreas.prefix(Self.maximumListLength).enumerated() {
            texts += [("priorityAreas[\(index)].textZh", area.textZh, 500, false), ("priorityAreas[\(index)].textEn", area.textEn, 500, false)]
        }
        for (index, requirement) in call.requirements.prefix(Self.maximumListLength).enumerated() {
            texts += [
                ("requirements[\(index)].rule", requirement.rule, 100, false),
                ("requirements[\(index)].textZh", requirement.textZh, 2_000, true),
                ("requirements[\(index)].textEn", requirement.textEn, 2_000, true),
            ]
        }
        for (index, contact) in (call.contacts ?? []).prefix(Self.maximumListLength).enumerated() {
            texts += [
                ("contacts[\(index)].roleZh", contact.roleZh, 100, false), ("contacts[\(index)].roleEn", contact.roleEn, 100, false),
                ("contacts[\(index)].organizationZh", contact.organizationZh, 200, false),
                ("contacts[\(index)].organizationEn", contact.organizationEn, 200, false),
                ("contacts[\(index)].name", contact.name, 100, false), ("contacts[\(index)].phone", contact.phone, 100, false),
                ("contacts[\(index)].email", contact.email, 200, false), ("contacts[\(index)].address", contact.address, 500, false),
            ]
        }
        for (index, region) in call.eligibleRegions.prefix(Self.maximumListLength).enumerated() {
            texts.append(("eligibleRegions[\(index)]", region, 100, false))
        }
        for entry in texts {
            guard let text = entry.text else { continue }
            if case .failure(let problem) = TextRules.clean(text, maximumCharacters: entry.maximum, multiline: entry.multiline) {
                problems.append(problem.fieldProblem(path: "call.\(entry.path)"))
            }
        }
        for (path, count) in [("priorityAreas", call.priorityAreas.count), ("requirements", call.requirements.count), ("eligibleRegions", call.eligibleRegions.count), ("contacts", call.contacts?.count ?? 0)]
        where count > Self.maximumListLength {
            add(path, "too_many", "不能超过 \(Self.maximumListLength) 项", "must have at most \(Self.maximumListLength) entries")
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
        for (index, area) in call.priorityAreas.prefix(Self.maximumListLength).enumerated() {
            if area.textZh.trimmingCharacters(in: .whitespaces).isEmpty {
                add("priorityAreas[\(index)].textZh", "required", "优先领域不能为空", "a priority area must not be empty")
            }
            if area.concepts.count > Self.maximumListLength {
                add("priorityAreas[\(index)].concepts", "too_many", "不能超过 \(Self.maximumListLength) 项", "must have at most \(Self.maximumListLength) entries")
            }
            for concept in area.concepts.prefix(Self.maximumListLength)
            where concept.count > 100 || concept.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
                add("priorityAreas[\(index)].concepts", "invalid_concept", "概念编号“\(concept.prefix(100))”格式不正确", "concept id '\(concept.prefix(100))' is not lower-case words joined by hyphens")
            }
        }
        if let deadline = call.deadline, Self.startOfDay(deadline) == nil {
            add("deadline", "invalid_date", "截止日期须为 YYYY-MM-DD 格式的有效日期", "deadline must be a valid date written YYYY-MM-DD")
        }
        let rules = call.rules
        if !(1...PlanLimits.maximumDurationMonths).contains(rules.minimumDurationMonths) {
            add("rules.minimumDurationMonths", "out_of_range", "最短实施期限须在 1 至 \(PlanLimits.maximumDurationMonths) 个月之间", "the shortest duration must be from 1 to \(PlanLimits.maximumDurationMonths) months")
        } else if !(rules.minimumDurationMonths...PlanLimits.maximumDurationMonths).contains(rules.maximumDurationMonths) {
            add("rules.maximumDurationMonths", "invalid_range", "最长实施期限须不短于最短期限，且不超过 \(PlanLimits.maximumDurationMonths) 个月", "the longest duration must be at least the shortest and at most \(PlanLimits.maximumDurationMonths) months")
        }
        if !(1...PlanLimits.maximumAmountRmb).contains(rules.maximumFundingRmb) {
            add("rules.maximumFundingRmb", "out_of_range", "资助上限须在 1 至 \(PlanLimits.maximumAmountRmb) 元之间", "the funding cap must be from 1 to \(PlanLimits.maximumAmountRmb) RMB")
        }
        if !(1...100).contains(rules.maximumShareOfRdSpendPercent) {
            add("rules.maximumShareOfRdSpendPercent", "out_of_range", "比例须在 1 至 100 之间", "the share must be between 1 and 100")
        }
        return problems
    }

    /// The start of a Hangzhou day written `YYYY-MM-DD`, or nil when the text is not a real date (2024-02-30).
    static func startOfDay(_ text: String) -> Date? {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.hangzhou
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              Self.localDate(date) == text
        else { return nil }
        return date
    }
}
