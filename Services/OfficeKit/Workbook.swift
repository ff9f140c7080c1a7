import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One sheet of an Excel workbook as rows of text: what an import needs from an agency's spreadsheet.
public struct Worksheet: Sendable, Hashable {
    /// The sheet's name as the workbook shows it on its tab.
    public var name: String
    /// The rows that hold anything, by their number in the sheet (1 is the first), each as its cells' text from
    /// column A on; a cell left empty is "".
    public var rows: [Row]

    public struct Row: Sendable, Hashable {
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }
}

/// Why a file could not be read as a workbook, in words for the person who sent it.
public enum WorkbookError: Error, CustomStringConvertible, Sendable {
    /// Not a ZIP archive at all: an old `.xls`, a CSV renamed, a PDF.
    case notAnArchive
    /// A ZIP archive without a worksheet: a Word file, or something else zipped.
    case noWorksheet
    /// A part of the workbook is damaged.
    case damaged(part: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive: "the file is not an Excel .xlsx workbook (an old .xls, a CSV or a PDF? save it as .xlsx)"
        case .noWorksheet: "the file is a ZIP archive but holds no Excel worksheet"
        case .damaged(let part, let reason): "the workbook's \(part) cannot be read: \(reason)"
        }
    }
}

/// Reads `.xlsx` workbooks (Office Open XML, ECMA-376): a ZIP archive of XML parts, read with ZIPFoundation and
/// Foundation's XMLParser.
public enum Workbook {
    /// The workbook's first sheet, in the order of its tabs.
    public static func firstSheet(of data: Data) throws -> Worksheet {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw WorkbookError.notAnArchive
        }
        let (name, path) = try Self.firstSheetPart(archive)
        let strings = try Self.part("xl/sharedStrings.xml", in: archive).map { try SharedStringsReader.read($0) } ?? []
        guard let sheet = try Self.part(path, in: archive) else { throw WorkbookError.noWorksheet }
        return Worksheet(name: name, rows: try SheetReader.read(sheet, strings: strings, part: path))
    }

    /// `A` for 0, `Z` for 25, `AA` for 26: the letters a spreadsheet names a column by.
    public static func columnLetter(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The column index of a cell reference's letters (`C7` → 2); nil when it has none.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var seen = false
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            seen = true
        }
        return seen ? index - 1 : nil
    }

    /// A parser that reads `data` in pieces: given a part of more than 10 MB in one piece, libxml2 refuses it
    /// ("huge input lookup"), and a sheet of 100,000 rows is ten times that.
    static func parser(_ data: Data) -> XMLParser {
        XMLParser(stream: InputStream(data: data))
    }

    /// The first tab's name and part path, from the workbook part and its relationships; the conventional
    /// `xl/worksheets/sheet1.xml` when a writer left those out.
    private static func firstSheetPart(_ archive: Archive) throws -> (String, String) {
        guard let workbook = try Self.part("xl/workbook.xml", in: archive) else {
            if archive["xl/worksheets/sheet1.xml"] != nil { return ("Sheet1", "xl/worksheets/sheet1.xml") }
            throw WorkbookError.noWorksheet
        }
        let sheets = try ElementCollector.collect(workbook, element: "sheet", part: "xl/workbook.xml")
        guard let first = sheets.first else { throw WorkbookError.noWorksheet }
        let name = first["name"] ?? "Sheet1"
        if let relationship = first["r:id"],
           let relations = try Self.part("xl/_rels/workbook.xml.rels", in: archive),
           let target = try ElementCollector.collect(relations, element: "Relationship", part: "xl/_rels/workbook.xml.rels")
               .first(where: { $0["Id"] == relationship })?["Target"]
        {
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return (name, path)
        }
        return (name, "xl/worksheets/sheet1.xml")
    }

    private static func part(_ path: String, in archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw WorkbookError.damaged(part: path, reason: "\(error)")
        }
        return data
    }
}

/// Collects the attributes of every element with one name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) {
        self.element = element
    }

    static func collect(_ data: Data, element: String, part: String) throws -> [[String: String]] {
        let collector = ElementCollector(element: element)
        let parser = Workbook.parser(data)
        parser.delegate = collector
        guard parser.parse() else {
            throw WorkbookError.damaged(part: part, reason: parser.parserError.map { "\($0)" } ?? "malformed XML")
        }
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == self.element { self.found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, plain (`<t>`) or in rich-text runs (`<r><t>`); phonetic
/// guides (`<rPh>`) are not part of the text.
private final class SharedStringsReader: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    static func read(_ data: Data) throws -> [String] {
        let reader = SharedStringsReader()
        let parser = Workbook.parser(data)
        parser.delegate = reader
        guard parser.parse() else {
            throw WorkbookError.damaged(part: "xl/sharedStrings.xml", reason: parser.parserError.map { "\($0)" } ?? "malformed XML")
        }
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": self.current = ""
        case "rPh": self.phoneticDepth += 1
        case "t": self.inText = self.phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": self.strings.append(self.current)
        case "rPh": self.phoneticDepth -= 1
        case "t": self.inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if self.inText { self.current += string }
    }
}

/// A worksheet part: `<row r="7"><c r="C7" t="s"><v>3</v></c>…`. Cells are placed by their reference, so a
/// writer that leaves empty cells out still gives every value its column.
private final class SheetReader: NSObject, XMLParserDelegate {
    private let strings: [String]
    private var rows: [Worksheet.Row] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var value = ""
    private var inValue = false
    private var badIndex: String?

    private init(strings: [String]) {
        self.strings = strings
    }

    static func read(_ data: Data, strings: [String], part: String) throws -> [Worksheet.Row] {
        let reader = SheetReader(strings: strings)
        let parser = Workbook.parser(data)
        parser.delegate = reader
        guard parser.parse() else {
            throw WorkbookError.damaged(part: part, reason: parser.parserError.map { "\($0)" } ?? "malformed XML")
        }
        if let bad = reader.badIndex { throw WorkbookError.damaged(part: part, reason: "cell \(bad) refers to a shared string that is not there") }
        return reader.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            self.rowNumber = attributes["r"].flatMap { Int($0) } ?? self.rowNumber + 1
            self.row = []
        case "c":
            self.cellColumn = attributes["r"].flatMap(Workbook.columnIndex) ?? self.row.count
            self.cellType = attributes["t"] ?? "n"
            self.value = ""
        case "v", "t":
            self.inValue = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            self.inValue = false
        case "c":
            var text = self.value
            switch self.cellType {
            case "s":
                if let index = Int(text.trimmingCharacters(in: .whitespaces)), self.strings.indices.contains(index) {
                    text = self.strings[index]
                } else {
                    self.badIndex = self.badIndex ?? "\(Workbook.columnLetter(self.cellColumn))\(self.rowNumber)"
                    text = ""
                }
            case "b":
                text = text == "1" ? "TRUE" : "FALSE"
            default:
                break
            }
            // A sheet can claim any column; columns far beyond any real sheet's (XFD is the last) are refused
            // rather than allocated.
            guard self.cellColumn < 16_384 else { return }
            if self.row.count <= self.cellColumn {
                self.row += Array(repeating: "", count: self.cellColumn + 1 - self.row.count)
            }
            self.row[self.cellColumn] = text
        case "row":
            if self.row.contains(where: { !$0.isEmpty }) {
                self.rows.append(Worksheet.Row(number: self.rowNumber, cells: self.row))
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if self.inValue { self.value += string }
    }
}
