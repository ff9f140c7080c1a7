/// An organisation the registry knows (DESIGN §7).
public struct StoredOrganization: Codable, Sendable, Hashable, ShapeExample {
    /// Its id, such as `ORG-000001`.
    public var id: String
    /// `zj_enterprise`, `foreign_company`, `university`, `institute`, `foreign_rnd_centre_in_china`.
    public var kind: String
    /// Its unified social credit code, for Chinese organisations.
    public var uscc: String?
    /// Its details as last filed.
    public var details: OrganizationDetails
    /// Whether it is in the Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui), from its credit code.
    public var yangtzeRiverDelta: Bool
    /// Its contact people's ids.
    public var contactIds: [String]

    public init(id: String, kind: String, uscc: String?, details: OrganizationDetails, yangtzeRiverDelta: Bool, contactIds: [String]) {
        self.id = id
        self.kind = kind
        self.uscc = uscc
        self.details = details
        self.yangtzeRiverDelta = yangtzeRiverDelta
        self.contactIds = contactIds
    }

    public static var example: StoredOrganization {
        StoredOrganization(id: "ORG-000001", kind: "zj_enterprise", uscc: "91330100799655058B", details: .example, yangtzeRiverDelta: true, contactIds: ["CON-000001"])
    }
}

extension RegistryInterface {
    /// One organisation.
    public enum OrgsGet: RPCMethod {
        public static let name = "orgs.get"
        public static let summary = "Return one organisation with its details and contact ids."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityID

        public typealias Result = StoredOrganization
    }

    /// Organisations in id order.
    public enum OrgsList: RPCMethod {
        public static let name = "orgs.list"
        public static let summary = "List organisations in id order; page with `after`."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The most to return (1 to 500, default 100).
            public var limit: Int?
            /// Continue after this id.
            public var after: String?

            public init(limit: Int? = nil, after: String? = nil) {
                self.limit = limit
                self.after = after
            }

            public static var example: Params { Params(limit: 100, after: "ORG-000100") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The organisations.
            public var organizations: [StoredOrganization]
            /// Pass as `after` for the next page; absent on the last page.
            public var next: String?

            public init(organizations: [StoredOrganization], next: String?) {
                self.organizations = organizations
                self.next = next
            }

            public static var example: Result { Result(organizations: [.example], next: nil) }
        }
    }

    /// One contact person; masked for readers.
    public enum ContactsGet: RPCMethod {
        public static let name = "contacts.get"
        public static let summary = "Return one contact person (name, position, phone, e-mail); masked for readers. Consumers that send messages fetch addresses here."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityID

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The contact's id.
            public var id: String
            /// The organisation they belong to.
            public var organizationId: String
            /// The person.
            public var contact: ContactPerson

            public init(id: String, organizationId: String, contact: ContactPerson) {
                self.id = id
                self.organizationId = organizationId
                self.contact = contact
            }

            public static var example: Result { Result(id: "CON-000001", organizationId: "ORG-000001", contact: .example) }
        }
    }
}
