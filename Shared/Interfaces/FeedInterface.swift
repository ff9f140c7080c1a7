/// The change feed that registry, matching and notification keep (DESIGN §6).
///
/// Every state change is written, in the same SQLite transaction, as one event. Consumers pull with a durable
/// cursor: `events.read` for a page, `events.wait` to block until there is something after the cursor.
public enum FeedInterface {
    /// A page of events after a cursor.
    public enum Read: RPCMethod {
        public static let name = "events.read"
        public static let summary = "Return events with seq greater than `after`, oldest first, at most `limit`."
        public static let access = MethodAccess.service

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Return events with `seq` greater than this; 0 for the start of the feed.
            public var after: Int64
            /// The most events to return (1 to 1000, default 100).
            public var limit: Int?

            public init(after: Int64, limit: Int? = nil) {
                self.after = after
                self.limit = limit
            }

            public static var example: Params { Params(after: 0, limit: 100) }
        }

        public typealias Result = Page
    }

    /// Long poll: like `events.read`, but waits up to a timeout for the first event after the cursor.
    public enum Wait: RPCMethod {
        public static let name = "events.wait"
        public static let summary = "Wait up to `timeoutMilliseconds` for events after `after`; return them as soon as there are any."
        public static let access = MethodAccess.service

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Return events with `seq` greater than this.
            public var after: Int64
            /// How long to wait when there is nothing yet (0 to 60000, default 10000).
            public var timeoutMilliseconds: Int?
            /// The most events to return (1 to 1000, default 100).
            public var limit: Int?

            public init(after: Int64, timeoutMilliseconds: Int? = nil, limit: Int? = nil) {
                self.after = after
                self.timeoutMilliseconds = timeoutMilliseconds
                self.limit = limit
            }

            public static var example: Params { Params(after: 0, timeoutMilliseconds: 10_000, limit: 100) }

            private enum CodingKeys: String, CodingKey {
                case after, timeoutMilliseconds, limit
                /// DESIGN §6 writes the timeout as `timeoutMs`; both spellings are accepted.
                case timeoutMs
            }

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                self.after = try container.decode(Int64.self, forKey: .after)
                self.timeoutMilliseconds = try container.decodeIfPresent(Int.self, forKey: .timeoutMilliseconds)
                    ?? container.decodeIfPresent(Int.self, forKey: .timeoutMs)
                self.limit = try container.decodeIfPresent(Int.self, forKey: .limit)
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(self.after, forKey: .after)
                try container.encodeIfPresent(self.timeoutMilliseconds, forKey: .timeoutMilliseconds)
                try container.encodeIfPresent(self.limit, forKey: .limit)
            }
        }

        public typealias Result = Page
    }

    /// What `events.read` and `events.wait` return.
    public struct Page: Codable, Sendable, Hashable, ShapeExample {
        /// The events, in `seq` order.
        public var events: [FeedEvent]
        /// The cursor to pass as `after` next time: the last event's `seq`, or `after` when there were none.
        public var next: Int64

        public init(events: [FeedEvent], next: Int64) {
            self.events = events
            self.next = next
        }

        public static var example: Page { Page(events: [.example], next: 1) }
    }

    /// One state change. Personal contact values never appear here: `data` names a changed field, not its value.
    public struct FeedEvent: Codable, Sendable, Hashable, ShapeExample {
        /// Strictly increasing in commit order, starting at 1.
        public var seq: Int64
        /// When the change committed, RFC 3339 UTC with milliseconds.
        public var at: String
        /// What happened: `form.submitted`, `partner.imported`, `match.found`, …
        public var type: String
        /// What it happened to: `form:…`, `partner:…`, `call:…`.
        public var entity: String
        /// Who did it.
        public var actor: CommonInterface.Actor
        /// Event-specific detail.
        public var data: JSONValue

        public init(seq: Int64, at: String, type: String, entity: String, actor: CommonInterface.Actor, data: JSONValue) {
            self.seq = seq
            self.at = at
            self.type = type
            self.entity = entity
            self.actor = actor
            self.data = data
        }

        public static var example: FeedEvent {
            FeedEvent(
                seq: 1, at: "2026-11-30T08:00:00.000Z", type: "form.submitted", entity: "form:F-1",
                actor: .example, data: ["revision": 1])
        }
    }
}
