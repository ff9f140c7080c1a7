import Foundation

/// Index terms for both languages (DESIGN §8): Chinese as overlapping character bigrams, as Lucene's CJK analyzer
/// does, and other text as lower-cased words with light English stemming and without stop words.
public enum TextAnalyzer {
    /// Whether a scalar is a Han character (CJK unified ideographs and extension A).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }

    /// Every index term of a text, in order, repeats kept (term frequency matters to BM25).
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var han: [Unicode.Scalar] = []
        var word = ""
        func flushHan() {
            if han.count == 1 {
                terms.append(String(han[0]))
            } else if han.count > 1 {
                for index in 0..<(han.count - 1) {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(han[index])
                    bigram.append(han[index + 1])
                    terms.append(String(bigram))
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            if !word.isEmpty, let term = Self.term(word) { terms.append(term) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if Self.isHan(scalar) {
                flushWord()
                han.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                flushHan()
                word.unicodeScalars.append(scalar)
            } else {
                flushHan()
                flushWord()
            }
        }
        flushHan()
        flushWord()
        return terms
    }

    /// The stemmed non-Chinese words of a text, stop words removed; hyphenated words are split.
    public static func words(_ text: String) -> [String] {
        Self.terms(text).filter { !$0.unicodeScalars.contains(where: Self.isHan) }
    }

    /// A word as an index term: lower-cased, stemmed; nil for a stop word.
    public static func term(_ word: String) -> String? {
        let lowered = word.lowercased()
        guard !Self.stopWords.contains(lowered) else { return nil }
        return Self.stem(lowered)
    }

    /// A light English stemmer: plural and verb endings, enough for "batteries"/"battery", "membranes"/"membrane",
    /// "recycled"/"recycling"/"recycle" to meet. Words of four letters or fewer are left alone.
    public static func stem(_ word: String) -> String {
        guard word.count > 4, word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return word }
        var stem = word
        if stem.hasSuffix("ies") {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.hasSuffix("sses") {
            stem = String(stem.dropLast(2))
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem = String(stem.dropLast())
        }
        if stem.hasSuffix("ing"), stem.count > 6 {
            stem = String(stem.dropLast(3))
        } else if stem.hasSuffix("ed"), stem.count > 5 {
            stem = String(stem.dropLast(2))
        }
        if stem.hasSuffix("e"), stem.count > 4 { stem = String(stem.dropLast()) }
        return stem
    }

    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "we", "with", "will", "which", "who", "also",
        "can", "such", "other", "than", "these", "those", "was", "were", "been", "being", "not", "but", "all", "any",
        "both", "each", "more", "most", "over", "very", "well", "using", "use", "used", "based", "including",
        "etc", "eg", "ie", "via", "per", "within", "across", "about", "between", "through", "up", "out", "one", "two",
    ]
}
