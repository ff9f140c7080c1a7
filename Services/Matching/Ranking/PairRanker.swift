import Foundation
import GRDB
import Shared
import TaxonomyKit

/// Ranks partner profiles for a need, and forms for a profile (DESIGN §8).
///
/// Candidates come from one FTS5 query (the need's rarest terms, concept tokens and the concepts' labels in both
/// languages), filtered by country in the same query and by kind afterwards; each is then scored by concept agreement and by its BM25 text
/// score, and explained: the concepts shared, the terms matched, the country.
struct PairRanker: Sendable {
    let taxonomy: Taxonomy
    /// Remembered document frequencies for queries; nil reads them exactly (alerts, inside index writes).
    var frequencyCache: FrequencyCache? = nil
    /// Candidates read from the index before re-ranking.
    var candidates = 100

    /// Weights of the score's parts.
    static let conceptWeight = 0.6
    static let textWeight = 0.4
    /// BM25 at which the text part reaches one half.
    static let textHalfScore = 6.0

    /// Partner profiles for a need, in `countries` (all when empty); GB profiles only in `regions` when given.
    func partners(
        for need: Need, countries: [String], regions: Set<String>?, formId: String?, limit: Int, db: Database
    ) throws -> [MatchingInterface.PairMatch] {
        // A country token alone is the cheaper filter (its list is shorter than every partner's), and with no
        // country none: the few calls and forms among the candidates are dropped below.
        // Only two-letter codes become tokens of the full-text query: anything else would be query syntax.
        let codes = countries.filter { $0.utf8.count == 2 && $0.utf8.allSatisfy { (0x41...0x5A).contains($0 & ~0x20) } }
        let filter = codes.isEmpty
            ? nil : "meta:(" + codes.map { "cc_\($0.lowercased())" }.joined(separator: " OR ") + ")"
        let (candidates, plan) = try self.search(need: need, filter: filter, extra: codes.isEmpty ? 20 : 0, db: db)
        let found = candidates.filter { candidate in
            guard candidate.row.kind == IndexedDocument.Kind.partner.rawValue else { return false }
            guard candidate.row.country == "GB", let regions else { return true }
            return Indexer.isEligible(region: candidate.row.region, regions)
        }
        let ranked = found.map { candidate in
            self.pair(need: need, candidate: candidate, partnerId: candidate.row.ref, formId: formId, regions: regions)
        }.sorted(by: Self.order).prefix(limit)
        return try self.withMatchedTerms(Array(ranked), need: need, plan: plan, db: db) { "partner:\($0.partnerId)" }
    }

    /// Published forms that seek `country`, for a partner profile.
    func forms(for need: Need, country: String, partnerId: String, externalId: String?, limit: Int, db: Database)
        throws -> [MatchingInterface.PairMatch]
    {
        // With no published form there is nothing to rank, and the query would still score every matching profile.
        guard try MatchingStore.count(db, kind: .form) > 0 else { return [] }
        let filter = "meta:want_\(country.lowercased())"
        let (candidates, plan) = try self.search(need: need, filter: filter, extra: 0, db: db)
        let ranked = candidates.filter { $0.row.kind == IndexedDocument.Kind.form.rawValue }.map { candidate in
            var match = self.pair(need: need, candidate: candidate, partnerId: partnerId, formId: candidate.row.ref, regions: nil)
            match.externalId = externalId
            return match
        }.sorted(by: Self.order).prefix(limit)
        return try self.withMatchedTerms(Array(ranked), need: need, plan: plan, db: db) { "form:\($0.formId ?? "")" }
    }

    /// Adds the words each shown result shares with the need: its own words and the taxonomy's words for its
    /// concepts (in the other language too), so that a person sees why a Chinese need found an English profile.
    /// Words most documents have say nothing and are not shown; a stemmed term is shown as the need or its concepts'
    /// labels write it ("membranes", not "membran").
    private func withMatchedTerms(
        _ results: [MatchingInterface.PairMatch], need: Need, plan: QueryPlan, db: Database,
        id: (MatchingInterface.PairMatch) -> String
    ) throws -> [MatchingInterface.PairMatch] {
        let telling = need.ftsTerms(taxonomy: self.taxonomy).filter { !$0.hasPrefix("c_") && plan.isTelling($0) }
        // A shared term is shown as the need or the labels of its concepts write it (profiles keep no text here).
        let wording = ([need.text ?? ""] + need.concepts.flatMap { self.taxonomy.concepts[$0.id]?.labelsEn ?? [] })
            .joined(separator: " ")
        let surfaces = Self.surfaceWords(in: wording, for: Set(telling))
        let terms = try MatchingStore.terms(db, ids: results.map(id))
        return results.map { result in
            var result = result
            let documentTerms = terms[id(result)] ?? []
            result.matchedTerms = telling.filter { documentTerms.contains(Substring($0)) }.prefix(20).map { surfaces[$0] ?? $0 }
            if !result.matchedTerms.isEmpty {
                let shown = result.matchedTerms.prefix(8).joined(separator: ", ")
                result.reasons.insert(
                    .init(code: "matched_terms", zh: "共同的关键词：\(shown)", en: "words in common: \(shown)"),
                    at: result.reasons.firstIndex { $0.code == "country" } ?? result.reasons.endIndex)
            }
            return result
        }
    }

    /// For each stemmed term wanted, the first word of `text` (lower-cased) that stems to it.
    static func surfaceWords(in text: String, for wanted: Set<String>) -> [String: String] {
        var found: [String: String] = [:]
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            let lowered = word.lowercased()
            let stem = TextAnalyzer.stem(lowered)
            if wanted.contains(stem), found[stem] == nil { found[stem] = lowered }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic && !TextAnalyzer.isHan(scalar) || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
            }
            if found.count == wanted.count { break }
        }
        flush()
        return found
    }

    private static func order(_ left: MatchingInterface.PairMatch, _ right: MatchingInterface.PairMatch) -> Bool {
        left.score != right.score ? left.score > right.score : (left.formId ?? left.partnerId) < (right.formId ?? right.partnerId)
    }

    /// Terms in more than this share of documents are left out of a query, and at most `maximumTerms` of the
    /// rarest are kept: a term nearly every profile has ("develop", "industrial") adds almost nothing to BM25 but
    /// makes FTS5 score every document.
    static let commonShare = 0.1
    static let maximumTerms = 20
    /// Concept tokens are kept up to this share (and always below 2,000 documents): a concept most profiles carry
    /// ("manufacturing" in "manufacturing partners wanted") picks out nothing, and still counts in the concept score
    /// of the candidates found.
    static let commonConceptShare = 0.25
    /// The postings one query may read, summed over its terms, rarest first: FTS5 reads and scores every posting of
    /// every term, so this bounds a query's cost however large the index grows. Concept tokens may use up to
    /// `conceptBudgetShare` of it before the words come in.
    static let postingBudget = 6_000
    static let conceptBudgetShare = 0.6

    /// What a query runs with: its terms, and the document frequencies and index size they were chosen by, which
    /// also decide which shared words are worth showing.
    struct QueryPlan {
        var terms: [String]
        var frequencies: [String: Int]
        var total: Int

        /// The most documents a term may be in and still say something about a match.
        var commonLimit: Int { max(3, Int(Double(self.total) * PairRanker.commonShare)) }

        /// Whether a term is in few enough documents to say something about a match.
        func isTelling(_ term: String) -> Bool { (self.frequencies[term] ?? 0) <= self.commonLimit }
    }

    /// The terms a query runs with: concept tokens, then other terms, each group rarest first, within the budget.
    func queryPlan(need: Need, db: Database) throws -> QueryPlan {
        let all = need.ftsTerms(taxonomy: self.taxonomy)
        var frequencies = try self.frequencyCache?.frequencies(db, terms: all)
            ?? MatchingStore.documentFrequencies(db, terms: all)
        if need.isIndexed {
            for (term, count) in frequencies { frequencies[term] = count > 1 ? count - 1 : nil }
        }
        let total = try self.frequencyCache?.documentCount(db) ?? MatchingStore.documentCount(db)
        var plan = QueryPlan(terms: [], frequencies: frequencies, total: total)
        let conceptLimit = max(2_000, Int(Double(total) * Self.commonConceptShare))
        let concepts = all.filter { $0.hasPrefix("c_") && frequencies[$0].map { $0 <= conceptLimit } == true }
            .sorted { frequencies[$0]! < frequencies[$1]! }
        let others = all.filter { !$0.hasPrefix("c_") && frequencies[$0] != nil }.sorted { frequencies[$0]! < frequencies[$1]! }
        var terms: [String] = []
        var postings = 0
        for term in concepts where terms.isEmpty || postings + frequencies[term]! <= Int(Double(Self.postingBudget) * Self.conceptBudgetShare) {
            terms.append(term)
            postings += frequencies[term]!
        }
        for term in others.prefix(while: { frequencies[$0]! <= plan.commonLimit }) {
            guard terms.count < Self.maximumTerms, postings + frequencies[term]! <= Self.postingBudget else { break }
            terms.append(term)
            postings += frequencies[term]!
        }
        // A need made only of common words still gets its three rarest.
        if terms.count < 3 { terms += others.filter { !terms.contains($0) }.prefix(3 - terms.count) }
        plan.terms = terms
        return plan
    }

    /// The best `candidates` (+ `extra`) documents by BM25 among those `filter` admits, and the plan that found them.
    private func search(need: Need, filter: String?, extra: Int, db: Database)
        throws -> (candidates: [(row: MatchingStore.Row, bm25: Double)], plan: QueryPlan)
    {
        let plan = try self.queryPlan(need: need, db: db)
        guard !plan.terms.isEmpty else { return ([], plan) }
        let words = "terms:(" + plan.terms.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
        let match = filter.map { "\($0) AND \(words)" } ?? words
        return (try MatchingStore.search(db, match: match, limit: self.candidates + extra), plan)
    }

    private func pair(
        need: Need, candidate: (row: MatchingStore.Row, bm25: Double), partnerId: String, formId: String?,
        regions: Set<String>?
    ) -> MatchingInterface.PairMatch {
        let row = candidate.row
        let needConcepts = need.concepts.map(\.id)
        let (conceptScore, shared) = ConceptOverlap.score(need: needConcepts, other: row.concepts, taxonomy: self.taxonomy)
        let strength = -candidate.bm25
        let textScore = strength / (strength + Self.textHalfScore)
        let score = (Self.conceptWeight * conceptScore + Self.textWeight * textScore)
        var reasons: [MatchingInterface.Reason] = []
        if !shared.isEmpty {
            let zh = shared.map { self.taxonomy.reference($0).labelZh }.joined(separator: "、")
            let en = shared.map { self.taxonomy.reference($0).labelEn }.joined(separator: ", ")
            reasons.append(.init(code: "shared_concepts", zh: "共同的技术领域：\(zh)", en: "shared fields: \(en)"))
        }
        if let country = row.country {
            var en = "in \(CountryNames.english(country))"
            var zh = "位于\(CountryNames.chinese(country))"
            if let region = row.region, regions != nil, country == "GB" {
                en += " (\(region), one of the Midlands Engine's 11 counties)"
                zh += "（\(region)，属英国中部引擎 11 个郡之一）"
            }
            reasons.append(.init(code: "country", zh: zh, en: en))
        }
        return .init(
            partnerId: partnerId, externalId: row.externalId, formId: formId, name: row.name,
            country: row.country ?? row.countries.joined(separator: ","), score: Self.rounded(score),
            parts: ["concepts": Self.rounded(conceptScore), "text": Self.rounded(textScore), "bm25": Self.rounded(strength)],
            sharedConcepts: shared.map { self.taxonomy.reference($0) }, matchedTerms: [],
            reasons: reasons)
    }

    static func rounded(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }
}
