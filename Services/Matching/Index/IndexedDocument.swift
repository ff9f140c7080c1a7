import Foundation
import Shared
import TaxonomyKit

/// One thing the index holds: a partner profile, a published form or a call, as terms, concepts and filters.
struct IndexedDocument: Sendable {
    enum Kind: String, Sendable {
        case partner
        case form
        case call
    }

    var kind: Kind
    /// The registry id: `P-000001`, `F-2026-000001`, `2025-IL`.
    var ref: String
    var name: String
    var country: String?
    /// Forms: the countries sought.
    var countries: [String]?
    var region: String?
    var externalId: String?
    /// Tagged concept ids, in order of first mention.
    var concepts: [String]
    /// Index terms with repeats.
    var terms: [String]
    /// What the result shows or ranking needs (calls: the call as JSON).
    var body: String

    /// `partner:P-000001`, `form:F-2026-000001`, `call:2025-IL`: the same entity names as the feed's.
    var id: String { "\(self.kind.rawValue):\(self.ref)" }

    var uniqueTerms: [String] {
        var seen: Set<String> = []
        return self.terms.filter { seen.insert($0).inserted }
    }

    /// What FTS5 indexes: the terms, then each concept as a token `c_<id>`.
    var searchText: String {
        (self.terms + self.concepts.map(Self.conceptToken)).joined(separator: " ")
    }

    /// Filter tokens: `k_partner`, `cc_il`, `want_fi`.
    var metaText: String {
        var tokens = ["k_\(self.kind.rawValue)"]
        if let country = self.country { tokens.append("cc_\(country.lowercased())") }
        for wanted in self.countries ?? [] { tokens.append("want_\(wanted.lowercased())") }
        return tokens.joined(separator: " ")
    }

    static func conceptToken(_ id: String) -> String {
        "c_" + String(id.map { $0 == "-" ? "_" : $0 })
    }

    static func partner(id: String, _ profile: PartnerProfile, taxonomy: Taxonomy) -> IndexedDocument {
        let text = ([profile.name, profile.expertise, profile.offers ?? "", profile.seeks ?? ""] + profile.keywords)
            .joined(separator: "\n")
        return IndexedDocument(
            kind: .partner, ref: id, name: profile.name, country: profile.country, countries: nil,
            region: profile.region, externalId: profile.externalId, concepts: taxonomy.tag(text).map(\.concept),
            terms: TextAnalyzer.terms(text), body: "")
    }

    static func form(id: String, _ form: PartnerSearchForm, taxonomy: Taxonomy) -> IndexedDocument {
        let text = Self.needText(form)
        return IndexedDocument(
            kind: .form, ref: id, name: form.organization.nameZh, country: nil, countries: form.partner.countries,
            region: nil, externalId: nil, concepts: taxonomy.tag(text).map(\.concept), terms: TextAnalyzer.terms(text),
            body: "")
    }

    static func call(_ call: ProgrammeCall) throws -> IndexedDocument {
        let text = call.priorityAreas.map { "\($0.textZh)\n\($0.textEn)" }.joined(separator: "\n")
        var concepts: [String] = []
        for area in call.priorityAreas { concepts += area.concepts.filter { !concepts.contains($0) } }
        return IndexedDocument(
            kind: .call, ref: call.id, name: call.titleZh, country: call.country, countries: nil, region: call.region,
            externalId: nil, concepts: concepts, terms: TextAnalyzer.terms(text), body: try LingyanJSON.string(call))
    }

    /// The parts of a form that say what is needed, in the order they weigh.
    static func needText(_ form: PartnerSearchForm) -> String {
        [
            form.project.technicalArea, form.project.description, form.partner.expertiseSought,
            form.partner.contributionSought, form.organization.businessAndProducts,
        ].joined(separator: "\n")
    }
}
