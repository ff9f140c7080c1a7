/// The `lingyan-notification` service's wire contract.
///
/// The outbox: one row per (trigger, recipient) with a unique dedup key, delivered exactly once into a Maildir
/// (DESIGN §9). Keeps a change feed (`notification.sent`, `notification.dead`).
public enum NotificationInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.notification

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] =
        CommonInterface.methods + FeedInterface.methods + [List.self, Retry.self, Preview.self]
        + [ProposalsList.self, ProposalsApprove.self, ProposalsReject.self, LettersPreview.self]

    /// Where a message stands.
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// Waiting for its first or next attempt.
        case pending
        /// Delivered.
        case sent
        /// The last attempt failed; another follows at `nextAttemptAt`.
        case failed
        /// Every attempt failed; staff may retry it.
        case dead
    }

    /// One outbox row.
    public struct Notification: Codable, Sendable, Hashable, ShapeExample {
        public var id: Int64
        /// Unique per (trigger, recipient): `form.submitted:F-2026-000001:contact`.
        public var dedupKey: String
        /// `form_received`, `form_returned`, `form_published`, `match_found`.
        public var trigger: String
        /// The address, or `staff` for the staff list.
        public var recipient: String
        public var formId: String?
        public var subject: String
        public var state: State
        public var attempts: Int
        public var nextAttemptAt: String?
        public var lastError: String?
        public var createdAt: String
        public var sentAt: String?
        /// `<…@lingyan>`, derived from the dedup key.
        public var messageId: String

        public init(
            id: Int64, dedupKey: String, trigger: String, recipient: String, formId: String?, subject: String,
            state: State, attempts: Int, nextAttemptAt: String?, lastError: String?, createdAt: String, sentAt: String?,
            messageId: String
        ) {
            self.id = id
            self.dedupKey = dedupKey
            self.trigger = trigger
            self.recipient = recipient
            self.formId = formId
            self.subject = subject
            self.state = state
            self.attempts = attempts
            self.nextAttemptAt = nextAttemptAt
            self.lastError = lastError
            self.createdAt = createdAt
            self.sentAt = sentAt
            self.messageId = messageId
        }

        public static var example: Notification {
            Notification(
                id: 1, dedupKey: "form.submitted:F-2026-000001:contact", trigger: "form_received",
                recipient: "zhang.wei@example.cn", formId: "F-2026-000001", subject: "表单已收到 / Form received: F-2026-000001",
                state: .sent, attempts: 1, nextAttemptAt: nil, lastError: nil, createdAt: "2026-11-30T08:00:00.000Z",
                sentAt: "2026-11-30T08:00:00.120Z", messageId: "<3f0b4c1d0f9e8a7b@lingyan>")
        }
    }

    /// Outbox rows by state, recipient and form, newest first.
    public enum List: RPCMethod {
        public static let name = "notifications.list"
        public static let summary = "List outbox rows, newest first, filtered by state, recipient and form."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            public var state: State?
            public var recipient: String?
            public var formId: String?
            /// At most this many (1–500, default 50).
            public var limit: Int?

            public init(state: State? = nil, recipient: String? = nil, formId: String? = nil, limit: Int? = nil) {
                self.state = state
                self.recipient = recipient
                self.formId = formId
                self.limit = limit
            }

            public static var example: Params { Params(state: .dead, limit: 50) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var notifications: [Notification]

            public init(notifications: [Notification]) {
                self.notifications = notifications
            }

            public static var example: Result { Result(notifications: [.example]) }
        }
    }

    /// Sends a failed or dead message again, now.
    public enum Retry: RPCMethod {
        public static let name = "notifications.retry"
        public static let summary = "Queue a failed or dead message for delivery now, with its attempts counted afresh."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict]

        public typealias Params = EntityNumber
        public typealias Result = Notification
    }

    /// The message exactly as it is (or would be) delivered.
    public enum Preview: RPCMethod {
        public static let name = "notifications.preview"
        public static let summary = "Return the RFC 5322 message of an outbox row without sending it."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityNumber

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var notification: Notification
            /// The whole message: headers, a blank line, the body.
            public var message: String

            public init(notification: Notification, message: String) {
                self.notification = notification
                self.message = message
            }

            public static var example: Result { Result(notification: .example, message: "From: Lingyan <lingyan@localhost>\r\n…") }
        }
    }

    /// `{ id }` for rows numbered by the service.
    // MARK: Match proposals

    /// Where a proposed match is: staff look at the partner first; the enterprise hears only of approved ones
    /// (unless `LINGYAN_MATCH_AUTO_SEND=1`).
    public enum ProposalState: String, Codable, Sendable, Hashable, CaseIterable {
        /// Waiting for a staff member.
        case pending
        /// Sent to the enterprise, with the staff member's note.
        case approved
        /// Not sent.
        case rejected
    }

    /// A pair that matching found above the alert threshold, as staff review it.
    public struct MatchProposal: Codable, Sendable, Hashable, ShapeExample {
        /// The proposal's number.
        public var id: Int64
        /// The form.
        public var formId: String
        /// The organisation that filed it.
        public var organization: String
        /// The partner profile.
        public var partnerId: String
        public var partnerName: String
        /// ISO 3166-1 alpha-2.
        public var partnerCountry: String
        /// The score matching gave the pair.
        public var score: Double?
        /// The fields in common, by their labels.
        public var fieldsZh: String
        public var fieldsEn: String
        public var state: ProposalState
        /// The staff member's note; for an approved proposal it is in the enterprise's letter.
        public var note: String?
        /// Who decided, and when (RFC 3339).
        public var decidedBy: String?
        public var decidedAt: String?
        /// When matching proposed it, RFC 3339.
        public var createdAt: String
        /// The enterprise's letter in the outbox, once approved.
        public var notificationId: Int64?

        public init(
            id: Int64, formId: String, organization: String, partnerId: String, partnerName: String, partnerCountry: String,
            score: Double?, fieldsZh: String, fieldsEn: String, state: ProposalState, note: String?, decidedBy: String?,
            decidedAt: String?, createdAt: String, notificationId: Int64?
        ) {
            self.id = id
            self.formId = formId
            self.organization = organization
            self.partnerId = partnerId
            self.partnerName = partnerName
            self.partnerCountry = partnerCountry
            self.score = score
            self.fieldsZh = fieldsZh
            self.fieldsEn = fieldsEn
            self.state = state
            self.note = note
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt
            self.createdAt = createdAt
            self.notificationId = notificationId
        }

        public static var example: MatchProposal {
            MatchProposal(
                id: 1, formId: "F-2026-000001", organization: "杭州示例水务科技有限公司", partnerId: "P-000042", partnerName: "AquaMem Ltd.",
                partnerCountry: "IL", score: 0.62, fieldsZh: "海水淡化、膜", fieldsEn: "desalination, membranes", state: .pending,
                note: nil, decidedBy: nil, decidedAt: nil, createdAt: "2026-11-30T08:00:00.000Z", notificationId: nil)
        }
    }

    /// Proposed matches, newest first.
    public enum ProposalsList: RPCMethod {
        public static let name = "proposals.list"
        public static let summary = "List proposed matches (form × partner) by state and form, newest first: staff approve one before the enterprise hears of it."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            public var state: ProposalState?
            public var formId: String?
            /// The most to return (1 to 500, default 50).
            public var limit: Int?

            public init(state: ProposalState? = nil, formId: String? = nil, limit: Int? = nil) {
                self.state = state
                self.formId = formId
                self.limit = limit
            }

            public static var example: Params { Params(state: .pending, formId: "F-2026-000001", limit: 50) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var proposals: [MatchProposal]

            public init(proposals: [MatchProposal]) {
                self.proposals = proposals
            }

            public static var example: Result { Result(proposals: [.example]) }
        }
    }

    /// What a staff member decides about one proposal.
    public struct ProposalDecision: Codable, Sendable, Hashable, ShapeExample {
        /// The proposal's number.
        public var id: Int64
        /// A note; when approving, it is in the enterprise's letter ("对方曾与浙江企业合作过膜组件开发").
        public var note: String?

        public init(id: Int64, note: String? = nil) {
            self.id = id
            self.note = note
        }

        public static var example: ProposalDecision { ProposalDecision(id: 1, note: "对方有在华合作经验 / has worked with Chinese firms") }
    }

    /// Sends the proposal to the enterprise, once.
    public enum ProposalsApprove: RPCMethod {
        public static let name = "proposals.approve"
        public static let summary = "Approve a pending proposal: the enterprise's letter is queued once, with the note; -32003 if it was already decided."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public typealias Params = ProposalDecision
        public typealias Result = MatchProposal
    }

    /// Keeps the proposal from the enterprise.
    public enum ProposalsReject: RPCMethod {
        public static let name = "proposals.reject"
        public static let summary = "Reject a pending proposal: nothing is sent; the note says why. -32003 if it was already decided."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public typealias Params = ProposalDecision
        public typealias Result = MatchProposal
    }

    // MARK: Letters

    /// Renders the letters of one trigger from the templates as they stand, with real records, sending nothing.
    public enum LettersPreview: RPCMethod {
        public static let name = "letters.preview"
        public static let summary = "Render a trigger's letters (enterprise and staff, both languages) from the template files as they are now, with a real form, partner or call; nothing is sent."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound, .validationFailed, .unavailable]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// `form_received`, `form_returned`, `form_published`, `match_found`, `deadline`, `form_expiring` or
            /// `profile_expiring`.
            public var trigger: String
            /// The form (every trigger but `profile_expiring`).
            public var formId: String?
            /// The partner (`match_found`, `profile_expiring`).
            public var partnerId: String?
            /// The call (`deadline`; default: the first call of a country the form seeks).
            public var callId: String?
            /// A return reason or a staff note to show.
            public var text: String?

            public init(trigger: String, formId: String? = nil, partnerId: String? = nil, callId: String? = nil, text: String? = nil) {
                self.trigger = trigger
                self.formId = formId
                self.partnerId = partnerId
                self.callId = callId
                self.text = text
            }

            public static var example: Params { Params(trigger: "match_found", formId: "F-2026-000001", partnerId: "P-000042") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var letters: [RenderedLetter]

            public init(letters: [RenderedLetter]) {
                self.letters = letters
            }

            public static var example: Result { Result(letters: [.example]) }
        }
    }

    /// One letter as its reader would see it.
    public struct RenderedLetter: Codable, Sendable, Hashable, ShapeExample {
        /// The template: `match_found.enterprise`.
        public var template: String
        /// `enterprise`, `staff` or `partner`.
        public var audience: String
        public var subject: String
        /// Chinese first, then English, with the signature.
        public var body: String

        public init(template: String, audience: String, subject: String, body: String) {
            self.template = template
            self.audience = audience
            self.subject = subject
            self.body = body
        }

        public static var example: RenderedLetter {
            RenderedLetter(template: "form_received.enterprise", audience: "enterprise", subject: "需求信息表已收到 / Partner search form received (F-2026-000001)", body: "…")
        }
    }

    public struct EntityNumber: Codable, Sendable, Hashable, ShapeExample {
        public var id: Int64

        public init(id: Int64) {
            self.id = id
        }

        public static var example: EntityNumber { EntityNumber(id: 1) }
    }
}
