/// Methods every Lingyan service answers.
public enum CommonInterface {
    /// Liveness and identity of a service.
    public enum Health: RPCMethod {
        public static let name = "system.health"
        public static let summary = "Report that the service is up: its name, version, pid, uptime and feed head."
        public static let access = MethodAccess.anyRole
        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The service's name: `registry`, `matching`, `notification` or `audit`.
            public var service: String
            /// The Lingyan version the executable was built as.
            public var version: String
            /// `ok` while serving, `draining` once a graceful stop has begun.
            public var status: String
            /// The service's process id.
            public var pid: Int32
            /// Whole seconds since the service started.
            public var uptimeSeconds: Int64
            /// The newest change-feed sequence number, for services that keep a feed.
            public var feedHead: Int64?
            /// The size of the service's SQLite database (main file plus write-ahead log), in bytes.
            public var databaseSizeBytes: Int64?
            /// When the service started, RFC 3339 UTC.
            public var startedAt: String

            public init(
                service: String, version: String, status: String, pid: Int32, uptimeSeconds: Int64,
                feedHead: Int64?, databaseSizeBytes: Int64?, startedAt: String
            ) {
                self.service = service
                self.version = version
                self.status = status
                self.pid = pid
                self.uptimeSeconds = uptimeSeconds
                self.feedHead = feedHead
                self.databaseSizeBytes = databaseSizeBytes
                self.startedAt = startedAt
            }

            public static var example: Result {
                Result(
                    service: "registry", version: "0.1.0", status: "ok", pid: 4242, uptimeSeconds: 12,
                    feedHead: 17, databaseSizeBytes: 65_536, startedAt: "2026-11-30T08:00:00.000Z")
            }
        }
    }

    /// The service's own description of its methods, generated from this contract.
    public enum Discover: RPCMethod {
        public static let name = "rpc.discover"
        public static let summary = "List every method of this service with its params, result, access and errors."
        public static let access = MethodAccess.anyRole
        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The service's name.
            public var service: String
            /// Every method the service answers, sorted by name.
            public var methods: [MethodDescription]

            public init(service: String, methods: [MethodDescription]) {
                self.service = service
                self.methods = methods
            }

            public static var example: Result {
                Result(service: "registry", methods: [.example])
            }
        }
    }

    /// One method as `rpc.discover` describes it.
    public struct MethodDescription: Codable, Sendable, Hashable, ShapeExample {
        /// The wire name.
        public var name: String
        /// What it does.
        public var summary: String
        /// Who may call it: `any`, `read`, `write`, `service` or `admin`.
        public var access: String
        /// The params' shape (see ``Shape``).
        public var params: JSONValue
        /// The result's shape.
        public var result: JSONValue
        /// The error codes it may answer with, besides the standard ones.
        public var errors: [Int]

        public init(name: String, summary: String, access: String, params: JSONValue, result: JSONValue, errors: [Int]) {
            self.name = name
            self.summary = summary
            self.access = access
            self.params = params
            self.result = result
            self.errors = errors
        }

        /// The description of a declared method.
        public init<M: RPCMethod>(_ method: M.Type) {
            self.init(
                name: M.name, summary: M.summary, access: M.access.rawValue,
                params: Shape.describe(M.Params.example), result: Shape.describe(M.Result.example),
                errors: M.errors.map(\.rawValue))
        }

        public static var example: MethodDescription {
            MethodDescription(
                name: "system.health", summary: "…", access: "any", params: ["field": "string"],
                result: ["field": "integer"], errors: [-32001])
        }
    }

    /// Who made a change: the peer's credentials plus the operator name it gave (recorded, never trusted).
    public struct Actor: Codable, Sendable, Hashable, ShapeExample {
        /// The peer's uid, from `SO_PEERCRED`.
        public var uid: UInt32
        /// The peer's user name, when the uid has one.
        public var user: String?
        /// The peer's process id, from `SO_PEERCRED`.
        public var pid: Int32
        /// The `params._meta.operator` name the peer sent, if any.
        public var `operator`: String?
        /// The `params._meta.requestId` the peer sent, if any.
        public var requestId: String?

        public init(uid: UInt32, user: String?, pid: Int32, operator: String? = nil, requestId: String? = nil) {
            self.uid = uid
            self.user = user
            self.pid = pid
            self.operator = `operator`
            self.requestId = requestId
        }

        public static var example: Actor {
            Actor(uid: 1000, user: "chen", pid: 4242, operator: "陈晟颖", requestId: "r-1")
        }
    }
}

extension CommonInterface {
    /// The methods every service answers.
    public static let methods: [any RPCMethod.Type] = [Health.self, Discover.self]
}

extension FeedInterface {
    /// The methods of a service that keeps a feed.
    public static let methods: [any RPCMethod.Type] = [Read.self, Wait.self]
}

/// Every service's contract, by service.
public enum ServiceInterfaces {
    /// The methods `service` answers.
    public static func methods(of service: ServiceName) -> [any RPCMethod.Type] {
        switch service {
        case .registry: return RegistryInterface.methods
        case .matching: return MatchingInterface.methods
        case .notification: return NotificationInterface.methods
        case .audit: return AuditInterface.methods
        }
    }
}

/// Params that name one entity by its id: `forms.get`, `calls.get`, `partners.get`, `orgs.get`, `contacts.get`.
public struct EntityID: Codable, Sendable, Hashable, ShapeExample {
    /// The entity's id: `F-2026-000001`, `2025-FI`, `P-000001`, `ORG-000001`, `CON-000001`.
    public var id: String

    public init(id: String) {
        self.id = id
    }

    public static var example: EntityID { EntityID(id: "F-2026-000001") }
}
