import Foundation
import Testing

@testable import OfficeKit

@Suite("Workbooks")
struct WorkbookTests {
    @Test("a written sheet reads back cell for cell: Chinese, line breaks, markup characters, gaps, column AA")
    func roundTrip() throws {
        var wide = Array(repeating: "", count: 27)
        wide[26] = "AA1"
        let rows = [
            ["编号 / Ref", "机构名称 / Organisation", "Notes"],
            ["IL-1", "AquaMem Ltd. <R&D>", "line one\nline two"],
            ["IL-2", "", "\"quoted\" & 'single'"],
            wide,
        ]
        let sheet = try Workbook.firstSheet(of: try WorkbookWriter.data(sheetName: "Partners 2025", rows: rows))
        #expect(sheet.name == "Partners 2025")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4])
        #expect(sheet.rows[1].cells == rows[1])
        #expect(sheet.rows[2].cells == ["IL-2", "", "\"quoted\" & 'single'"], "an empty cell keeps its column")
        #expect(sheet.rows[3].cells.count == 27 && sheet.rows[3].cells[26] == "AA1")
    }

    @Test("column letters as spreadsheets name them")
    func letters() {
        #expect(Workbook.columnLetter(0) == "A")
        #expect(Workbook.columnLetter(25) == "Z")
        #expect(Workbook.columnLetter(26) == "AA")
        #expect(Workbook.columnLetter(701) == "ZZ")
        #expect(Workbook.columnLetter(702) == "AAA")
        #expect(Workbook.columnIndex("C7") == 2)
        #expect(Workbook.columnIndex("AB12") == 27)
    }

    @Test("a file that is not a workbook is refused with what to send instead")
    func notAWorkbook() {
        #expect {
            _ = try Workbook.firstSheet(of: Data("%PDF-1.7\n".utf8))
        } throws: { error in
            "\(error)".contains("not an Excel .xlsx workbook")
        }
    }
}
