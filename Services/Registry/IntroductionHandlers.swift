import Foundation
import ServiceKit
import Shared

/// `introductions.create/update/list` and `stats.summary`.
struct IntroductionHandlers: Sendable {
    let store: RegistryStore
    let clock: LingyanClock

    /// The partner rules of every call the introduction could be for: the partner's country, sought by the form.
    private func partnerWarnings(formId: String, partnerId: String) throws -> [RegistryInterface.Finding] {
        guard let form = try self.store.form(id: formId), let partner = try self.store.partner(id: partnerId) else { return [] }
        let profile = partner.profile
        let sought = form.form.partner.countries
        let planned = RegistryInterface.PlannedPartner(
            name: profile.name, country: profile.country, region: profile.region, city: profile.city, kind: profile.kind,
            nutsCode: profile.nutsCode)
        let calls = try self.store.calls(year: nil).filter { $0.country == profile.country && (sought.isEmpty || sought.contains($0.country)) }
        var warnings: [RegistryInterface.Finding] = []
        if calls.isEmpty, !sought.isEmpty, !sought.contains(profile.country) {
            warnings.append(.init(
                rule: "partner_country", severity: "warning",
                messageZh: "该合作方位于\(CountryNames.chinese(profile.country))，不在需求表寻求的国家（\(sought.map(CountryNames.chinese).joined(separator: "、"))）之内",
                messageEn: "the partner is in \(CountryNames.english(profile.country)), not among the countries the form seeks (\(sought.map(CountryNames.english).joined(separator: ", ")))"))
        }
        for call in calls {
            for finding in EligibilityChecker.partnerFindings(planned, call: call) where finding.severity != "priority" {
                warnings.append(.init(
                    rule: finding.rule, severity: finding.severity, messageZh: "\(call.id)：\(finding.messageZh)",
                    messageEn: "\(call.id): \(finding.messageEn)"))
            }
        }
        return warnings
    }

    func register(in router: inout RPCRouter) {
        router.registerBlocking(RegistryInterface.IntroductionsCreate.self) { params, context in
            let note = try Self.note(params.note)
            var introduction = try Self.translating {
                try self.store.createIntroduction(
                    formId: params.formId, partnerId: params.partnerId, note: note, actor: context.actor, at: self.clock.now())
            }
            introduction.warnings = try self.partnerWarnings(formId: params.formId, partnerId: params.partnerId)
            return introduction
        }
        router.registerBlocking(RegistryInterface.IntroductionsUpdate.self) { params, context in
            let note = try Self.note(params.note)
            return try Self.translating {
                try self.store.advanceIntroduction(
                    id: params.id, revision: params.revision, to: params.status, note: note, actor: context.actor, at: self.clock.now())
            }
        }
        router.registerBlocking(RegistryInterface.IntroductionsList.self) { params, _ in
            .init(introductions: try self.store.introductions(formId: params.formId, partnerId: params.partnerId, status: params.status))
        }
        router.registerBlocking(RegistryInterface.StatsSummary.self) { params, _ in
            let (start, end) = try Self.period(from: params.from, to: params.to)
            let counts = try self.store.counts(submittedFrom: start, submittedBefore: end)
            let now = self.clock.now()
            var calls: [String: Int] = [:]
            var byCall: [String: Int] = [:]
            for call in try self.store.calls(year: nil) {
                calls[CatalogueRules.deadlineState(of: call, at: now).rawValue, default: 0] += 1
                if let count = counts.formsByCountry[call.country] { byCall[call.id] = count }
            }
            if counts.formsWithoutCountry > 0 { byCall["any"] = counts.formsWithoutCountry }
            return .init(
                formsByStatus: counts.formsByStatus, formsByCountry: counts.formsByCountry, formsByArea: counts.formsByArea,
                callsByDeadlineState: calls, partnersByCountry: counts.partnersByCountry,
                introductionsByStatus: counts.introductionsByStatus, formsByCall: byCall, formsByMonth: counts.formsByMonth,
                from: params.from, to: params.to)
        }
    }

    /// A period of Hangzhou days as UTC instants: from the start of `from` to the start of the day after `to`.
    private static func period(from: String?, to: String?) throws -> (String?, String?) {
        var problems: [FieldProblem] = []
        func instant(_ day: String?, _ path: String, dayAfter: Bool) -> String? {
            guard let day else { return nil }
            guard let date = CatalogueRules.startOfDay(day) else {
                problems.append(FieldProblem(
                    path: path, code: "invalid_date", messageZh: "须为 YYYY-MM-DD 格式的有效日期", messageEn: "must be a valid date written YYYY-MM-DD"))
                return nil
            }
            return Timestamp.string(from: dayAfter ? date.addingTimeInterval(86_400) : date)
        }
        let start = instant(from, "from", dayAfter: false)
        let end = instant(to, "to", dayAfter: true)
        if let from, let to, problems.isEmpty, from > to {
            problems.append(FieldProblem(path: "to", code: "invalid_range", messageZh: "结束日期不能早于开始日期", messageEn: "to must not be before from"))
        }
        guard problems.isEmpty else { throw RPCError.validationFailed(problems) }
        return (start, end)
    }

    private static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegistryStoreError {
            throw error.wireError
        }
    }

    private static func note(_ text: String?) throws -> String? {
        guard let text else { return nil }
        switch TextRules.clean(text, maximumCharacters: 2_000, multiline: true) {
        case .success(let clean): return clean.isEmpty ? nil : clean
        case .failure(let problem): throw RPCError.validationFailed([problem.fieldProblem(path: "note")])
        }
    }
}
