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
    /// Whether the enterprise hears of a match at once, rather than after a staff member approves it.
    var autoSend = false

    /// The registry entities a page's events need, fetched concurrently: the form each form or match event names,
    /// and the partner. A registry that fails to answer fails the page, which is then tried again: a message is
    /// never skipped because its form could not be read.
    static func prefetch(_ client: RPCClient, _ events: [FeedInterface.FeedEvent]) async throws -> [String: any Sendable] {
        var keys: Set<String> = []
        for event in events {
            switch event.type {
            case "form.submitted", "form.returned", "form.published":
                keys.insert(event.entity)
            case "call.updated" where Self.deadlineNewlySet(event):
                keys.insert(event.entity)
            case "introduction.created", "introduction.updated":
                guard Self.introductionLetter(event) != nil else { continue }
                if let form = event.data["formId"]?.stringValue { keys.insert("form:\(form)") }
                if let partner = event.data["partnerId"]?.stringValue { keys.insert("partner:\(partner)") }
            case "match.found":
                if let form = event.data["formId"]?.stringValue { keys.insert("form:\(form)") }
                if let partner = event.data["partnerId"]?.stringValue { keys.insert("partner:\(partner)") }
            default:
                break
            }
        }
        guard !keys.isEmpty else { return [:] }
        var fetched = try await RegistryEntities.fetch(client, keys: keys)
        // A newly set deadline is news for every open form seeking the call's country.
        for event in events where event.type == "call.updated" && Self.deadlineNewlySet(event) {
            guard let country = event.data["country"]?.stringValue else { continue }
            var forms: [StoredForm] = []
            for status in [FormStatus.submitted, .returned, .published] {
                var after: String? = nil
                repeat {
                    let page = try await client.call(RegistryInterface.FormsList.self, .init(status: status, country: country, limit: 500, after: after))
                    forms += page.forms
                    after = page.next
                } while after != nil
            }
            fetched["forms-seeking:\(country)"] = forms
        }
        // Letters sign with the catalogue's contacts as they stand now.
        if let signature = Signature(calls: try await client.call(RegistryInterface.CallsList.self, .init()).calls) {
            fetched[Signature.fetchKey] = signature
        }
        return fetched
    }

    /// A `call.updated` that gives a deadline to a call whose deadline was to be agreed.
    static func deadlineNewlySet(_ event: FeedInterface.FeedEvent) -> Bool {
        event.data["deadline"]?.stringValue != nil && event.data["previousDeadline"].map { $0 == .null } ?? false
    }

    /// Registry events: form received, returned, published; a call's deadline newly set.
    func applyRegistry(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        if event.type == "call.updated" {
            return try self.deadlineSet(db, event, fetched)
        }
        if event.type.hasPrefix("introduction.") {
            return try self.introduction(db, event, fetched)
        }
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

    /// Which letters an introduction event sends: `proposed` when it is created, `introduced` when staff record
    /// that both sides agreed (the letters then carry each side's contact).
    static func introductionLetter(_ event: FeedInterface.FeedEvent) -> String? {
        switch (event.type, event.data["status"]?.stringValue) {
        case ("introduction.created", _): "proposed"
        case ("introduction.updated", "introduced"?): "introduced"
        default: nil
        }
    }

    /// The introduction to both sides: the enterprise in Chinese and English, the partner's contact in English.
    private func introduction(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        guard let stage = Self.introductionLetter(event), let formId = event.data["formId"]?.stringValue,
              let partnerId = event.data["partnerId"]?.stringValue, let form = fetched["form:\(formId)"] as? StoredForm,
              let partner = fetched["partner:\(partnerId)"] as? StoredPartner
        else { return }
        let id = String(event.entity.dropFirst("introduction:".count))
        let made = stage == "introduced"
        let fields = LetterFields.introduction(
            id: id, form: form, partner: partner, contacts: made, signature: fetched[Signature.fetchKey] as? Signature)
        let contact = form.form.contact
        try self.queue(
            db, key: "\(event.entity):\(stage):contact", trigger: "introduction_\(stage)", to: "\(contact.name) <\(contact.primaryEmail)>",
            formId: formId, made ? .introductionMadeEnterprise : .introductionProposedEnterprise, fields)
        // The partner hears only when its profile names someone to write to.
        if let email = partner.profile.contact?.email.flatMap({ $0.split(separator: ",").first }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let name = partner.profile.contact?.name ?? partner.profile.name
            try self.queue(
                db, key: "\(event.entity):\(stage):partner", trigger: "introduction_\(stage)", to: "\(name) <\(email)>", formId: formId,
                made ? .introductionMadePartner : .introductionProposedPartner, fields)
        }
    }

    /// Tells each open form seeking the call's country, once per deadline.
    private func deadlineSet(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        guard Self.deadlineNewlySet(event), let call = fetched[event.entity] as? ProgrammeCall, let deadline = call.deadline,
              let forms = fetched["forms-seeking:\(call.country)"] as? [StoredForm]
        else { return }
        let signature = fetched[Signature.fetchKey] as? Signature
        let today = ProgrammeCall.hangzhouDay(self.clock.now())
        guard let daysLeft = Reminders.daysBetween(today, deadline), daysLeft >= 0 else { return }
        let callFields = LetterFields.deadline(call, daysLeft: daysLeft, signature: signature)
        for form in forms {
            let contact = form.form.contact
            let fields = callFields.merging(LetterFields.form(form, signature: signature)) { _, new in new }
            try self.queue(
                db, key: "deadline-set:\(call.id):\(deadline):\(form.id):contact", trigger: "deadline_set",
                to: "\(contact.name) <\(contact.primaryEmail)>", formId: form.id, .deadlineSetEnterprise, fields)
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
        var fields = LetterFields.match(form: form, partner: partner, concepts: concepts, signature: fetched[Signature.fetchKey] as? Signature)
        let to = "\(contact.name) <\(contact.primaryEmail)>"
        var score: Double? = nil
        if case .double(let value)? = event.data["score"] { score = value }
        if self.autoSend {
            try self.queue(db, key: Self.enterpriseKey(formId: formId, partnerId: partnerId), trigger: "match_found", to: to, formId: formId, .matchFoundEnterprise, fields)
        } else {
            // Staff first: the enterprise's letter waits, with its fields, for a staff member's approval.
            let letterFields = fields.compactMapValues { $0 as? String }
            let proposal = NotificationInterface.MatchProposal(
                id: 0, formId: formId, organization: form.form.organization.nameZh, partnerId: partnerId, partnerName: partner.profile.name,
                partnerCountry: partner.profile.country, score: score, fieldsZh: letterFields["fieldsZh"] ?? "",
                fieldsEn: letterFields["fieldsEn"] ?? "", state: .pending, note: nil, decidedBy: nil, decidedAt: nil,
                createdAt: Timestamp.string(from: self.clock.now()), notificationId: nil)
            fields["proposalId"] = String(try NotifierStore.propose(proposal, letterFields: letterFields, recipient: to, db: db))
        }
        fields["score"] = score.map { String(format: "%.2f", $0) } ?? ""
        fields["reasons"] = Self.reasons(event.data).map { ["zh": $0.zh, "en": $0.en] }
        for address in self.staff {
            try self.queue(db, key: "match.found:\(formId):\(partnerId):staff:\(address)", trigger: "match_found", to: address, formId: formId, .matchFoundStaff, fields)
        }
    }

    /// The shared concepts' labels; events written before labels were carried give their ids in both languages.
    static func conceptLabels(_ data: JSONValue) -> [(zh: String, en: String)] {
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

    /// The dedup key of a match letter to the enterprise: the same whether sent at once or on approval, so it goes once.
    static func enterpriseKey(formId: String, partnerId: String) -> String {
        "match.found:\(formId):\(partnerId):contact"
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
