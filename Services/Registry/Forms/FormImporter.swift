import CSV
import Foundation
import Shared

/// Reads a forms import (JSON Lines or CSV) into validated forms, keeping every bad line with its problems.
enum FormImporter {
    /// A line that passed, with its number.
    struct Line {
        var number: Int
        var form: PartnerSearchForm
    }

    /// What is wrong with one line.
    struct Problems: Error {
        var fields: [FieldProblem]
    }

    /// The CSV columns: every field of the form, by its path.
    static let csvColumns = [
        "organization.nameZh", "organization.nameEn", "organization.address", "organization.website",
        "organization.businessAndProducts", "organization.comments", "organization.uscc", "organization.city",
        "contact.name", "contact.position", "contact.phone", "contact.email",
        "project.technicalArea", "project.description",
        "partner.countries", "partner.expertiseSought", "partner.contributionSought",
    ]

    /// Parses and validates `content`; the whole request fails only when its format is unusable.
    static func read(_ params: RegistryInterface.FormsImport.Params) throws -> (good: [Line], bad: [RegistryInterface.RejectedLine]) {
        let first = try ImportLines.firstLine(params.firstLine)
        let records: [(number: Int, result: Result<PartnerSearchForm, Problems>)]
        switch params.format {
        case "jsonl": records = Self.jsonLines(params.content, firstLine: first)
        case "csv": records = try Self.csv(params.content, header: params.header, firstLine: first)
        default:
            throw RPCError.validationFailed([FieldProblem(
                path: "format", code: "invalid_format", messageZh: "格式须为 jsonl 或 csv", messageEn: "format must be jsonl or csv")])
        }
        var good: [Line] = []
        var bad: [RegistryInterface.RejectedLine] = []
        for (number, result) in records {
            switch result.flatMap({ form in FormValidator.validate(form).mapError(Self.fields) }) {
            case .success(let form): good.append(Line(number: number, form: form))
            case .failure(let problems): bad.append(.init(line: number, fields: problems.fields))
            }
        }
        return (good, bad)
    }

    /// The field problems of a validation error, with the `form.` prefix of `forms.submit`'s paths left off.
    private static func fields(_ error: RPCError) -> Problems {
        guard case .array(let fields)? = error.data?["fields"] else {
            return Problems(fields: [Self.problem("line", "invalid", error.message, error.message)])
        }
        return Problems(fields: fields.map { field in
            var path = field["path"]?.stringValue ?? "line"
            if path.hasPrefix("form.") { path.removeFirst("form.".count) }
            return FieldProblem(
                path: path, code: field["code"]?.stringValue ?? "invalid", messageZh: field["messageZh"]?.stringValue ?? "",
                messageEn: field["messageEn"]?.stringValue ?? "")
        })
    }

    private static func jsonLines(_ content: String, firstLine: Int) -> [(Int, Result<PartnerSearchForm, Problems>)] {
        var records: [(Int, Result<PartnerSearchForm, Problems>)] = []
        for (offset, text) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                records.append((firstLine + offset, .success(try LingyanJSON.decode(PartnerSearchForm.self, from: Array(trimmed.utf8)))))
            } catch {
                records.append((firstLine + offset, .failure(Problems(fields: [Self.problem(
                    "line", "invalid_json", "该行不是一份有效的需求信息表（\(error)）", "the line is not a partner search form (\(error))")]))))
            }
        }
        return records
    }

    private static func csv(_ content: String, header: String?, firstLine: Int) throws -> [(Int, Result<PartnerSearchForm, Problems>)] {
        let text = header.map { $0 + "\n" + content } ?? content
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw RPCError.validationFailed([Self.problem("content", "invalid_csv", "无法读取 CSV：\(error)", "cannot read the CSV: \(error)")])
        }
        let columns = reader.headerRow?.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let unknown = Set(columns).subtracting(Self.csvColumns)
        guard unknown.isEmpty else {
            throw RPCError.validationFailed([Self.problem(
                "header", "unknown_columns", "CSV 表头有未知的列：\(unknown.sorted().joined(separator: ", "))",
                "the CSV header has unknown columns: \(unknown.sorted().joined(separator: ", ")); the columns are \(Self.csvColumns.joined(separator: ", "))")])
        }
        var records: [(Int, Result<PartnerSearchForm, Problems>)] = []
        // With a header sent separately, the content's first record is `firstLine`; otherwise the header is.
        var number = header == nil ? firstLine : firstLine - 1
        while let row = reader.next() {
            number += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == columns.count else {
                records.append((number, .failure(Problems(fields: [Self.problem(
                    "line", "column_count", "该行有 \(row.count) 列，表头有 \(columns.count) 列", "the line has \(row.count) columns, the header \(columns.count)")]))))
                continue
            }
            var values: [String: String] = [:]
            for (index, column) in columns.enumerated() { values[column] = row[index] }
            // Empty optional cells are absent; required fields left empty are named by the validator.
            func optional(_ column: String) -> String? { values[column].flatMap { $0.isEmpty ? nil : $0 } }
            let form = PartnerSearchForm(
                organization: OrganizationDetails(
                    nameZh: values["organization.nameZh"] ?? "", nameEn: optional("organization.nameEn"),
                    address: values["organization.address"] ?? "", website: optional("organization.website"),
                    businessAndProducts: values["organization.businessAndProducts"] ?? "",
                    comments: optional("organization.comments"), uscc: values["organization.uscc"] ?? "",
                    city: optional("organization.city")),
                contact: ContactPerson(
                    name: values["contact.name"] ?? "", position: optional("contact.position"),
                    phone: values["contact.phone"] ?? "", email: values["contact.email"] ?? ""),
                project: ProjectDetails(
                    technicalArea: values["project.technicalArea"] ?? "", description: values["project.description"] ?? ""),
                partner: PartnerWanted(
                    countries: (values["partner.countries"] ?? "").split(separator: ";").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    },
                    expertiseSought: values["partner.expertiseSought"] ?? "",
                    contributionSought: values["partner.contributionSought"] ?? ""))
            records.append((number, .success(form)))
        }
        if let error = reader.error {
            records.append((number + 1, .failure(Problems(fields: [Self.problem("line", "invalid_csv", "CSV 格式错误：\(error)", "malformed CSV: \(error)")]))))
        }
        return records
    }

    private static func problem(_ path: String, _ code: String, _ zh: String, _ en: String) -> FieldProblem {
        FieldProblem(path: path, code: code, messageZh: zh, messageEn: en)
    }
}
