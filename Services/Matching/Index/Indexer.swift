import Foundation
import GRDB
import Logging
import ServiceKit
import Shared
import TaxonomyKit

/// Keeps the index in step with the registry's feed (DESIGN §6, §8), and raises `match.found` for new pairs.
///
/// Each page of registry events is first resolved against the registry (the current call, form or profile each
/// event names), then applied with the cursor in one transaction: a call or profile is indexed, a form is indexed
/// while it is published and removed otherwise. Applying the same entity twice gives the same index, so a rebuild
/// from the feed gives the index a running service has.
struct Indexer: Sendable {
    let taxonomy: Taxonomy
    let feed: ChangeFeed
    let clock: LingyanClock
    let alertThreshold: Double

    /// The registry entities a page names, by feed entity (`form:F-…`), fetched concurrently.
    static func prefetch(_ client: RPCClient, _ events: [FeedInterface.FeedEvent]) async throws -> [String: any Sendable] {
        let wanted = events.filter { event in
            let kind = event.entity.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            return ["form", "partner", "call"].contains(kind) && event.type.hasPrefix(kind + ".")
        }
        return try await RegistryEntities.fetch(client, keys: wanted.map(\.entity))
    }

    /// Applies one registry event inside the consumer's transaction.
    func apply(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        let stamp = Timestamp.string(from: self.clock.now())
        switch fetched[event.entity] {
        case let call as ProgrammeCall:
            try MatchingStore.upsert(try IndexedDocument.call(call), db: db, at: stamp)
        case let partner as StoredPartner:
            let document = IndexedDocument.partner(id: partner.id, partner.profile, taxonomy: self.taxonomy)
            // A withdrawn or expired profile leaves every ranking; re-activated, it is indexed (and alerted) anew.
            guard partner.status == .active else {
                try MatchingStore.remove(id: document.id, db: db)
                return
            }
            let isNew = try !MatchingStore.contains(db, id: document.id)
            try MatchingStore.upsert(document, db: db, at: stamp)
            if isNew { try self.alertForms(for: document, db: db) }
        case let form as StoredForm:
            let document = IndexedDocument.form(id: form.id, form.form, taxonomy: self.taxonomy)
            if form.status == .published {
                let isNew = try !MatchingStore.contains(db, id: document.id)
                try MatchingStore.upsert(document, db: db, at: stamp)
                if isNew { try self.alertPartners(for: document, db: db) }
            } else {
                try MatchingStore.remove(id: document.id, db: db)
            }
        default:
            break
        }
    }

    /// Pairs of a newly published form above the threshold, each alerted once.
    private func alertPartners(for form: IndexedDocument, db: Database) throws {
        var need = Need(concepts: form.concepts, terms: form.uniqueTerms)
        need.isIndexed = true
        let regions = try Self.midlandsCounties(db)
        let matches = try PairRanker(taxonomy: self.taxonomy).partners(
            for: need, countries: form.countries ?? [], regions: regions, formId: form.ref, limit: 50, db: db)
        for match in matches where match.score >= self.alertThreshold {
            try self.alert(match, formId: form.ref, partnerId: match.partnerId, db: db)
        }
    }

    /// Pairs of a newly imported profile above the threshold, each alerted once.
    private func alertForms(for partner: IndexedDocument, db: Database) throws {
        // A bulk import before any form is published has nothing to pair with.
        guard let country = partner.country, try MatchingStore.count(db, kind: .form) > 0 else { return }
        var need = Need(concepts: partner.concepts, terms: partner.uniqueTerms)
        need.isIndexed = true
        let matches = try PairRanker(taxonomy: self.taxonomy).forms(
            for: need, country: country, partnerId: partner.ref, externalId: partner.externalId, limit: 50, db: db)
        for match in matches where match.score >= self.alertThreshold {
            if country == "GB", let regions = try Self.midlandsCounties(db), !Self.isEligible(region: partner.region, regions) {
                continue
            }
            try self.alert(match, formId: match.formId ?? "", partnerId: partner.ref, db: db)
        }
    }

    private func alert(_ match: MatchingInterface.PairMatch, formId: String, partnerId: String, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO alerts (formId, partnerId, score, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [formId, partnerId, match.score, Timestamp.string(from: self.clock.now())])
        guard db.changesCount > 0 else { return }
        try self.feed.append(
            db, type: "match.found", entity: "match:\(formId):\(partnerId)",
            actor: CommonInterface.Actor(uid: getuid(), user: SystemUsers.name(of: getuid()), pid: getpid(), operator: "matching"),
            data: [
                "formId": .string(formId), "partnerId": .string(partnerId), "score": .double(match.score),
                "concepts": .array(match.sharedConcepts.map { .string($0.id) }),
                // Labels and reasons travel with the event so that a message can name them in both languages.
                "conceptLabels": .array(match.sharedConcepts.map {
                    .object(["id": .string($0.id), "zh": .string($0.labelZh), "en": .string($0.labelEn)])
                }),
                "reasons": .array(match.reasons.map {
                    .object(["code": .string($0.code), "zh": .string($0.zh), "en": .string($0.en)])
                }),
            ])
    }

    /// Whether a UK profile's region is among the call's counties: a county, or a NUTS area made only of them
    /// ("Derbyshire and Nottinghamshire").
    static func isEligible(region: String?, _ counties: Set<String>) -> Bool {
        guard let region else { return false }
        if counties.contains(region) { return true }
        let parts = MidlandsEngine.counties(inArea: region)
        return !parts.isEmpty && parts.allSatisfy(counties.contains)
    }

    /// The counties the UK Midlands call accepts partners from, when that call is indexed.
    static func midlandsCounties(_ db: Database) throws -> Set<String>? {
        for row in try MatchingStore.documents(db, kind: .call) where row.country == "GB" {
            let call = try LingyanJSON.decode(ProgrammeCall.self, from: row.body.utf8)
            if !call.eligibleRegions.isEmpty { return Set(call.eligibleRegions) }
        }
        return nil
    }
}
