import CSV
import Foundation
import Shared

/// Reads an import's lines (JSON Lines or CSV) into validated profiles, keeping every bad line with its problems.
enum PartnerImporter {
    /// A line that passed, with its number.
    struct Line {
        var number: Int
        var profile: PartnerProfile
    }

    /// The columns a CSV import may have; the required ones must all be in its header.
    static let csvColumns = ["externalId", "name", "country", "region", "city", "kind", "expertise", "offers", "seeks", "keywords", "source", "expiresOn"]
    private static let requiredColumns: Set<String> = ["externalId", "name", "country", "kind", "expertise", "source"]
    private static let kinds: Set<String> = ["company", "university", "institute", "foreign_rnd_centre_in_china"]

    /// Parses and validates `content`; the whole request fails only when its format is unusable.
    static func read(_ params: RegistryInterface.PartnersImport.Params) throws -> (good: [Line], bad: [RegistryInterface.RejectedLine]) {
        let first = try ImportLines.firstLine(of: params)
        switch params.format {
        case "jsonl": return Self.readJSONLines(params.content, firstLine: first)
        case "csv": return try Self.readCSV(params.content, header: params.header, firstLine: first)
        default:
            throw RPCError.validationFailed([FieldProblem(
                path: "format", code: "invalid_format", messageZh: "格式须为 jsonl 或 csv", messageEn: "format must be jsonl or csv")])
        }
    }

    private static func readJSONLines(_ content: String, firstLine: Int) -> ([Line], [RegistryInterface.RejectedLine]) {
        var good: [Line] = []
        var bad: [RegistryInterface.RejectedLine] = []
        for (offset, text) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let value: JSONValue
            do {
                value = try JSONReader.read(Array(trimmed.utf8))
            } catch {
                bad.append(.init(line: number, fields: [FieldProblem(
                    path: "line", code: "invalid_json", messageZh: "该行不是有效的 JSON（\(error)）", messageEn: "the line is not valid JSON (\(error))")]))
                continue
            }
            guard case .object(let members) = value else {
                bad.append(.init(line: number, fields: [FieldProblem(
                    path: "line", code: "invalid_json", messageZh: "每行须为一个 JSON 对象", messageEn: "each line must be one JSON object")]))
                continue
            }
            var keywords: [String] = []
            var problems: [FieldProblem] = []
            switch members["keywords"] {
            case nil, .null?: break
            case .array(let items)?:
                keywords = items.compactMap(\.stringValue)
                if keywords.count != items.count { problems.append(Self.problem("keywords", "invalid_type", "关键词须为字符串数组", "keywords must be an array of strings")) }
            case .string(let text)?: keywords = text.split(separator: ";").map(String.init)
            default: problems.append(Self.problem("keywords", "invalid_type", "关键词须为字符串数组", "keywords must be an array of strings"))
            }
            func field(_ name: String) -> String? {
                switch members[name] {
                case .string(let text)?: return text
                case nil, .null?: return nil
                case let other?:
                    problems.append(Self.problem(name, "invalid_type", "须为文本，实为 \(other.typeName)", "must be text, not \(other.typeName)"))
                    return nil
                }
            }
            let raw = RawProfile(
                externalId: field("externalId"), name: field("name"), country: field("country"), region: field("region"),
                city: field("city"), kind: field("kind"), expertise: field("expertise"), offers: field("offers"),
                seeks: field("seeks"), keywords: keywords, source: field("source"), expiresOn: field("expiresOn"))
            switch Self.validate(raw, earlier: problems) {
            case .success(let profile): good.append(Line(number: number, profile: profile))
            case .failure(let problems): bad.append(.init(line: number, fields: problems.fields))
            }
        }
        return (good, bad)
    }

    private static func readCSV(_ content: String, header: String?, firstLine: Int) throws -> ([Line], [RegistryInterface.RejectedLine]) {
        let text = header.map { $0 + "\n" + content } ?? content
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw RPCError.validationFailed([FieldProblem(
                path: "content", code: "invalid_csv", messageZh: "无法读取 CSV：\(error)", messageEn: "cannot read the CSV: \(error)")])
        }
        let columns = reader.headerRow?.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let missing = Self.requiredColumns.subtracting(columns)
        guard missing.isEmpty else {
            throw RPCError.validationFailed([FieldProblem(
                path: header == nil ? "content" : "header", code: "missing_columns",
                messageZh: "CSV 表头缺少必需的列：\(missing.sorted().joined(separator: ", "))",
                messageEn: "the CSV header lacks required columns: \(missing.sorted().joined(separator: ", "))")])
        }
        var good: [Line] = []
        var bad: [RegistryInterface.RejectedLine] = []
        // With a header sent separately, the content's first record is `firstLine`; otherwise the header is.
        var number = header == nil ? firstLine : firstLine - 1
        while let row = reader.next() {
            number += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var values: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < row.count { values[column] = row[index] }
            var problems: [FieldProblem] = []
            if row.count != columns.count {
                problems.append(Self.problem("line", "column_count", "该行有 \(row.count) 列，表头有 \(columns.count) 列", "the line has \(row.count) columns, the header \(columns.count)"))
            }
            let raw = RawProfile(
                externalId: values["externalId"], name: values["name"], country: values["country"],
                region: values["region"], city: values["city"], kind: values["kind"], expertise: values["expertise"],
                offers: values["offers"], seeks: values["seeks"],
                keywords: (values["keywords"] ?? "").split(separator: ";").map(String.init), source: values["source"],
                expiresOn: values["expiresOn"])
            switch Self.validate(raw, earlier: problems) {
            case .success(let profile): good.append(Line(number: number, profile: profile))
            case .failure(let problems): bad.append(.init(line: number, fields: problems.fields))
            }
        }
        if let error = reader.error {
            bad.append(.init(line: number + 1, fields: [Self.problem("line", "invalid_csv", "CSV 格式错误：\(error)", "malformed CSV: \(error)")]))
        }
        return (good, bad)
    }

    /// A profile's fields as read, before checking.
    private struct RawProfile {
        var externalId, name, country, region, city, kind, expertise, offers, seeks: String?
        var keywords: [String]
        var source, expiresOn: String?
    }

    private struct Problems: Error {
        var fields: [FieldProblem]
    }

    private static func validate(_ raw: RawProfile, earlier: [FieldProblem]) -> Result<PartnerProfile, Problems> {
        var problems = earlier
        func text(_ value: String?, _ path: String, maximum: Int, required: Bool, multiline: Bool = false) -> String? {
            guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                if required { problems.append(Self.problem(path, "required", "此项为必填项", "this field is required")) }
                return nil
            }
            switch TextRules.clean(value, maximumCharacters: maximum, multiline: multiline) {
            case .success(let clean): return clean
            case .failure(let problem):
                problems.append(problem.fieldProblem(path: path))
                return nil
            }
        }
        let externalId = text(raw.externalId, "externalId", maximum: 100, required: true)
        let name = text(raw.name, "name", maximum: 300, required: true)
        var country: String? = nil
        if let given = text(raw.country, "country", maximum: 60, required: true) {
            country = CountryCodes.code(for: given)
            if country == nil {
                problems.append(Self.problem("country", "invalid_country", "无法识别的国家或地区“\(given)”", "unknown country or region '\(given)'; use an ISO 3166-1 code"))
            }
        }
        var region = text(raw.region, "region", maximum: 100, required: false)
        let city = text(raw.city, "city", maximum: 100, required: false)
        let kind = text(raw.kind, "kind", maximum: 40, required: true)
        if let kind, !Self.kinds.contains(kind) {
            problems.append(Self.problem("kind", "invalid_kind", "类型须为 company、university、institute 或 foreign_rnd_centre_in_china", "kind must be company, university, institute or foreign_rnd_centre_in_china"))
        }
        let expertise = text(raw.expertise, "expertise", maximum: 5_000, required: true, multiline: true)
        let offers = text(raw.offers, "offers", maximum: 5_000, required: false, multiline: true)
        let seeks = text(raw.seeks, "seeks", maximum: 5_000, required: false, multiline: true)
        var keywords: [String] = []
        for (index, keyword) in raw.keywords.enumerated() {
            if let clean = text(keyword, "keywords[\(index)]", maximum: 100, required: false) { keywords.append(clean) }
        }
        let source = text(raw.source, "source", maximum: 100, required: true)
        let expiresOn = text(raw.expiresOn, "expiresOn", maximum: 10, required: false)
        if let expiresOn, expiresOn.range(of: #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) == nil {
            problems.append(Self.problem("expiresOn", "invalid_date", "有效期须为 YYYY-MM-DD 格式", "expiresOn must be a date written YYYY-MM-DD"))
        }
        // UK profiles carry their county: derived from the region and city when the sender gave a town.
        if country == "GB", let county = MidlandsEngine.county(county: region, district: nil, city: city, address: nil) {
            region = county
        }
        guard problems.isEmpty, let externalId, let name, let country, let kind, let expertise, let source else {
            return .failure(Problems(fields: problems))
        }
        return .success(PartnerProfile(
            externalId: externalId, name: name, country: country, region: region, city: city, kind: kind,
            expertise: expertise, offers: offers, seeks: seeks, keywords: keywords, source: source, expiresOn: expiresOn))
    }

    private static func problem(_ path: String, _ code: String, _ zh: String, _ en: String) -> FieldProblem {
        FieldProblem(path: path, code: code, messageZh: zh, messageEn: en)
    }
}
