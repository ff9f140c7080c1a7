import Foundation
import Shared

/// A concept of the technology taxonomy.
public struct Concept: Sendable, Hashable {
    public let id: String
    public let parent: String?
    /// Preferred first.
    public let labelsZh: [String]
    /// Preferred first.
    public let labelsEn: [String]
}

/// The bilingual taxonomy and concept tagging of text in either language (DESIGN §8).
///
/// Chinese labels are found as substrings of the text; English labels as runs of stemmed words, so "Li-ion cells"
/// and "lithium-ion batteries" both reach `lithium-ion-batteries`. A Chinese need and an English profile meet on
/// the concepts both mention.
public struct Taxonomy: Sendable {
    /// Why the shipped data could not be read.
    public struct DataError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "taxonomy line \(self.line): \(self.reason)" }
    }

    public let concepts: [String: Concept]
    /// Every concept in data order.
    public let ordered: [Concept]
    /// Chinese labels (those with a Han character) as scalars, by their first scalar, longest first.
    private let chineseLabels: [Unicode.Scalar: [(scalars: [Unicode.Scalar], label: String, concept: String)]]
    /// Each concept's labels as index terms (English words stemmed, Chinese bigrams), for query expansion.
    public let labelTerms: [String: [String]]
    /// English labels as stemmed word runs, by their first word.
    private let englishLabels: [String: [(words: [String], label: String, concept: String)]]

    public static let shipped: Taxonomy = {
        // The data is part of the program; the taxonomy tests parse it, so a bad line fails them, not a user.
        try! Taxonomy(text: TaxonomyData.text)
    }()

    public init(text: String) throws {
        var concepts: [String: Concept] = [:]
        var ordered: [Concept] = []
        for (index, raw) in text.split(separator: "\n").enumerated() {
            let fields = raw.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 4 else { throw DataError(line: index + 1, reason: "expected 4 fields separated by |") }
            let labels = { (field: String) in field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
            let concept = Concept(
                id: fields[0], parent: fields[1] == "-" ? nil : fields[1], labelsZh: labels(fields[2]),
                labelsEn: labels(fields[3]))
            guard !concept.labelsZh.isEmpty, !concept.labelsEn.isEmpty else {
                throw DataError(line: index + 1, reason: "\(concept.id) needs a Chinese and an English label")
            }
            guard concepts[concept.id] == nil else { throw DataError(line: index + 1, reason: "\(concept.id) twice") }
            concepts[concept.id] = concept
            ordered.append(concept)
        }
        for concept in ordered {
            if let parent = concept.parent, concepts[parent] == nil {
                throw DataError(line: 0, reason: "\(concept.id)'s parent \(parent) is not a concept")
            }
        }
        self.concepts = concepts
        self.ordered = ordered
        var chinese: [Unicode.Scalar: [(scalars: [Unicode.Scalar], label: String, concept: String)]] = [:]
        for concept in ordered {
            // ASCII labels in the Chinese column (AI, 5G, CT) are found through the English words instead.
            for label in concept.labelsZh where label.unicodeScalars.contains(where: TextAnalyzer.isHan) {
                let scalars = Array(label.lowercased().unicodeScalars)
                chinese[scalars[0], default: []].append((scalars, label, concept.id))
            }
        }
        for key in chinese.keys { chinese[key]!.sort { $0.scalars.count > $1.scalars.count } }
        self.chineseLabels = chinese
        var labelTerms: [String: [String]] = [:]
        for concept in ordered {
            var terms: [String] = []
            for label in concept.labelsEn.prefix(3) + concept.labelsZh.prefix(2) {
                for term in TextAnalyzer.terms(label) where !terms.contains(term) { terms.append(term) }
            }
            labelTerms[concept.id] = terms
        }
        self.labelTerms = labelTerms
        var english: [String: [(words: [String], label: String, concept: String)]] = [:]
        for concept in ordered {
            for label in concept.labelsEn {
                let words = TextAnalyzer.words(label)
                guard let first = words.first else { continue }
                english[first, default: []].append((words, label, concept.id))
            }
        }
        for key in english.keys { english[key]!.sort { $0.words.count > $1.words.count } }
        self.englishLabels = english
    }

    /// The concept and its ancestors, nearest first.
    public func lineage(of id: String) -> [String] {
        var chain: [String] = []
        var current: String? = id
        while let next = current, let concept = self.concepts[next], !chain.contains(next) {
            chain.append(next)
            current = concept.parent
        }
        return chain
    }

    /// The concepts a text mentions, each with the first words that matched, in order of first mention.
    public func tag(_ text: String) -> [(concept: String, matched: String)] {
        var found: [(concept: String, matched: String)] = []
        var seen: Set<String> = []
        func add(_ concept: String, _ matched: String) {
            if seen.insert(concept).inserted { found.append((concept, matched)) }
        }
        // Chinese: at each Han character, the labels that start with it, longest first. Most profiles are English
        // and skip this entirely.
        let scalars = Array(text.unicodeScalars)
        if scalars.contains(where: TextAnalyzer.isHan) {
            for index in scalars.indices {
                guard let candidates = self.chineseLabels[scalars[index]] else { continue }
                for candidate in candidates
                where index + candidate.scalars.count <= scalars.count
                    && scalars[index..<(index + candidate.scalars.count)].elementsEqual(candidate.scalars)
                {
                    add(candidate.concept, candidate.label)
                }
            }
        }
        let words = TextAnalyzer.words(text)
        var index = 0
        while index < words.count {
            var advanced = 1
            for (labelWords, label, concept) in self.englishLabels[words[index]] ?? []
            where index + labelWords.count <= words.count && Array(words[index..<(index + labelWords.count)]) == labelWords {
                add(concept, label)
                advanced = max(advanced, labelWords.count)
            }
            index += advanced
        }
        return found
    }

    /// A concept as the wire shows it.
    public func reference(_ id: String, matched: String? = nil) -> MatchingInterface.ConceptRef {
        let concept = self.concepts[id]
        return .init(
            id: id, labelZh: concept?.labelsZh.first ?? id, labelEn: concept?.labelsEn.first ?? id, matched: matched)
    }
}

extension Taxonomy {
    /// The priority areas of a call that a need's concepts reach — a concept counts when it or one of its
    /// ancestors is among an area's concepts, so 锂电池 reaches 新能源 — each with the concept that reached it.
    /// The one judgement of "in the call's priorities": the registry's eligibility check and the matching
    /// service's programme ranking both make it here.
    public func priorityAreas(of call: ProgrammeCall, reachedBy concepts: [String]) -> [(area: PriorityArea, concept: String)] {
        var shared: [(area: PriorityArea, concept: String)] = []
        for concept in concepts {
            let lineage = self.lineage(of: concept)
            if let area = call.priorityAreas.first(where: { area in area.concepts.contains { lineage.contains($0) } }),
               !shared.contains(where: { $0.area == area })
            {
                shared.append((area, concept))
            }
        }
        return shared
    }
}
