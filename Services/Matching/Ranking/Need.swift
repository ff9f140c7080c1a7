import Foundation
import Shared
import TaxonomyKit

/// What is being matched: a form's need or a partner's profile, as terms and concepts.
struct Need: Sendable {
    /// Tagged concepts with the words that matched, in order of first mention.
    var concepts: [(id: String, matched: String)]
    /// Unique index terms.
    var terms: [String]
    /// Whether the need is itself an indexed document (a published form, an imported profile): its own terms then
    /// count once more in every document frequency than the documents it is matched against.
    var isIndexed = false
    /// The text the need was read from, when it was: its words are how a shared term is shown.
    var text: String?

    init(text: String, taxonomy: Taxonomy) {
        self.text = text
        self.concepts = taxonomy.tag(text).map { (id: $0.concept, matched: $0.matched) }
        var seen: Set<String> = []
        self.terms = TextAnalyzer.terms(text).filter { seen.insert($0).inserted }
    }

    init(concepts: [String], terms: [String]) {
        self.concepts = concepts.map { (id: $0, matched: "") }
        self.terms = terms
    }

    /// The FTS5 expression of the need: its own terms, its concepts and their parents as concept tokens, and the
    /// concepts' labels in both languages, so that a Chinese need reaches English text and the other way round.
    func ftsTerms(taxonomy: Taxonomy) -> [String] {
        var tokens: [String] = []
        var seen: Set<String> = []
        func add(_ token: String) {
            if !token.isEmpty, seen.insert(token).inserted { tokens.append(token) }
        }
        for concept in self.concepts {
            for id in taxonomy.lineage(of: concept.id).prefix(2) { add(IndexedDocument.conceptToken(id)) }
        }
        // A long text's terms are capped so that a query stays fast; the concepts above already carry its meaning.
        for term in self.terms.prefix(64) { add(term) }
        for concept in self.concepts {
            for term in taxonomy.labelTerms[concept.id] ?? [] { add(term) }
        }
        return tokens
    }
}

/// How much two sets of concepts agree: every concept of `need` scores 1 when `other` has it, 0.6 when `other` has
/// its parent or one of its children, 0.3 when they share a parent below a root; the mean over `need`.
enum ConceptOverlap {
    static func score(need: [String], other: [String], taxonomy: Taxonomy) -> (score: Double, shared: [String]) {
        guard !need.isEmpty else { return (0, []) }
        let others = Set(other)
        var total = 0.0
        var shared: [String] = []
        for concept in need {
            if others.contains(concept) {
                total += 1
                shared.append(concept)
                continue
            }
            let parent = taxonomy.concepts[concept]?.parent
            let related = other.contains { candidate in
                candidate == parent || taxonomy.concepts[candidate]?.parent == concept
            }
            if related {
                total += 0.6
                continue
            }
            if let parent, taxonomy.concepts[parent]?.parent != nil,
                other.contains(where: { taxonomy.concepts[$0]?.parent == parent })
            {
                total += 0.3
            }
        }
        return (min(1, total / Double(need.count)), shared)
    }
}
