import Foundation
import GRDB
import ServiceKit
import Shared
import TaxonomyKit

/// `matches.programs`, `matches.partners`, `matches.forms`, `taxonomy.tag`.
struct MatchingHandlers: Sendable {
    let store: MatchingStore
    let taxonomy: Taxonomy
    let registry: RegistryLink
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(MatchingInterface.IndexStatus.self) { _, _ in try self.store.status() }
        router.registerBlocking(MatchingInterface.IndexRebuild.self) { _, context in
            try self.store.rebuild()
            context.logger.notice("index emptied; rebuilding from the registry feed")
            return try self.store.status()
        }
        router.registerBlocking(MatchingInterface.Tag.self) { params, _ in
            .init(concepts: self.taxonomy.tag(params.text).map { self.taxonomy.reference($0.concept, matched: $0.matched) })
        }
        router.register(MatchingInterface.Programs.self) { params, _ in
            let form = try await self.form(id: params.formId, inline: params.form)
            let need = Need(text: IndexedDocument.needText(form), taxonomy: self.taxonomy)
            let now = self.clock.now()
            return try await self.store.database.read { db in
                let calls = try MatchingStore.documents(db, kind: .call).map {
                    try LingyanJSON.decode(ProgrammeCall.self, from: $0.body.utf8)
                }
                // The preference is for teaming up with Delta units, which the need may name; being in Zhejiang
                // (every applicant is) is not enough.
                let results = ProgramRanker(taxonomy: self.taxonomy).rank(
                    calls: calls, need: need, countries: form.partner.countries,
                    inYangtzeRiverDelta: YangtzeRiverDelta.teamsUp(in: form), at: now)
                return .init(results: results, needConcepts: self.references(need))
            }
        }
        router.register(MatchingInterface.Partners.self) { params, _ in
            let limit = try Self.limit(params.limit)
            let form = try await self.form(id: params.formId, inline: params.form)
            let text = IndexedDocument.needText(form)
            if let country = params.country, country.range(of: "^[A-Za-z]{2}$", options: .regularExpression) == nil {
                throw RPCError.validationFailed([FieldProblem(
                    path: "country", code: "invalid_country", messageZh: "国家须为 ISO 3166-1 两位字母代码，如 IL",
                    messageEn: "country must be an ISO 3166-1 alpha-2 code such as IL")])
            }
            let countries = params.country.map { [$0.uppercased()] } ?? form.partner.countries
            return try await self.store.database.read { db in
                var need = Need(text: text, taxonomy: self.taxonomy)
                if let formId = params.formId { need.isIndexed = try MatchingStore.contains(db, id: "form:\(formId)") }
                let results = try PairRanker(taxonomy: self.taxonomy, frequencyCache: self.store.frequencies).partners(
                    for: need, countries: countries, regions: try Indexer.midlandsCounties(db), formId: params.formId,
                    limit: limit, db: db)
                return .init(results: results, needConcepts: self.references(need))
            }
        }
        router.register(MatchingInterface.Forms.self) { params, _ in
            let limit = try Self.limit(params.limit)
            return try await self.store.database.read { db in
                guard let partner = try MatchingStore.document(db, id: "partner:\(params.partnerId)"), let country = partner.country
                else {
                    throw RPCError(code: .notFound, message: "no partner profile \(params.partnerId) in the index")
                }
                var need = Need(
                    concepts: partner.concepts, terms: partner.terms.map(String.init).sorted())
                need.isIndexed = true
                let results = try PairRanker(taxonomy: self.taxonomy, frequencyCache: self.store.frequencies).forms(
                    for: need, country: country, partnerId: partner.ref, externalId: partner.externalId, limit: limit, db: db)
                return .init(results: results, needConcepts: self.references(need))
            }
        }
    }

    private func references(_ need: Need) -> [MatchingInterface.ConceptRef] {
        need.concepts.map { self.taxonomy.reference($0.id, matched: $0.matched.isEmpty ? nil : $0.matched) }
    }

    /// The form named, from the registry, or the one given inline; exactly one of them.
    private func form(id: String?, inline: PartnerSearchForm?) async throws -> PartnerSearchForm {
        switch (id, inline) {
        case (let id?, nil):
            return try await self.registry.call(RegistryInterface.FormsGet.self, .init(id: id)).form
        case (nil, let form?):
            return form
        default:
            throw RPCError.invalidParams("give either formId or form")
        }
    }

    private static func limit(_ requested: Int?) throws -> Int {
        let limit = requested ?? 20
        guard (1...100).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 100") }
        return limit
    }
}
