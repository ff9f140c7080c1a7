import Foundation
import ServiceKit
import Shared

/// `letters.preview`: a trigger's letters rendered from the template files as they are now (read afresh, so that
/// staff see an edit before the service is restarted to use it), with the registry's records and matching's
/// reasons. Nothing is queued.
struct LetterPreview: Sendable {
    let templatesDirectory: String
    let registrySocket: String
    let matchingSocket: String
    let clock: LingyanClock

    static let triggers = ["form_received", "form_returned", "form_published", "match_found", "deadline", "form_expiring", "profile_expiring"]

    func preview(_ params: NotificationInterface.LettersPreview.Params) async throws -> NotificationInterface.LettersPreview.Result {
        guard Self.triggers.contains(params.trigger) else {
            throw RPCError.validationFailed([FieldProblem(
                path: "trigger", code: "unknown_trigger", messageZh: "未知的触发类型；可用：\(Self.triggers.joined(separator: "、"))",
                messageEn: "unknown trigger; use one of \(Self.triggers.joined(separator: ", "))")])
        }
        let letters: LetterTemplates
        do {
            letters = try LetterTemplates(directory: self.templatesDirectory)
        } catch let problem as LetterTemplates.Problem {
            throw RPCError.validationFailed([FieldProblem(path: "template", code: "invalid_template", messageZh: problem.description, messageEn: problem.description)])
        }
        let registry: RPCClient
        do {
            registry = try await RPCClient.connect(socketPath: self.registrySocket)
        } catch {
            throw RPCError(code: .unavailable, message: "the registry is not reachable: \(error)")
        }
        do {
            let result = try await self.render(params, letters: letters, registry: registry)
            await registry.close()
            return result
        } catch {
            await registry.close()
            throw error
        }
    }

    private func render(
        _ params: NotificationInterface.LettersPreview.Params, letters: LetterTemplates, registry: RPCClient
    ) async throws -> NotificationInterface.LettersPreview.Result {
        let calls = try await registry.call(RegistryInterface.CallsList.self, .init()).calls
        let signature = Signature(calls: calls)
        let today = ProgrammeCall.hangzhouDay(self.clock.now())
        func required(_ value: String?, _ path: String) throws -> String {
            guard let value, !value.isEmpty else {
                throw RPCError.validationFailed([FieldProblem(
                    path: path, code: "required", messageZh: "该触发类型需要此项", messageEn: "this trigger needs it")])
            }
            return value
        }
        func form() async throws -> StoredForm {
            try await registry.call(RegistryInterface.FormsGet.self, .init(id: try required(params.formId, "formId")))
        }
        func partner() async throws -> StoredPartner {
            try await registry.call(RegistryInterface.PartnersGet.self, .init(id: try required(params.partnerId, "partnerId")))
        }
        var rendered: [(LetterTemplates.Letter, [String: Any])] = []
        switch params.trigger {
        case "form_received":
            let form = try await form()
            var fields = LetterFields.form(form, signature: signature)
            rendered.append((.formReceivedEnterprise, fields))
            fields["contactName"] = form.form.contact.name
            fields["submittedAt"] = Timestamp.date(from: form.submittedAt).map(OutgoingMessage.rfc5322Date) ?? ""
            rendered.append((.formReceivedStaff, fields))
        case "form_returned":
            var fields = LetterFields.form(try await form(), signature: signature)
            fields["reason"] = params.text ?? "（退回原因 / the reason staff give）"
            rendered.append((.formReturnedEnterprise, fields))
        case "form_published":
            rendered.append((.formPublishedEnterprise, LetterFields.form(try await form(), signature: signature)))
        case "match_found":
            let form = try await form()
            let partner = try await partner()
            let match = try? await self.match(formId: form.id, partnerId: partner.id)
            let concepts = match?.sharedConcepts.map { (zh: $0.labelZh, en: $0.labelEn) } ?? []
            var fields = LetterFields.match(form: form, partner: partner, concepts: concepts, signature: signature)
            fields["note"] = params.text
            rendered.append((.matchFoundEnterprise, fields))
            fields["score"] = match.map { String(format: "%.2f", $0.score) } ?? ""
            fields["reasons"] = (match?.reasons ?? []).map { ["zh": $0.zh, "en": $0.en] }
            fields["proposalId"] = "N"
            rendered.append((.matchFoundStaff, fields))
        case "deadline":
            let form = try await form()
            let call = try params.callId.map { id in
                guard let call = calls.first(where: { $0.id == id }) else { throw RPCError.notFound("no call \(id)") }
                return call
            } ?? calls.first { form.form.partner.countries.contains($0.country) }
            guard let call else { throw RPCError.notFound("no call of the countries \(form.form.partner.countries.joined(separator: ", ")) this form seeks") }
            let daysLeft = call.deadline.flatMap { Reminders.daysBetween(today, $0) } ?? 0
            let fields = LetterFields.deadline(call, daysLeft: daysLeft, signature: signature)
            rendered.append((.deadlineEnterprise, fields.merging(LetterFields.form(form, signature: signature)) { _, new in new }))
            rendered.append((.deadlineSetEnterprise, fields.merging(LetterFields.form(form, signature: signature)) { _, new in new }))
            var staff = fields
            staff["formCount"] = "1"
            staff["forms"] = [LetterFields.form(form, signature: nil)]
            rendered.append((.deadlineStaff, staff))
        case "form_expiring":
            let form = try await form()
            rendered.append((.formExpiringEnterprise, LetterFields.expiry(form, daysLeft: Reminders.daysBetween(today, form.expiresOn) ?? 0, signature: signature)))
        default:
            let partner = try await partner()
            rendered.append((.profileExpiringStaff, LetterFields.expiringProfiles([partner], today: today, withinDays: Reminders.expiryOffset, signature: signature)))
        }
        return .init(letters: rendered.map { letter, fields in
            let (subject, body) = letters.render(letter, fields)
            let audience = String(letter.rawValue.split(separator: ".").last ?? "")
            return NotificationInterface.RenderedLetter(template: letter.rawValue, audience: audience, subject: subject, body: body)
        })
    }

    /// Matching's view of the pair: its shared fields, score and reasons; nil when matching does not rank it.
    private func match(formId: String, partnerId: String) async throws -> MatchingInterface.PairMatch? {
        let matching = try await RPCClient.connect(socketPath: self.matchingSocket)
        do {
            let result = try await matching.call(MatchingInterface.Partners.self, .init(formId: formId, limit: 100))
            await matching.close()
            return result.results.first { $0.partnerId == partnerId }
        } catch {
            await matching.close()
            throw error
        }
    }
}
