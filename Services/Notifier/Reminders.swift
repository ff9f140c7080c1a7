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
    let letters: LetterTemplates
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
            guard let deadline = call.deadline, today <= deadline, let offset = Self.dueOffset(today: today, deadline: deadline),
                  let daysLeft = Self.daysBetween(today, deadline)
            else { continue }
            let seeking = forms.filter { $0.form.partner.countries.contains(call.country) }
            let callFields = LetterFields.deadline(call, daysLeft: daysLeft, signature: signature)
            for form in seeking {
                let contact = form.form.contact
                let fields = callFields.merging(LetterFields.form(form, signature: signature)) { _, new in new }
                messages.append(self.letter(
                    .deadlineEnterprise, fields, key: "deadline:\(call.id):\(offset):\(form.id):contact", trigger: "deadline_\(offset)",
                    to: "\(contact.name) <\(contact.primaryEmail)>", formId: form.id, date: now))
            }
            var staffFields = callFields
            staffFields["formCount"] = String(seeking.count)
            staffFields["forms"] = seeking.map { form -> [String: Any] in
                LetterFields.form(form, signature: nil)
            }
            for address in self.staff where !seeking.isEmpty {
                messages.append(self.letter(
                    .deadlineStaff, staffFields, key: "deadline:\(call.id):\(offset):staff:\(address)", trigger: "deadline_\(offset)",
                    to: address, formId: nil, date: now))
            }
        }
        for form in forms {
            guard let left = Self.daysBetween(today, form.expiresOn), (0...Self.expiryOffset).contains(left) else { continue }
            let contact = form.form.contact
            messages.append(self.letter(
                .formExpiringEnterprise, LetterFields.expiry(form, daysLeft: left, signature: signature), key: "expiry:\(form.id):\(form.expiresOn):contact", trigger: "form_expiring",
                to: "\(contact.name) <\(contact.primaryEmail)>", formId: form.id, date: now))
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
        let fields = LetterFields.expiringProfiles(profiles, today: today, withinDays: Self.expiryOffset, signature: signature)
        let keyIds = "\(profiles.first?.id ?? "")-\(profiles.last?.id ?? ""):\(profiles.count)"
        return self.letter(
            .profileExpiringStaff, fields, key: "profile-expiry:\(today):\(keyIds):staff:\(address)", trigger: "profile_expiring",
            to: address, formId: nil, date: date)
    }

    private func letter(
        _ letter: LetterTemplates.Letter, _ fields: [String: Any], key: String, trigger: String, to: String, formId: String?, date: Date
    ) -> OutgoingMessage {
        let (subject, body) = self.letters.render(letter, fields)
        return OutgoingMessage(
            dedupKey: key, trigger: trigger, from: self.from, to: to, replyTo: self.staff.first, formId: formId, subject: subject,
            body: body, date: date)
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
