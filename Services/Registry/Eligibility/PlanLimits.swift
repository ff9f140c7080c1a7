import Shared

/// Bounds on a planned application before any rule looks at it: amounts no enterprise could plan, durations of
/// centuries, names longer than a page, lists longer than any consortium. Such a plan is refused with -32004 naming
/// the field, so that no rule does arithmetic or a loop on an unchecked client value.
enum PlanLimits {
    /// The largest amount in RMB a plan may name: ten trillion, far above any enterprise's R&D spend, and small
    /// enough that every product the rules form (an amount times a percentage) fits in 64 bits.
    static let maximumAmountRmb = 10_000_000_000_000
    /// The longest plausible duration: a century.
    static let maximumDurationMonths = 1_200
    /// The most participants one plan may list.
    static let maximumParticipants = 200
    /// The longest name, address or region accepted.
    static let maximumTextCharacters = 2_000

    /// Every problem with the plan's values, or none.
    static func problems(_ plan: RegistryInterface.ApplicationsCheck.Params) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func amount(_ path: String, _ value: Int) {
            guard !(0...Self.maximumAmountRmb).contains(value) else { return }
            problems.append(FieldProblem(
                path: path, code: "out_of_range",
                messageZh: "金额须在 0 至 \(Self.maximumAmountRmb) 元之间，所填为 \(value)",
                messageEn: "must be an amount from 0 to \(Self.maximumAmountRmb) RMB, not \(value)"))
        }
        amount("requestedFundingRmb", plan.requestedFundingRmb)
        amount("rdSpendRmb", plan.rdSpendRmb)
        if !(0...Self.maximumDurationMonths).contains(plan.durationMonths) {
            problems.append(FieldProblem(
                path: "durationMonths", code: "out_of_range",
                messageZh: "实施期限须在 0 至 \(Self.maximumDurationMonths) 个月之间，所填为 \(plan.durationMonths)",
                messageEn: "must be from 0 to \(Self.maximumDurationMonths) months, not \(plan.durationMonths)"))
        }
        if plan.participants.count > Self.maximumParticipants {
            problems.append(FieldProblem(
                path: "participants", code: "too_many",
                messageZh: "参与单位不能超过 \(Self.maximumParticipants) 家，所填为 \(plan.participants.count) 家",
                messageEn: "at most \(Self.maximumParticipants) participants, not \(plan.participants.count)"))
        }
        var texts: [(String, String?)] = [
            ("callId", plan.callId), ("formId", plan.formId), ("technicalArea", plan.technicalArea),
            ("leadOrganization.kind", plan.leadOrganization.kind), ("leadOrganization.uscc", plan.leadOrganization.uscc),
            ("leadOrganization.name", plan.leadOrganization.name),
            ("partner.name", plan.partner.name), ("partner.country", plan.partner.country), ("partner.region", plan.partner.region),
            ("partner.county", plan.partner.county), ("partner.district", plan.partner.district),
            ("partner.city", plan.partner.city), ("partner.address", plan.partner.address), ("partner.kind", plan.partner.kind),
            ("partner.nutsCode", plan.partner.nutsCode),
            ("partner.fortuneGlobal500Parent", plan.partner.fortuneGlobal500Parent),
        ]
        for (index, participant) in plan.participants.prefix(Self.maximumParticipants).enumerated() {
            texts += [
                ("participants[\(index)].kind", participant.kind), ("participants[\(index)].name", participant.name),
                ("participants[\(index)].province", participant.province),
            ]
        }
        for (path, text) in texts {
            guard let text, text.count > Self.maximumTextCharacters else { continue }
            problems.append(TextRules.Problem.tooLong(maximum: Self.maximumTextCharacters).fieldProblem(path: path))
        }
        return problems
    }
}
