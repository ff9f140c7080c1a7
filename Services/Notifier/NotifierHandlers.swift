import Foundation
import GRDB
import ServiceKit
import Shared

/// `notifications.list`, `notifications.retry`, `notifications.preview`, `proposals.list`, `proposals.approve`,
/// `proposals.reject`.
struct NotifierHandlers: Sendable {
    let store: NotifierStore
    let clock: LingyanClock
    let letters: LetterTemplates
    let from: String
    let staff: [String]

    func register(in router: inout RPCRouter) {
        router.registerBlocking(NotificationInterface.List.self) { params, _ in
            let limit = params.limit ?? 50
            guard (1...500).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 500") }
            return .init(notifications: try self.store.list(params, limit: limit))
        }
        router.registerBlocking(NotificationInterface.Preview.self) { params, _ in
            guard let (notification, message) = try self.store.notification(id: params.id) else {
                throw RPCError(code: .notFound, message: "no notification \(params.id)")
            }
            return .init(notification: notification, message: String(decoding: message, as: UTF8.self))
        }
        router.registerBlocking(NotificationInterface.Retry.self) { params, context in
            guard let notification = try self.store.retry(id: params.id, at: Timestamp.string(from: self.clock.now())) else {
                throw RPCError(code: .notFound, message: "no notification \(params.id)")
            }
            guard notification.state == .pending else {
                throw RPCError(
                    code: .conflict, message: "notification \(params.id) is \(notification.state.rawValue); only failed or dead ones are retried")
            }
            self.store.queued.advance(to: self.store.queued.head + 1)
            context.logger.info("notification queued again", metadata: ["notification": "\(params.id)"])
            return notification
        }
        router.registerBlocking(NotificationInterface.ProposalsList.self) { params, _ in
            let limit = params.limit ?? 50
            guard (1...500).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 500") }
            return .init(proposals: try self.store.proposals(state: params.state, formId: params.formId, limit: limit))
        }
        router.registerBlocking(NotificationInterface.ProposalsApprove.self) { params, context in
            try self.decide(params, approve: true, context: context)
        }
        router.registerBlocking(NotificationInterface.ProposalsReject.self) { params, context in
            try self.decide(params, approve: false, context: context)
        }
    }

    /// One decision in one transaction: the state, the enterprise's letter when approved (its dedup key is the
    /// one an immediate alert would have had, so it is sent once), and an event for the audit record.
    private func decide(
        _ params: NotificationInterface.ProposalDecision, approve: Bool, context: RPCCallContext
    ) throws -> NotificationInterface.MatchProposal {
        var note: String? = nil
        if let given = params.note {
            let trimmed = given.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= 2_000, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }) else {
                throw RPCError.validationFailed([FieldProblem(
                    path: "note", code: "invalid_text", messageZh: "说明须为 2000 字以内、不含控制字符的文字",
                    messageEn: "the note must be text of at most 2,000 characters without control characters")])
            }
            note = trimmed.isEmpty ? nil : trimmed
        }
        let now = self.clock.now()
        let stamp = Timestamp.string(from: now)
        let by = context.actor.operator ?? context.actor.user ?? "uid \(context.actor.uid)"
        let decided = try self.store.database.write { db -> NotificationInterface.MatchProposal in
            guard let (proposal, fields, recipient) = try NotifierStore.pendingProposal(db, id: params.id) else {
                throw RPCError(code: .notFound, message: "no proposal \(params.id); `lingyan match proposals list` shows them")
            }
            guard proposal.state == .pending else {
                throw RPCError.conflict("proposal \(params.id) was already \(proposal.state.rawValue) by \(proposal.decidedBy ?? "staff") on \(proposal.decidedAt?.prefix(10) ?? "?")")
            }
            var notificationId: Int64? = nil
            if approve {
                var letterFields: [String: Any] = fields
                letterFields["note"] = note
                let (subject, body) = self.letters.render(.matchFoundEnterprise, letterFields)
                let key = Triggers.enterpriseKey(formId: proposal.formId, partnerId: proposal.partnerId)
                try NotifierStore.enqueue(
                    OutgoingMessage(
                        dedupKey: key, trigger: "match_found", from: self.from, to: recipient, replyTo: self.staff.first,
                        formId: proposal.formId, subject: subject, body: body, date: now),
                    db: db, at: stamp)
                notificationId = try Int64.fetchOne(db, sql: "SELECT id FROM outbox WHERE dedupKey = ?", arguments: [key])
                db.afterNextTransaction { _ in self.store.queued.advance(to: self.store.queued.head + 1) }
            }
            let state: NotificationInterface.ProposalState = approve ? .approved : .rejected
            try NotifierStore.decide(db, id: params.id, state: state, note: note, by: by, at: stamp, notificationId: notificationId)
            // The note is staff's words about a partner, not anyone's contact details.
            try self.store.feed.append(
                db, type: approve ? "proposal.approved" : "proposal.rejected", entity: "proposal:\(params.id)", actor: context.actor,
                data: [
                    "formId": .string(proposal.formId), "partnerId": .string(proposal.partnerId),
                    "note": note.map { .string($0) } ?? .null,
                ])
            var result = proposal
            result.state = state
            result.note = note
            result.decidedBy = by
            result.decidedAt = stamp
            result.notificationId = notificationId
            return result
        }
        context.logger.info("proposal decided", metadata: ["proposal": "\(params.id)", "state": "\(decided.state.rawValue)"])
        return decided
    }
}
