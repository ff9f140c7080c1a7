import Foundation
import Shared

/// A concept of the technology taxonomy.
struct Concept: Sendable, Hashable {
    let id: String
    let parent: String?
    /// Preferred first.
    let labelsZh: [String]
    /// Preferred first.
    let labelsEn: [String]
}

/// The bilingual taxonomy and concept tagging of text in either language (DESIGN §8).
///
/// Chinese labels are found as substrings of the text; English labels as runs of stemmed words, so "Li-ion cells"
/// and "lithium-ion batteries" both reach `lithium-ion-batteries`. A Chinese need and an English profile meet on
/// the concepts both mention.
struct Taxonomy: Sendable {
    /// Why the shipped data could not be read.
    struct DataError: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "taxonomy line \(self.line): \(self.reason)" }
    }

    let concepts: [String: Concept]
    /// Every concept in data order.
    let ordered: [Concept]
    /// Chinese labels, longest first, with their concept.
    private let chineseLabels: [(label: String, concept: String)]
    /// English labels as stemmed word runs, by their first word.
    private let englishLabels: [String: [(words: [String], label: String, concept: String)]]

    static let shipped: Taxonomy = {
        // The data is part of the program; the taxonomy tests parse it, so a bad line fails them, not a user.
        try! Taxonomy(text: TaxonomyData.text)
    }()

    init(text: String) throws {
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
        self.chineseLabels = ordered.flatMap { concept in
            concept.labelsZh.map { (label: $0.lowercased(), concept: concept.id) }
        }.sorted { $0.label.count > $1.label.count }
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
    func lineage(of id: String) -> [String] {
        var chain: [String] = []
        var current: String? = id
        while let next = current, let concept = self.concepts[next], !chain.contains(next) {
            chain.append(next)
            current = concept.parent
        }
        return chain
    }

    /// The concepts a text mentions, each with the first words that matched, in order of first mention.
    func tag(_ text: String) -> [(concept: String, matched: String)] {
        var found: [(concept: String, matched: String)] = []
        var seen: Set<String> = []
        func add(_ concept: String, _ matched: String) {
            if seen.insert(concept).inserted { found.append((concept, matched)) }
        }
        let lowered = text.lowercased()
        for (label, concept) in self.chineseLabels where !seen.contains(concept) && lowered.contains(label) {
            // Chinese labels are only those with a Han character; ASCII ones (AI, 5G, CT) go through the words.
            if label.unicodeScalars.contains(where: TextAnalyzer.isHan) { add(concept, label) }
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
    func reference(_ id: String, matched: String? = nil) -> MatchingInterface.ConceptRef {
        let concept = self.concepts[id]
        return .init(
            id: id, labelZh: concept?.labelsZh.first ?? id, labelEn: concept?.labelsEn.first ?? id, matched: matched)
    }
}
