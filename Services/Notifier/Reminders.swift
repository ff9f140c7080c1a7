import Foundation
import Logging
import ServiceKit
import ServiceLifecycle
import Shared

/// Deadline and expiry reminders (DESIGN §9), computed from the registry at start and then every minute.
///
/// A call with a fixed deadline reminds 30, 7 and 1 days before it every enterprise with an open form seeking the
/// call's country, and staff; nothing for deadlines to be agreed or already passed. A form reminds its contact 14
/// days before it expires, and staff are told of partner profiles 14 days before they expire, each profile once.
/// Each reminder has a dedup key, so a reminder due while the service was down is sent
/// when it comes back, once; after a long stop only the nearest reminder due is sent, not every one missed.
struct Reminders: Service {
    let store: NotifierStore
    let registrySocket: String
    let from: String
    let staff: [String]
    let clock: LingyanClock
    let logger: Logger
    var interval: Duration = .seconds(60)

    static let deadlineOffsets = [30, 7, 1]
    static let expiryOffset = 14

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let client = try await RPCClient.connect(socketPath: self.registrySocket)
                    defer { Task { await client.close() } }
                    let queued = try await self.pass(client)
                    if queued > 0 {
                        self.store.queued.advance(to: self.store.queued.head + 1)
                        self.logger.info("reminders queued", metadata: ["messages": "\(queued)"])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.info("reminders not computed (registry unreachable?); retrying", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// Queues every reminder due today; returns how many messages were new.
    func pass(_ client: RPCClient) async throws -> Int {
        let now = self.clock.now()
        let today = ProgrammeCall.hangzhouDay(now)
        var forms: [StoredForm] = []
        for status in [FormStatus.submitted, .returned, .published] {
            var after: String? = nil
            repeat {
                let page = try await client.call(
                    RegistryInterface.FormsList.self, .init(status: status, limit: 500, after: after))
                forms += page.forms
                after = page.next
            } while after != nil
        }
        var messages: [OutgoingMessage] = []
        let calls = try await client.call(RegistryInterface.CallsList.self, .init()).calls
        let signature = Signature(calls: calls)
        for call in calls {
            guard let deadline = call.deadline, today <= deadline, let offset = Self.dueOffset(today: today, deadline: deadline)
            else { continue }
            let seeking = forms.filter { $0.form.partner.countries.contains(call.country) }
            for form in seeking {
                let contact = form.form.contact
                messages.append(self.deadlineMessage(
                    call: call, offset: offset, key: "deadline:\(call.id):\(offset):\(form.id):contact",
                    to: "\(contact.name) <\(contact.primaryEmail)>", formId: form.id, date: now, signature: signature))
            }
            for address in self.staff where !seeking.isEmpty {
                messages.append(self.deadlineMessage(
                    call: call, offset: offset, key: "deadline:\(call.id):\(offset):staff:\(address)", to: address, formId: nil,
                    date: now, signature: signature))
            }
        }
        for form in forms where Self.daysBetween(today, form.expiresOn).map({ (0...Self.expiryOffset).contains($0) }) == true {
            let contact = form.form.contact
            messages.append(OutgoingMessage(
                dedupKey: "expiry:\(form.id):\(form.expiresOn):contact", trigger: "form_expiring", from: self.from,
                to: "\(contact.name) <\(contact.primaryEmail)>", formId: form.id,
                subject: "表单即将过期 / Form expiring on \(form.expiresOn): \(form.id)",
                bodyZh: "\(form.form.organization.nameZh)：\n\n您的需求信息表（\(form.id)）将于 \(form.expiresOn) 过期。如仍需寻找合作伙伴，请联系服务中心续期（lingyan forms renew \(form.id)）。",
                bodyEn: "\(form.form.organization.nameEn ?? form.form.organization.nameZh):\n\nYour partner search form \(form.id) expires on \(form.expiresOn). To keep looking for partners, ask the service centre to renew it (lingyan forms renew \(form.id)).",
                date: now, signature: signature))
        }
        let expiring = try await self.expiringProfiles(client, today: today)
        let stamp = Timestamp.string(from: now)
        let due = messages
        return try await self.store.database.write { db in
            var count = try due.reduce(0) { count, message in count + (try NotifierStore.enqueue(message, db: db, at: stamp) ? 1 : 0) }
            let new = try NotifierStore.newExpiryNotices(expiring, db: db, at: stamp)
            if !new.isEmpty {
                for address in self.staff {
                    count += try NotifierStore.enqueue(self.profileExpiryMessage(new, to: address, today: today, date: now, signature: signature), db: db, at: stamp) ? 1 : 0
                }
            }
            return count
        }
    }

    /// Active profiles whose last day is at most `expiryOffset` days away.
    private func expiringProfiles(_ client: RPCClient, today: String) async throws -> [StoredPartner] {
        guard !self.staff.isEmpty, let start = Self.day(today) else { return [] }
        let by = String(Timestamp.string(from: start.addingTimeInterval(Double(Self.expiryOffset) * 86_400)).prefix(10))
        var profiles: [StoredPartner] = []
        var after: String? = nil
        repeat {
            let page = try await client.call(
                RegistryInterface.PartnersList.self, .init(limit: 1000, after: after, status: .active, expiringBy: by))
            profiles += page.partners.filter { ($0.profile.expiresOn ?? "") >= today }
            after = page.next
        } while after != nil
        return profiles
    }

    /// One letter to staff for the profiles newly found expiring: which, from which source, on which day, and
    /// what to do.
    private func profileExpiryMessage(_ profiles: [StoredPartner], to address: String, today: String, date: Date, signature: Signature?) -> OutgoingMessage {
        let shown = profiles.prefix(50)
        let lines = shown.map { partner in
            let days = Self.daysBetween(today, partner.profile.expiresOn ?? today) ?? 0
            return "  \(partner.id)  \(partner.profile.name)（\(CountryNames.chinese(partner.profile.country))）  \(partner.profile.source)  \(partner.profile.expiresOn ?? "")（\(days) 天后 / in \(days) days）"
        }
        let more = profiles.count > shown.count ? "\n  ……另有 \(profiles.count - shown.count) 个 / and \(profiles.count - shown.count) more" : ""
        let last = profiles.compactMap(\.profile.expiresOn).max() ?? today
        let keyIds = "\(profiles.first?.id ?? "")-\(profiles.last?.id ?? ""):\(profiles.count)"
        return OutgoingMessage(
            dedupKey: "profile-expiry:\(today):\(keyIds):staff:\(address)", trigger: "profile_expiring", from: self.from, to: address,
            formId: nil,
            subject: "合作方档案即将过期 / \(profiles.count) partner profile\(profiles.count == 1 ? "" : "s") expiring by \(last)",
            bodyZh: "以下 \(profiles.count) 个合作方档案将在 \(Self.expiryOffset) 天内过期，过期后不再参与匹配。如仍有效，请向来源机构索取更新后重新导入，或修改有效期（lingyan partners update）：\n\n" + lines.joined(separator: "\n") + more,
            bodyEn: "These \(profiles.count) partner profiles expire within \(Self.expiryOffset) days and are no longer matched after that. If they are still valid, ask their source for an update and import it again, or change the date (lingyan partners update):\n\n" + lines.joined(separator: "\n") + more,
            date: date, signature: signature)
    }

    private func deadlineMessage(
        call: ProgrammeCall, offset: Int, key: String, to: String, formId: String?, date: Date, signature: Signature?
    ) -> OutgoingMessage {
        let deadline = call.deadline ?? ""
        return OutgoingMessage(
            dedupKey: key, trigger: "deadline_\(offset)", from: self.from, to: to, formId: formId,
            subject: "申报截止提醒 / Deadline in \(offset) day\(offset == 1 ? "" : "s"): \(call.id) (\(deadline))",
            bodyZh: "\(call.titleZh)将于 \(deadline) 截止申报（还有 \(offset) 天）。" + (formId.map { "\n相关需求信息表：\($0)" } ?? ""),
            bodyEn: "\(call.titleEn) closes on \(deadline) (in \(offset) day\(offset == 1 ? "" : "s"))." + (formId.map { "\nYour form: \($0)" } ?? ""),
            date: date, signature: signature)
    }

    /// The nearest reminder offset whose day has come: 1 when one day or less is left, else 7, else 30, else none.
    static func dueOffset(today: String, deadline: String) -> Int? {
        guard let left = Self.daysBetween(today, deadline), left >= 0 else { return nil }
        return Self.deadlineOffsets.sorted().first { left <= $0 }
    }

    /// Whole days from one `YYYY-MM-DD` to another.
    static func daysBetween(_ from: String, _ to: String) -> Int? {
        guard let start = Self.day(from), let end = Self.day(to) else { return nil }
        return Int(((end.timeIntervalSince(start)) / 86_400).rounded())
    }

    private static func day(_ text: String) -> Date? {
        Timestamp.date(from: text + "T00:00:00Z")
    }
}
