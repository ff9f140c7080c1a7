import Testing

@testable import Admin

@Suite("Table rendering")
struct TableRendererTests {
    @Test("Chinese characters count two columns, so columns after them line up")
    func chineseAlignment() {
        var table = TableRenderer(headings: ["NAME", "COUNTRY"])
        table.append(["浙江大学", "CN"])
        table.append(["Aalto University", "FI"])
        let lines = table.render().split(separator: "\n").map(String.init)
        // The display column at which the second column starts, on each line.
        let columns = zip(lines, ["COUNTRY", "CN", "FI"]).map { line, value -> Int in
            DisplayWidth.of(String(line[..<line.range(of: value, options: .backwards)!.lowerBound]))
        }
        #expect(columns.count == 3)
        #expect(Set(columns).count == 1)
        #expect(DisplayWidth.of("浙江大学") == 8)
    }

    @Test("display widths follow East Asian Width: wide, narrow, combining, full-width")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("锂电池") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("（）") == 4)
    }
}
