import ArgumentParser
import CSV
import Foundation
import OfficeKit
import Shared

/// What an import command is given: the file, its format, and whether to store anything.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "jsonl, csv or xlsx (default: from the file name).")
    var format: String?

    @Flag(help: "Check every line and report, storing nothing.")
    var dryRun = false
}

/// A JSON Lines, CSV or Excel file cut into pieces that each fit in one request, as `partners.import` and
/// `forms.import` take them (DESIGN §13). CSV is cut between records, never inside a quoted value that holds a
/// line break; a workbook's first sheet is sent as CSV rows with its header, each piece knowing the sheet row it
/// starts at, so that the service names cells (`C7`).
struct ImportFile {
    /// `jsonl` or `csv` (a workbook is sent as CSV).
    let format: String
    let header: String?
    let pieces: [(firstLine: Int, lines: [String])]
    let lineCount: Int
    /// Whether the rows came from a spreadsheet.
    let spreadsheet: Bool

    init(_ options: ImportOptions, maximumFrameBytes: Int) throws {
        try self.init(path: options.file, format: options.format, maximumFrameBytes: maximumFrameBytes)
    }

    init(path: String, format explicit: String?, maximumFrameBytes: Int) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        let lowered = path.lowercased()
        let format = explicit ?? (lowered.hasSuffix(".csv") ? "csv" : lowered.hasSuffix(".xlsx") ? "xlsx" : "jsonl")
        guard ["jsonl", "csv", "xlsx"].contains(format) else { throw ValidationError("format must be jsonl, csv or xlsx") }
        var records: [(number: Int, text: String)] = []
        var header: String? = nil
        switch format {
        case "xlsx":
            let sheet: Worksheet
            do {
                sheet = try Workbook.firstSheet(of: data)
            } catch {
                printError("\(path): \(error)")
                throw ExitStatus.dataError
            }
            guard let headings = sheet.rows.first else {
                printError("\(path): the sheet '\(sheet.name)' is empty")
                throw ExitStatus.dataError
            }
            header = Self.csvLine(headings.cells)
            // Rows keep their sheet numbers: a gap is sent as an empty record, so the service counts on.
            var next = headings.number + 1
            for row in sheet.rows.dropFirst() {
                while next < row.number {
                    records.append((next, ""))
                    next += 1
                }
                records.append((row.number, Self.csvLine(row.cells)))
                next = row.number + 1
            }
        case "csv":
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("cannot read \(path) as UTF-8 text") }
            let reader: CSVReader
            do {
                reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true)
            } catch {
                printError("\(path): not a CSV file: \(error)")
                throw ExitStatus.dataError
            }
            header = reader.headerRow.map(Self.csvLine)
            var number = 1
            while let row = reader.next() {
                number += 1
                records.append((number, Self.csvLine(row)))
            }
            if let error = reader.error {
                printError("\(path): record \(number + 1) is malformed CSV: \(error)")
                throw ExitStatus.dataError
            }
        default:
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("cannot read \(path) as UTF-8 text") }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            records = lines.enumerated().map { ($0.offset + 1, $0.element) }
        }
        // Half of what the frame limit leaves after the envelope and header: even if every byte of the content
        // needed a JSON escape, the piece still fits in one frame.
        let budget = max(256, (maximumFrameBytes - 2_048 - 2 * (header?.utf8.count ?? 0)) / 2)
        if let long = records.first(where: { $0.text.utf8.count + 1 > budget }) {
            printError("record \(long.number) is \(long.text.utf8.count) bytes, more than fits in one request (\(budget) bytes under the \(maximumFrameBytes)-byte frame limit); shorten it or raise maximumFrameBytes")
            throw ExitStatus.dataError
        }
        var pieces: [(Int, [String])] = []
        var current: [String] = []
        var size = 0
        var start = records.first?.number ?? 1
        for record in records {
            if size + record.text.utf8.count + 1 > budget && !current.isEmpty {
                pieces.append((start, current))
                start = record.number
                current = []
                size = 0
            }
            current.append(record.text)
            size += record.text.utf8.count + 1
        }
        if !current.isEmpty { pieces.append((start, current)) }
        self.format = format == "jsonl" ? "jsonl" : "csv"
        self.header = header
        self.pieces = pieces
        self.lineCount = records.count
        self.spreadsheet = format == "xlsx"
    }

    /// One CSV record: fields with a comma, quote or line break quoted, quotes doubled (RFC 4180).
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// One piece as the import methods take it.
    struct Piece {
        var format: String
        /// The records, joined by line breaks.
        var content: String
        var firstLine: Int
        var header: String?
        /// Whether the rows came from a spreadsheet.
        var spreadsheet: Bool
    }

    private func piece(_ piece: (firstLine: Int, lines: [String])) -> Piece {
        // An empty record of a sheet's gap must still be a record: one empty field.
        let lines = piece.lines.map { $0.isEmpty && self.format == "csv" ? "\"\"" : $0 }
        return Piece(
            format: self.format, content: lines.joined(separator: "\n"), firstLine: piece.firstLine, header: self.header,
            spreadsheet: self.spreadsheet)
    }

    /// Sends every piece to the registry with `method`, its params made by `params`, showing progress on standard
    /// error; the answers in order.
    func send<M: RPCMethod>(
        _ method: M.Type, dryRun: Bool, global: GlobalOptions, timeout: Duration, params: (Piece) -> M.Params
    ) async throws -> [M.Result] {
        let configuration = try global.configuration()
        let progress = ProgressBar(total: self.lineCount, label: dryRun ? "checking" : "importing")
        let results = try await withService(.registry, configuration: configuration) { client in
            var results: [M.Result] = []
            var done = 0
            for piece in self.pieces {
                results.append(try await client.call(M.self, params(self.piece(piece)), meta: global.meta, timeout: timeout))
                done += piece.lines.count
                progress.update(done)
            }
            return results
        }
        progress.finish()
        return results
    }

    /// Prints every rejected line's problems, in both languages, with the sender's header and cell.
    static func printRejected(_ rejected: [RegistryInterface.RejectedLine]) {
        for line in rejected {
            for field in line.fields {
                var place = "line \(line.line)"
                if let cell = field.cell { place = "cell \(cell)" }
                let column = field.column.map { " (\($0))" } ?? ""
                print("  \(place): \(field.path)\(column): \(field.messageZh) / \(field.messageEn)")
            }
        }
    }
}
