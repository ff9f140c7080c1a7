import Foundation
import Mustache
import ServiceKit

/// The letters Lingyan sends (DESIGN §9), one template per trigger and audience, kept as files staff can change in
/// `LINGYAN_HOME/templates/`: `<letter>.mustache`, a `Subject:` line, a blank line, then the body, Chinese first.
///
/// Each letter declares the placeholders it fills; a template that uses any other is refused when the service
/// starts, with the file and line named, so that a typo never reaches an enterprise as an empty gap.
struct LetterTemplates: Sendable {
    /// One letter: who reads it, on what occasion, and the placeholders it may use.
    enum Letter: String, CaseIterable, Sendable {
        case formReceivedEnterprise = "form_received.enterprise"
        case formReceivedStaff = "form_received.staff"
        case formReturnedEnterprise = "form_returned.enterprise"
        case formPublishedEnterprise = "form_published.enterprise"
        case matchFoundEnterprise = "match_found.enterprise"
        case matchFoundStaff = "match_found.staff"
        case deadlineEnterprise = "deadline.enterprise"
        case deadlineStaff = "deadline.staff"
        case deadlineSetEnterprise = "deadline_set.enterprise"
        case formExpiringEnterprise = "form_expiring.enterprise"
        case profileExpiringStaff = "profile_expiring.staff"
        case introductionProposedEnterprise = "introduction_proposed.enterprise"
        case introductionProposedPartner = "introduction_proposed.partner"
        case introductionMadeEnterprise = "introduction_made.enterprise"
        case introductionMadePartner = "introduction_made.partner"

        /// Placeholders every letter has: the centre's signature.
        static let common: Set<String> = ["signatureZh", "signatureEn"]

        /// The form and its organisation, for every letter about one form.
        static let form: Set<String> = [
            "formId", "organizationZh", "organizationEn", "technicalArea", "countriesZh", "countriesEn", "city",
        ]

        /// The two sides of an introduction: each side's organisation, field and what it seeks; the contacts
        /// only in the letters sent once both have agreed.
        static let introduction: Set<String> = Self.form.union([
            "introductionId", "projectDescription", "expertiseSought", "contributionSought", "partnerName", "partnerCountryZh",
            "partnerCountryEn", "partnerKindZh", "partnerKindEn", "partnerExpertise", "partnerOffers", "partnerContactName",
        ])
        static let contacts: Set<String> = [
            "partnerContactEmail", "partnerContactPhone", "partnerWebsite", "enterpriseContactName", "enterpriseContactPosition",
            "enterpriseContactEmail", "enterpriseContactPhone", "enterpriseWebsite",
        ]

        /// The placeholders of this letter, including those inside its sections.
        var placeholders: Set<String> {
            switch self {
            case .formReceivedEnterprise, .formPublishedEnterprise:
                return Self.common.union(Self.form)
            case .formReceivedStaff:
                return Self.common.union(Self.form).union(["contactName", "submittedAt"])
            case .formReturnedEnterprise:
                return Self.common.union(Self.form).union(["reason"])
            case .matchFoundEnterprise:
                return Self.common.union(Self.form).union([
                    "note", "partnerName", "partnerCountryZh", "partnerCountryEn", "partnerKindZh", "partnerKindEn", "fieldsZh", "fieldsEn",
                ])
            case .matchFoundStaff:
                return Self.common.union(Self.form).union([
                    "partnerId", "partnerName", "partnerCountryZh", "partnerCountryEn", "partnerKindZh", "partnerKindEn",
                    "partnerExpertise", "partnerSource", "fieldsZh", "fieldsEn", "score", "reasons", "zh", "en", "proposalId",
                ])
            case .deadlineEnterprise:
                return Self.common.union(Self.form).union([
                    "callId", "callTitleZh", "callTitleEn", "deadline", "daysLeft", "authorityZh", "authorityEn", "authorityWebsite",
                ])
            case .deadlineSetEnterprise:
                return Self.common.union(Self.form).union([
                    "callId", "callTitleZh", "callTitleEn", "deadline", "daysLeft", "authorityZh", "authorityEn", "authorityWebsite",
                ])
            case .deadlineStaff:
                return Self.common.union([
                    "callId", "callTitleZh", "callTitleEn", "deadline", "daysLeft", "formCount", "forms", "formId",
                    "organizationZh", "countriesZh",
                ])
            case .formExpiringEnterprise:
                return Self.common.union(Self.form).union(["expiresOn", "daysLeft"])
            case .introductionProposedEnterprise, .introductionProposedPartner:
                return Self.common.union(Self.introduction)
            case .introductionMadeEnterprise, .introductionMadePartner:
                return Self.common.union(Self.introduction).union(Self.contacts)
            case .profileExpiringStaff:
                return Self.common.union([
                    "profileCount", "withinDays", "lastDay", "profiles", "more", "partnerId", "partnerName", "partnerCountryZh",
                    "partnerSource", "expiresOn", "daysLeft",
                ])
            }
        }
    }

    /// Why the templates could not be used; the service does not start.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private let templates: [Letter: (subject: MustacheTemplate, body: MustacheTemplate)]

    /// Reads every letter's template from `directory`, writing the shipped one first where staff have none, so
    /// that the files are there to change; refuses a template that cannot be read or uses an unknown placeholder.
    init(directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var templates: [Letter: (MustacheTemplate, MustacheTemplate)] = [:]
        for letter in Letter.allCases {
            let path = "\(directory)/\(letter.rawValue).mustache"
            if !manager.fileExists(atPath: path) {
                try DefaultLetters.text(letter).write(toFile: path, atomically: true, encoding: .utf8)
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Problem(description: "the letter template \(path) cannot be read as UTF-8 text")
            }
            templates[letter] = try Self.parse(text, letter: letter, path: path)
        }
        self.templates = templates
    }

    /// The shipped templates alone, for a check of what Lingyan ships.
    init(shipped: Void = ()) throws {
        var templates: [Letter: (MustacheTemplate, MustacheTemplate)] = [:]
        for letter in Letter.allCases {
            templates[letter] = try Self.parse(DefaultLetters.text(letter), letter: letter, path: "\(letter.rawValue).mustache")
        }
        self.templates = templates
    }

    /// The letter's subject and body for `fields`.
    func render(_ letter: Letter, _ fields: [String: Any]) -> (subject: String, body: String) {
        let template = self.templates[letter]!
        let subject = template.subject.render(fields).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (subject.trimmingCharacters(in: .whitespaces), template.body.render(fields))
    }

    private static func parse(_ text: String, letter: Letter, path: String) throws -> (MustacheTemplate, MustacheTemplate) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("Subject:") else {
            throw Problem(description: "\(path) line 1: a letter template starts with a 'Subject:' line, then a blank line, then the body")
        }
        try Self.checkPlaceholders(lines.map(String.init), letter: letter, path: path)
        let subject = String(first.dropFirst("Subject:".count))
        let body = lines.dropFirst().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
        do {
            // Plain text: no HTML escaping of "&" or "<" in a company's name.
            return (
                try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + subject),
                try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + body)
            )
        } catch let error as MustacheTemplate.ParserError {
            // The body's line numbers start after the subject and the blank lines.
            let offset = lines.count - lines.dropFirst().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            throw Problem(description: "\(path) line \(error.context.lineNumber + offset): \(error.error) (\(error.context.line.trimmingCharacters(in: .whitespaces)))")
        }
    }

    /// Every tag's name must be one of the letter's placeholders: `{{name}}`, `{{{name}}}`, `{{&name}}`, and the
    /// section tags `{{#name}}`, `{{^name}}`, `{{/name}}`. Comments (`{{! … }}`) and pragmas are left alone.
    private static func checkPlaceholders(_ lines: [String], letter: Letter, path: String) throws {
        let allowed = letter.placeholders
        let tag = /\{\{\{?\s*([#^\/&]?)\s*([A-Za-z0-9_.]+)\s*\}?\}\}/
        for (index, line) in lines.enumerated() {
            for match in line.matches(of: tag) {
                let name = String(match.output.2)
                let head = String(name.split(separator: ".").first ?? "")
                guard !allowed.contains(name) && !allowed.contains(head) else { continue }
                throw Problem(description: "\(path) line \(index + 1): unknown placeholder {{\(name)}}; this letter's placeholders are \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }
}
