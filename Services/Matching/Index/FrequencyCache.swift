import Foundation
import GRDB
import Synchronization

/// Document frequencies of index terms, remembered between queries.
///
/// FTS5 counts a term's documents by reading its whole posting list, which at 100,000 profiles costs more than the
/// query it prunes. Ranking needs the counts only to leave out common terms, so a remembered count serves until the
/// index has grown or shrunk by a hundredth, or for a minute.
final class FrequencyCache: Sendable {
    private struct State {
        var documents = 0
        var documentsAt = ContinuousClock.Instant.now - .seconds(3_600)
        var since = ContinuousClock.Instant.now
        var sinceDocuments = 0
        var frequencies: [String: Int?] = [:]
    }

    private let state = Mutex(State())
    static let maximumTerms = 200_000

    /// The number of indexed documents, read again at most once a second.
    func documentCount(_ db: Database) throws -> Int {
        let now = ContinuousClock.now
        if let cached = self.state.withLock({ now - $0.documentsAt < .seconds(1) ? $0.documents : nil }) { return cached }
        let count = try MatchingStore.documentCount(db)
        self.state.withLock { state in
            state.documents = count
            state.documentsAt = now
            // Counts remembered against a different index size are forgotten.
            if now - state.since > .seconds(60) || abs(count - state.sinceDocuments) > max(10, state.sinceDocuments / 100)
                || state.frequencies.count > Self.maximumTerms
            {
                state.frequencies = [:]
                state.since = now
                state.sinceDocuments = count
            }
        }
        return count
    }

    /// Documents per term (absent when no document has it).
    func frequencies(_ db: Database, terms: [String]) throws -> [String: Int] {
        var known: [String: Int] = [:]
        var missing: [String] = []
        self.state.withLock { state in
            for term in terms {
                if let remembered = state.frequencies[term] {
                    if let count = remembered { known[term] = count }
                } else {
                    missing.append(term)
                }
            }
        }
        guard !missing.isEmpty else { return known }
        let read = try MatchingStore.documentFrequencies(db, terms: missing)
        self.state.withLock { state in
            for term in missing { state.frequencies[term] = .some(read[term]) }
        }
        return known.merging(read) { first, _ in first }
    }
}
