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
    public struct EntityNumber: Codable, Sendable, Hashable, ShapeExample {
        public var id: Int64

        public init(id: Int64) {
            self.id = id
        }

        public static var example: EntityNumber { EntityNumber(id: 1) }
    }
}
