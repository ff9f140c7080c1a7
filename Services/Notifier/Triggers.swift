import Foundation
import GRDB
import ServiceKit
import Shared

/// Turns feed events into outbox rows (DESIGN §9): a form received (to its contact person and to staff), returned
/// with the reason or published (to the contact person), and a match found (to the contact person and staff, with
/// the partner's name, country and the reasons). Addresses come from the registry when the message is built,
/// never from events.
struct Triggers: Sendable {
    let from: String
    let staff: [String]
    let clock: LingyanClock
    let letters: LetterTemplates

    /// The registry entities a page's events need, fetched concurrently: the form each form or match event names,
    /// and the partner. A registry that fails to answer fails the page, which is then tried again: a message is
    /// never skipped because its form could not be read.
    static func prefetch(_ client: RPCClient, _ events: [FeedInterface.FeedEvent]) async throws -> [String: any Sendable] {
        var keys: Set<String> = []
        for event in events {
            switch event.type {
            case "form.submitted", "form.returned", "form.published":
                keys.insert(event.entity)
            case "match.found":
                if let form = event.data["formId"]?.stringValue { keys.insert("form:\(form)") }
                if let partner = event.data["partnerId"]?.stringValue { keys.insert("partner:\(partner)") }
            default:
                break
            }
        }
        guard !keys.isEmpty else { return [:] }
        var fetched = try await RegistryEntities.fetch(client, keys: keys)
        // Letters sign with the catalogue's contacts as they stand now.
        if let signature = Signature(calls: try await client.call(RegistryInterface.CallsList.self, .init()).calls) {
            fetched[Signature.fetchKey] = signature
        }
        return fetched
    }

    /// Registry events: form received, returned, published.
    func applyRegistry(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        guard let form = fetched[event.entity] as? StoredForm else { return }
        let signature = fetched[Signature.fetchKey] as? Signature
        let contact = form.form.contact
        let to = "\(contact.name) <\(contact.primaryEmail)>"
        let revision = event.data["revision"]?.integerValue ?? 0
        var fields = LetterFields.form(form, signature: signature)
        switch event.type {
        case "form.submitted":
            try self.queue(db, key: "form.submitted:\(form.id):contact", trigger: "form_received", to: to, formId: form.id, .formReceivedEnterprise, fields)
            fields["contactName"] = contact.name
            fields["submittedAt"] = Timestamp.date(from: event.at).map(OutgoingMessage.rfc5322Date) ?? event.at
            for address in self.staff {
                try self.queue(db, key: "form.submitted:\(form.id):staff:\(address)", trigger: "form_received", to: address, formId: form.id, .formReceivedStaff, fields)
            }
        case "form.returned":
            fields["reason"] = event.data["reason"]?.stringValue ?? ""
            try self.queue(db, key: "form.returned:\(form.id):\(revision):contact", trigger: "form_returned", to: to, formId: form.id, .formReturnedEnterprise, fields)
        case "form.published":
            try self.queue(db, key: "form.published:\(form.id):\(revision):contact", trigger: "form_published", to: to, formId: form.id, .formPublishedEnterprise, fields)
        default:
            return
        }
    }

    /// Matching events: a pair above the alert threshold. The enterprise reads the partner by name, country, kind
    /// and the fields in common; staff also get the score, every reason and the partner's expertise to check.
    func applyMatching(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        guard event.type == "match.found", let formId = event.data["formId"]?.stringValue,
            let partnerId = event.data["partnerId"]?.stringValue, let form = fetched["form:\(formId)"] as? StoredForm,
            let partner = fetched["partner:\(partnerId)"] as? StoredPartner
        else { return }
        let contact = form.form.contact
        let concepts = Self.conceptLabels(event.data)
        var fields = LetterFields.form(form, signature: fetched[Signature.fetchKey] as? Signature)
        fields.merge(LetterFields.partner(partner)) { _, new in new }
        fields["fieldsZh"] = concepts.isEmpty ? "（见合作方专长）" : concepts.map(\.zh).joined(separator: "、")
        fields["fieldsEn"] = concepts.isEmpty ? "(see the partner's expertise)" : concepts.map(\.en).joined(separator: ", ")
        try self.queue(
            db, key: "match.found:\(formId):\(partnerId):contact", trigger: "match_found", to: "\(contact.name) <\(contact.primaryEmail)>",
            formId: formId, .matchFoundEnterprise, fields)
        if case .double(let value)? = event.data["score"] { fields["score"] = String(format: "%.2f", value) } else { fields["score"] = "" }
        fields["reasons"] = Self.reasons(event.data).map { ["zh": $0.zh, "en": $0.en] }
        for address in self.staff {
            try self.queue(db, key: "match.found:\(formId):\(partnerId):staff:\(address)", trigger: "match_found", to: address, formId: formId, .matchFoundStaff, fields)
        }
    }

    /// The shared concepts' labels; events written before labels were carried give their ids in both languages.
    private static func conceptLabels(_ data: JSONValue) -> [(zh: String, en: String)] {
        if case .array(let labels)? = data["conceptLabels"] {
            return labels.compactMap { label in
                guard case .object(let fields) = label, let zh = fields["zh"]?.stringValue, let en = fields["en"]?.stringValue
                else { return nil }
                return (zh, en)
            }
        }
        guard case .array(let ids)? = data["concepts"] else { return [] }
        return ids.compactMap(\.stringValue).map { ($0, $0) }
    }

    private static func reasons(_ data: JSONValue) -> [(zh: String, en: String)] {
        guard case .array(let reasons)? = data["reasons"] else { return [] }
        return reasons.compactMap { reason in
            guard case .object(let fields) = reason, let zh = fields["zh"]?.stringValue, let en = fields["en"]?.stringValue
            else { return nil }
            return (zh, en)
        }
    }

    private func queue(
        _ db: Database, key: String, trigger: String, to address: String, formId: String?, _ letter: LetterTemplates.Letter,
        _ fields: [String: Any]
    ) throws {
        let now = self.clock.now()
        let (subject, body) = self.letters.render(letter, fields)
        let message = OutgoingMessage(
            dedupKey: key, trigger: trigger, from: self.from, to: address, replyTo: self.staff.first, formId: formId,
            subject: subject, body: body, date: now)
        try NotifierStore.enqueue(message, db: db, at: Timestamp.string(from: now))
    }
}
