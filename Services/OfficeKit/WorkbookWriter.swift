import Foundation
import ZIPFoundation

/// Writes a one-sheet `.xlsx` workbook of text cells (inline strings, so that no shared-string table is needed):
/// what an export for a foreign agency, or a test file of an agency's sheet, needs.
public enum WorkbookWriter {
    /// The workbook's bytes: `rows[0]` in row 1, each cell as text.
    public static func data(sheetName: String, rows: [[String]]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try Self.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            </Types>
            """, to: archive)
        try Self.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """, to: archive)
        try Self.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(Self.escaped(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """, to: archive)
        try Self.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            </Relationships>
            """, to: archive)
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """
        sheet.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(64) { $0 + $1.utf8.count + 48 } })
        for (index, row) in rows.enumerated() {
            let number = index + 1
            sheet += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() where !value.isEmpty {
                sheet += "<c r=\"\(Workbook.columnLetter(column))\(number)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escaped(value))</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        try Self.add("xl/worksheets/sheet1.xml", sheet, to: archive)
        guard let data = archive.data else { throw WorkbookError.damaged(part: "archive", reason: "the workbook was not written") }
        return data
    }

    private static func add(_ path: String, _ text: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// XML text: the five special characters escaped, and characters XML 1.0 cannot hold left out.
    private static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
