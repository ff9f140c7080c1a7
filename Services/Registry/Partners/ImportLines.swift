import Shared

/// What the partner and form imports share about numbering lines: the CLI sends a large file in pieces and says
/// where each piece starts, so that every problem is reported with the line number of the whole file.
enum ImportLines {
    /// The largest first line a piece may claim: far beyond any file, and far from where `firstLine + offset`
    /// could overflow.
    static let maximumFirstLine = 1_000_000_000

    /// The number of the content's first line, checked.
    static func firstLine(_ given: Int?) throws -> Int {
        let first = given ?? 1
        guard (1...Self.maximumFirstLine).contains(first) else {
            throw RPCError.validationFailed([FieldProblem(
                path: "firstLine", code: "out_of_range",
                messageZh: "起始行号须在 1 至 \(Self.maximumFirstLine) 之间，所填为 \(first)",
                messageEn: "firstLine must be from 1 to \(Self.maximumFirstLine), not \(first)")])
        }
        return first
    }
}
