/// Renders rows as a table aligned by display width: a Chinese character takes two terminal columns, a
/// combining mark none, so Chinese and English columns line up.
struct TableRenderer {
    /// Column headings.
    var headings: [String]
    /// Columns whose values align right (numbers).
    var rightAligned: Set<Int> = []
    private var rows: [[String]] = []

    init(headings: [String], rightAligned: Set<Int> = []) {
        self.headings = headings
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) {
        self.rows.append(row)
    }

    /// The table as lines of text, headings first.
    func render() -> String {
        let all = [self.headings] + self.rows
        let columnCount = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                if self.rightAligned.contains(index) { return padding + cell }
                return index == row.count - 1 ? cell : cell + padding
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// Terminal display width (after Unicode's East Asian Width property, as `wcwidth` reads it).
enum DisplayWidth {
    /// Columns `text` occupies in a terminal.
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + Self.of($1) }
    }

    /// Columns one grapheme cluster occupies: its first scalar decides; the rest (combining marks, variation
    /// selectors, joiners) add nothing.
    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return Self.of(scalar)
    }

    private static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || (0x200B...0x200F).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
