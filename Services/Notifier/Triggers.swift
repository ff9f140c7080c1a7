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
        let name = form.form.organization.nameZh
        let nameEn = form.form.organization.nameEn ?? name
        let revision = event.data["revision"]?.integerValue ?? 0
        switch event.type {
        case "form.submitted":
            try self.queue(
                db, key: "form.submitted:\(form.id)", trigger: "form_received", to: [("contact", to)] + self.staffRecipients,
                formId: form.id, signature: signature, subject: "表单已收到 / Form received: \(form.id)",
                zh: "\(name)：\n\n您提交的国际科技合作需求信息表（\(form.id)）已收到，我们将尽快审核。\n技术领域：\(form.form.project.technicalArea)",
                en: "\(nameEn):\n\nYour partner search form \(form.id) has been received and will be reviewed shortly.\nTechnical area: \(form.form.project.technicalArea)")
        case "form.returned":
            let reason = event.data["reason"]?.stringValue ?? ""
            try self.queue(
                db, key: "form.returned:\(form.id):\(revision)", trigger: "form_returned", to: [("contact", to)],
                formId: form.id, signature: signature, subject: "表单需修改 / Form returned for changes: \(form.id)",
                zh: "\(name)：\n\n您的需求信息表（\(form.id)）需要修改后重新提交。\n原因：\(reason)",
                en: "\(nameEn):\n\nYour partner search form \(form.id) was returned for changes.\nReason: \(reason)")
        case "form.published":
            try self.queue(
                db, key: "form.published:\(form.id):\(revision)", trigger: "form_published", to: [("contact", to)],
                formId: form.id, signature: signature, subject: "表单已发布 / Form published: \(form.id)",
                zh: "\(name)：\n\n您的需求信息表（\(form.id)）已审核通过并发布，我们将为您对接国外合作伙伴。",
                en: "\(nameEn):\n\nYour partner search form \(form.id) has been approved and published; we will look for partners for you.")
        default:
            return
        }
    }

    /// Matching events: a pair above the alert threshold.
    func applyMatching(_ db: Database, _ event: FeedInterface.FeedEvent, _ fetched: [String: any Sendable]) throws {
        guard event.type == "match.found", let formId = event.data["formId"]?.stringValue,
            let partnerId = event.data["partnerId"]?.stringValue, let form = fetched["form:\(formId)"] as? StoredForm,
            let partner = fetched["partner:\(partnerId)"] as? StoredPartner
        else { return }
        let contact = form.form.contact
        let profile = partner.profile
        let signature = fetched[Signature.fetchKey] as? Signature
        let concepts = Self.conceptLabels(event.data)
        let reasons = Self.reasons(event.data)
        var score = ""
        if case .double(let value)? = event.data["score"] { score = String(format: "%.2f", value) }
        let reasonsZh = reasons.map { "- \($0.zh)" }.joined(separator: "\n")
        let reasonsEn = reasons.map { "- \($0.en)" }.joined(separator: "\n")
        try self.queue(
            db, key: "match.found:\(formId):\(partnerId)", trigger: "match_found",
            to: [("contact", "\(contact.name) <\(contact.primaryEmail)>")] + self.staffRecipients, formId: formId, signature: signature,
            subject: "找到潜在合作伙伴 / Possible partner found: \(profile.name) (\(profile.country))",
            zh: "\(form.form.organization.nameZh)：\n\n根据您的需求（\(formId)），我们找到一家潜在合作伙伴：\n\(profile.name)（\(profile.country)）\n共同领域：\(concepts.map(\.zh).joined(separator: "、"))\n匹配度：\(score)\n\(reasonsZh)\n\n如需对接，请联系服务中心。",
            en: "\(form.form.organization.nameEn ?? form.form.organization.nameZh):\n\nFor your need \(formId) we found a possible partner:\n\(profile.name) (\(profile.country))\nShared fields: \(concepts.map(\.en).joined(separator: ", "))\nScore: \(score)\n\(reasonsEn)\n\nContact the service centre to be introduced.")
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

    private var staffRecipients: [(String, String)] { self.staff.map { ("staff:\($0)", $0) } }

    private func queue(
        _ db: Database, key: String, trigger: String, to recipients: [(role: String, address: String)], formId: String?,
        signature: Signature?, subject: String, zh: String, en: String
    ) throws {
        let now = self.clock.now()
        for (role, address) in recipients {
            let message = OutgoingMessage(
                dedupKey: "\(key):\(role)", trigger: trigger, from: self.from, to: address, formId: formId,
                subject: subject, bodyZh: zh, bodyEn: en, date: now, signature: signature)
            try NotifierStore.enqueue(message, db: db, at: Timestamp.string(from: now))
        }
    }
}
