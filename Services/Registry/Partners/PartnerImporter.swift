import CSV
import Foundation
import OfficeKit
import Shared

/// Reads an import (JSON Lines, CSV or an Excel workbook, with the sender's own headers) into validated profiles,
/// keeping every bad line with its problems, each named by the sender's header and, in a spreadsheet, its cell.
enum PartnerImporter {
    /// A line that passed, with its number.
    struct Line {
        var number: Int
        var profile: PartnerProfile
    }

    /// What an import read.
    struct Reading {
        var good: [Line] = []
        var bad: [RegistryInterface.RejectedLine] = []
        /// How each column was read (CSV and Excel).
        var columns: [RegistryInterface.ImportColumn]?
    }

    /// A table's rows by number, as CSV or a worksheet gives them.
    private struct Table {
        var headers: [String]
        var rows: [(number: Int, cells: [String])]
        /// Whether problems name cells (`C7`).
        var spreadsheet: Bool
        /// Where the CSV became unreadable, and why: that line is reported, the records before it are read.
        var malformed: (line: Int, reason: String)? = nil
    }

    /// Parses and validates an import; the whole request fails only when its content cannot be read at all, or
    /// when its columns cannot fill a profile.
    static func read(_ params: RegistryInterface.PartnersImport.Params) throws -> Reading {
        let first = try ImportLines.firstLine(params.firstLine)
        let mapping = try Self.mapping(params.mapping)
        let source = try params.source.map { try Self.importSource($0) }
        switch params.format {
        case "jsonl":
            return Self.readJSONLines(params.content, firstLine: first, mapping: mapping, source: source)
        case "csv":
            return try Self.readTable(try Self.csvTable(params, firstLine: first), mapping: mapping, source: source, headerPath: params.header == nil ? "content" : "header")
        case "xlsx":
            return try Self.readTable(try Self.sheetTable(params.content), mapping: mapping, source: source, headerPath: "content")
        default:
            throw RPCError.validationFailed([FieldProblem(
                path: "format", code: "invalid_format", messageZh: "格式须为 jsonl、csv 或 xlsx", messageEn: "format must be jsonl, csv or xlsx")])
        }
    }

    // MARK: Columns

    /// The import's `mapping`, checked: every target must be one of Lingyan's fields (or empty, to ignore the column).
    private static func mapping(_ given: [String: String]?) throws -> [String: String?] {
        var mapping: [String: String?] = [:]
        var problems: [FieldProblem] = []
        for (header, target) in given ?? [:] {
            let trimmed = target.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed == "-" {
                mapping[PartnerFields.key(header)] = .some(nil)
            } else if let field = PartnerFields.field(named: trimmed) {
                mapping[PartnerFields.key(header)] = field
            } else {
                problems.append(FieldProblem(
                    path: "mapping.\(header)", code: "unknown_field",
                    messageZh: "“\(header)”映射到的“\(target)”不是档案字段；可用：\(PartnerFields.all.joined(separator: ", "))",
                    messageEn: "'\(header)' is mapped to '\(target)', which is not a profile field; use one of \(PartnerFields.all.joined(separator: ", "))"))
            }
        }
        if !problems.isEmpty { throw RPCError.validationFailed(problems.sorted { $0.path < $1.path }) }
        return mapping
    }

    private static func importSource(_ given: String) throws -> String {
        switch TextRules.clean(given, maximumCharacters: 100, multiline: false) {
        case .success(let clean) where !clean.isEmpty: return clean
        case .success: throw RPCError.validationFailed([FieldProblem(path: "source", code: "required", messageZh: "来源不能为空", messageEn: "source cannot be empty")])
        case .failure(let problem): throw RPCError.validationFailed([problem.fieldProblem(path: "source")])
        }
    }

    /// Which field each header fills: the mapping first, then the header's own name in either language.
    private static func columns(_ headers: [String], mapping: [String: String?], spreadsheet: Bool) -> [RegistryInterface.ImportColumn] {
        var taken: Set<String> = []
        return headers.enumerated().map { index, header in
            let letter = spreadsheet ? Workbook.columnLetter(index) : nil
            var field: String?
            var by: String
            if let mapped = mapping[PartnerFields.key(header)] {
                (field, by) = (mapped, mapped == nil ? "ignored" : "mapping")
            } else if let named = PartnerFields.field(forHeader: header) {
                (field, by) = (named, "name")
            } else {
                (field, by) = (nil, "ignored")
            }
            // Two columns for one field: the first fills it, and the dry run shows the second was not used.
            if let chosen = field, !taken.insert(chosen).inserted { (field, by) = (nil, "ignored") }
            return RegistryInterface.ImportColumn(header: header, field: field, by: by, letter: letter)
        }
    }

    // MARK: Tables

    private static func csvTable(_ params: RegistryInterface.PartnersImport.Params, firstLine: Int) throws -> Table {
        let text = params.header.map { $0 + "\n" + params.content } ?? params.content
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw RPCError.validationFailed([FieldProblem(
                path: "content", code: "invalid_csv", messageZh: "无法读取 CSV：\(error)", messageEn: "cannot read the CSV: \(error)")])
        }
        let headers = reader.headerRow?.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        var rows: [(Int, [String])] = []
        // With a header sent separately, the content's first record is `firstLine`; otherwise the header is.
        var number = params.header == nil ? firstLine : firstLine - 1
        while let row = reader.next() {
            number += 1
            rows.append((number, row))
        }
        return Table(
            headers: headers, rows: rows, spreadsheet: params.spreadsheet == true,
            malformed: reader.error.map { (number + 1, "\($0)") })
    }

    private static func sheetTable(_ content: String) throws -> Table {
        guard let data = Data(base64Encoded: content, options: .ignoreUnknownCharacters) else {
            throw RPCError.validationFailed([FieldProblem(
                path: "content", code: "invalid_base64", messageZh: "xlsx 内容须为 base64 编码", messageEn: "xlsx content must be base64")])
        }
        let sheet: Worksheet
        do {
            sheet = try Workbook.firstSheet(of: data)
        } catch {
            throw RPCError.validationFailed([FieldProblem(
                path: "content", code: "invalid_xlsx", messageZh: "无法读取 Excel 文件：\(error)", messageEn: "cannot read the Excel file: \(error)")])
        }
        guard let header = sheet.rows.first else {
            throw RPCError.validationFailed([FieldProblem(
                path: "content", code: "empty_sheet", messageZh: "工作表“\(sheet.name)”是空的", messageEn: "the sheet '\(sheet.name)' is empty")])
        }
        return Table(
            headers: header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
            rows: sheet.rows.dropFirst().map { ($0.number, $0.cells) }, spreadsheet: true)
    }

    private static func readTable(_ table: Table, mapping: [String: String?], source: String?, headerPath: String) throws -> Reading {
        let columns = Self.columns(table.headers, mapping: mapping, spreadsheet: table.spreadsheet)
        let filled = Set(columns.compactMap(\.field))
        let missing = PartnerFields.required.filter { !filled.contains($0) && !($0 == "source" && source != nil) }
        guard missing.isEmpty else {
            let found = table.headers.filter { !$0.isEmpty }.joined(separator: ", ")
            throw RPCError.validationFailed([FieldProblem(
                path: headerPath, code: "missing_columns",
                messageZh: "表头中找不到以下必需字段的列：\(missing.joined(separator: ", "))（表头为：\(found)）；请用 --map '表头=字段' 指明" + (missing.contains("source") ? "，来源可用 --source 统一指定" : ""),
                messageEn: "no column fills the required fields \(missing.joined(separator: ", ")) (the headers are: \(found)); name them with --map 'Header=field'" + (missing.contains("source") ? ", and give the source with --source" : ""))])
        }
        var indexOfField: [String: Int] = [:]
        for (index, column) in columns.enumerated() { if let field = column.field { indexOfField[field] = index } }
        var reading = Reading(columns: columns)
        for (number, cells) in table.rows {
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var raw = PartnerProfileRules.Raw()
            for (field, index) in indexOfField where index < cells.count {
                raw[field] = cells[index]
            }
            raw.keywords = Self.keywords(raw["keywords"] ?? "")
            raw["keywords"] = nil
            if !table.spreadsheet && cells.count != table.headers.count {
                raw.problems.append(FieldProblem(
                    path: "line", code: "column_count", messageZh: "该行有 \(cells.count) 列，表头有 \(table.headers.count) 列",
                    messageEn: "the line has \(cells.count) columns, the header \(table.headers.count)"))
            }
            switch PartnerProfileRules.validate(raw, defaultSource: source) {
            case .success(let profile):
                reading.good.append(Line(number: number, profile: profile))
            case .failure(let problems):
                let named = problems.fields.map { problem -> FieldProblem in
                    var problem = problem
                    if let index = indexOfField[PartnerFields.field(forPath: problem.path)] {
                        problem.column = table.headers[index]
                        if table.spreadsheet { problem.cell = Workbook.columnLetter(index) + String(number) }
                    }
                    return problem
                }
                reading.bad.append(.init(line: number, fields: named))
            }
        }
        if let (line, reason) = table.malformed {
            reading.bad.append(.init(line: line, fields: [FieldProblem(
                path: "line", code: "invalid_csv", messageZh: "CSV 格式错误：\(reason)", messageEn: "malformed CSV: \(reason)")]))
        }
        return reading
    }

    /// Keywords in one cell: separated by semicolons (or Chinese ones, or line breaks).
    private static func keywords(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: JSON Lines

    private static func readJSONLines(_ content: String, firstLine: Int, mapping: [String: String?], source: String?) -> Reading {
        var reading = Reading()
        // Member names repeat on every line: each is resolved to its field once per import.
        var fieldOfMember: [String: String?] = [:]
        func field(of key: String) -> String? {
            if let known = fieldOfMember[key] { return known }
            let resolved: String?
            if let mapped = mapping[PartnerFields.key(key)] { resolved = mapped } else { resolved = PartnerFields.field(forHeader: key) }
            fieldOfMember[key] = .some(resolved)
            return resolved
        }
        // Lines split as bytes: splitting a String on "\n" walks grapheme clusters, and was a tenth of the import.
        for (offset, bytes) in content.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: JSONValue
            do {
                value = try JSONReader.read(bytes)
            } catch {
                reading.bad.append(.init(line: number, fields: [Self.problem(
                    "line", "invalid_json", "该行不是有效的 JSON（\(error)）", "the line is not valid JSON (\(error))")]))
                continue
            }
            guard case .object(let members) = value else {
                reading.bad.append(.init(line: number, fields: [Self.problem(
                    "line", "invalid_json", "每行须为一个 JSON 对象", "each line must be one JSON object")]))
                continue
            }
            var raw = PartnerProfileRules.Raw()
            // A nested contact as `partners.upsert` takes it, or flat members as a table has them.
            var flat = members
            if case .object(let contact)? = members["contact"] {
                flat["contact"] = nil
                for (key, member) in contact { flat["contact" + key.prefix(1).uppercased() + key.dropFirst()] = member }
            }
            for (key, member) in flat {
                guard let field = field(of: key) else { continue }
                switch (field, member) {
                case (_, .null): break
                case ("keywords", .array(let items)):
                    raw.keywords = items.compactMap(\.stringValue)
                    if raw.keywords.count != items.count {
                        raw.problems.append(Self.problem("keywords", "invalid_type", "关键词须为字符串数组", "keywords must be an array of strings"))
                    }
                case ("keywords", .string(let text)): raw.keywords = Self.keywords(text)
                case (_, .string(let text)): raw[field] = text
                case (_, .integer(let number)) where field == "externalId" || field == "expiresOn": raw[field] = String(number)
                case (_, let other):
                    raw.problems.append(Self.problem(field, "invalid_type", "须为文本，实为 \(other.typeName)", "must be text, not \(other.typeName)"))
                }
            }
            switch PartnerProfileRules.validate(raw, defaultSource: source) {
            case .success(let profile): reading.good.append(Line(number: number, profile: profile))
            case .failure(let problems): reading.bad.append(.init(line: number, fields: problems.fields))
            }
        }
        return reading
    }

    private static func problem(_ path: String, _ code: String, _ zh: String, _ en: String) -> FieldProblem {
        FieldProblem(path: path, code: code, messageZh: zh, messageEn: en)
    }
}
