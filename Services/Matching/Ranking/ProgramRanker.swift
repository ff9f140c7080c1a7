import Foundation
import Shared
import TaxonomyKit

/// Ranks every call of the catalogue for a need (DESIGN §2, §8), with the score's parts and reasons in both
/// languages: the country sought, the priority areas shared (through the taxonomy, so 锂电池 reaches 新能源), the
/// deadline, the Yangtze River Delta preference and the call's own rules. A need with no country still gets every
/// call ranked; closed calls come last and say why.
struct ProgramRanker: Sendable {
    let taxonomy: Taxonomy

    /// Points of each part at most.
    static let countryPoints = 40.0
    static let conceptPoints = 40.0
    static let deadlinePoints = 10.0
    static let deltaPoints = 5.0

    func rank(
        calls: [ProgrammeCall], need: Need, countries: [String], inYangtzeRiverDelta: Bool, at now: Date
    ) -> [MatchingInterface.ProgramMatch] {
        var matches = calls.map { self.match($0, need: need, countries: countries, inDelta: inYangtzeRiverDelta, at: now) }
        // A near miss: the need's field is a priority of another call.
        for index in matches.indices where matches[index].sharedConcepts.isEmpty {
            for (other, call) in zip(matches, calls) where !other.sharedConcepts.isEmpty && other.callId != matches[index].callId {
                let place = Self.place(of: call)
                let fields = other.sharedConcepts.map(\.labelZh).joined(separator: "、")
                let fieldsEn = other.sharedConcepts.map(\.labelEn).joined(separator: ", ")
                matches[index].hints.append(.init(
                    code: "priority_elsewhere", zh: "“\(fields)”是\(place.zh)项目的优先领域（\(call.id)）",
                    en: "\(fieldsEn) is among \(place.en)'s priorities (\(call.id))"))
            }
        }
        return matches.sorted { left, right in
                let leftClosed = left.deadlineState == .closed
                let rightClosed = right.deadlineState == .closed
                if leftClosed != rightClosed { return !leftClosed }
                return left.score != right.score ? left.score > right.score : left.callId < right.callId
            }
    }

    /// How reasons name a call's side: the country, or the region for the regional calls.
    static func place(of call: ProgrammeCall) -> (zh: String, en: String) {
        switch call.country {
        case "CN": return ("在华世界 500 强研发机构", "Fortune Global 500 R&D centres in China")
        case "BE": return ("比利时西弗兰德省", "West Flanders")
        case "GB": return ("英国中部地区", "the UK Midlands")
        default: return (CountryNames.chinese(call.country), CountryNames.english(call.country))
        }
    }

    private func match(
        _ call: ProgrammeCall, need: Need, countries: [String], inDelta: Bool, at now: Date
    ) -> MatchingInterface.ProgramMatch {
        var parts: [String: Double] = [:]
        var reasons: [MatchingInterface.Reason] = []
        var hints: [MatchingInterface.Reason] = []
        let (placeZh, placeEn) = Self.place(of: call)

        // Country.
        if call.category == .foreignRndInstitution, countries.contains("CN") {
            parts["country"] = Self.countryPoints
            reasons.append(.init(
                code: "country", zh: "寻求在华研发机构作为合作伙伴，与本项目一致",
                en: "seeks an R&D centre in China as partner, as this call does"))
        } else if call.category == .foreignRndInstitution {
            parts["country"] = Self.countryPoints / 2
            reasons.append(.init(
                code: "country", zh: "合作方为世界 500 强外资企业在华研发机构，不限国别",
                en: "the partner is a Fortune Global 500 company's R&D centre in China, of any country"))
        } else if countries.isEmpty {
            parts["country"] = Self.countryPoints / 2
            hints.append(.init(
                code: "country_open", zh: "需求未指定国家；本项目面向\(placeZh)", en: "the need names no country; this call is for \(placeEn)"))
        } else if countries.contains(call.country) {
            parts["country"] = Self.countryPoints
            reasons.append(.init(
                code: "country", zh: "寻求\(placeZh)的合作伙伴，与本项目一致", en: "seeks partners in \(placeEn), as this call does"))
        } else {
            parts["country"] = 0
            let wanted = countries.map(CountryNames.english).joined(separator: ", ")
            let wantedZh = countries.map(CountryNames.chinese).joined(separator: "、")
            hints.append(.init(
                code: "country_mismatch", zh: "需求寻求\(wantedZh)的伙伴，本项目面向\(placeZh)",
                en: "the need seeks partners in \(wanted); this call is for \(placeEn)"))
        }

        // Priority areas through the taxonomy: a need concept counts when it or an ancestor is a priority.
        let shared = self.taxonomy.priorityAreas(of: call, reachedBy: need.concepts.map(\.id))
        parts["concepts"] = shared.isEmpty ? 0 : min(Self.conceptPoints, Self.conceptPoints * (0.75 + 0.25 * Double(shared.count - 1)))
        for (area, concept) in shared {
            let reference = self.taxonomy.reference(concept)
            let via = reference.labelZh == area.textZh ? "" : "（需求中的“\(reference.labelZh)”）"
            let viaEn = reference.labelEn.lowercased() == area.textEn.lowercased() ? "" : " (the need's \(reference.labelEn))"
            reasons.append(.init(
                code: "shared_priority", zh: "“\(area.textZh)”是\(placeZh)项目的优先领域\(via)",
                en: "\(area.textEn) is among \(placeEn)'s priorities\(viaEn)"))
        }
        if shared.isEmpty, !call.priorityAreas.isEmpty {
            let areasZh = call.priorityAreas.map(\.textZh).joined(separator: "、")
            let areasEn = call.priorityAreas.map(\.textEn).joined(separator: ", ")
            let needZh = need.concepts.isEmpty ? "需求中未识别出技术领域" : "需求的领域（\(need.concepts.map { self.taxonomy.reference($0.id).labelZh }.joined(separator: "、"))）"
            let needEn = need.concepts.isEmpty ? "no technical field was recognised in the need" : "the need's fields (\(need.concepts.map { self.taxonomy.reference($0.id).labelEn }.joined(separator: ", ")))"
            hints.append(.init(
                code: "no_shared_priority", zh: "\(needZh)不在本项目的优先领域内：\(areasZh)",
                en: "\(needEn) are not among this call's priorities: \(areasEn)"))
        }

        // Deadline.
        let state = call.deadlineState(at: now)
        switch state {
        case .open:
            parts["deadline"] = Self.deadlinePoints
            reasons.append(.init(
                code: "deadline_open", zh: "申报截止日期 \(call.deadline ?? "")，仍可申报",
                en: "open until \(call.deadline ?? "")"))
        case .toBeAgreed:
            parts["deadline"] = Self.deadlinePoints / 2
            hints.append(.init(
                code: "deadline_to_be_agreed", zh: call.deadlineWording.zh, en: call.deadlineWording.en))
        case .closed:
            parts["deadline"] = -100
            hints.append(.init(
                code: "deadline_closed", zh: "申报已于 \(call.deadline ?? "") 截止", en: "deadline passed on \(call.deadline ?? "")"))
        }

        // Yangtze River Delta preference and the call's own rules.
        if call.yangtzeRiverDeltaPreferred {
            parts["yrd"] = inDelta ? Self.deltaPoints : 0
            if inDelta {
                reasons.append(.init(
                    code: "yrd_preference", zh: "该计划优先支持联合长三角相关单位的项目，需求中已有长三角单位参与",
                    en: "this call gives priority to teaming up with Yangtze River Delta units, as the need does"))
            } else {
                hints.append(.init(
                    code: "yrd_preference", zh: "该计划优先支持联合长三角相关单位（上海、江苏、浙江、安徽）开展合作",
                    en: "this call gives priority to teaming up with Yangtze River Delta units (Shanghai, Jiangsu, Zhejiang, Anhui)"))
            }
        }
        if call.universitiesEncouraged {
            hints.append(.init(
                code: "universities_encouraged", zh: "鼓励高校参与合作", en: "the participation of universities is encouraged"))
        }
        if !call.eligibleRegions.isEmpty {
            hints.append(.init(
                code: "eligible_regions",
                zh: call.country == "GB"
                    ? "合作企业须位于通知所列 11 个郡之一：\(MidlandsEngine.list(chinese: true))"
                    : call.country == "BE" ? "合作方须位于比利时西弗兰德省" : "合作方须位于：\(call.eligibleRegions.joined(separator: "、"))",
                en: call.country == "GB"
                    ? "the partner must be in one of the notice's 11 counties: \(MidlandsEngine.list(chinese: false))"
                    : call.country == "BE" ? "the partner must be in the Province of West Flanders" : "the partner must be in: \(call.eligibleRegions.joined(separator: ", "))"))
        }
        // How to apply and the county rule (said above) are not about fit; the other requirements are things to check.
        for requirement in call.requirements
        where !["joint_application", "single_application", "partner_in_midlands_county"].contains(requirement.rule) {
            hints.append(.init(code: "requirement_\(requirement.rule)", zh: requirement.textZh, en: requirement.textEn))
        }
        let score = parts.values.reduce(0, +)
        return .init(
            callId: call.id, titleZh: call.titleZh, titleEn: call.titleEn, score: PairRanker.rounded(score), parts: parts,
            deadlineState: state, sharedConcepts: shared.map { self.taxonomy.reference($0.concept) }, reasons: reasons,
            hints: hints)
    }
}
