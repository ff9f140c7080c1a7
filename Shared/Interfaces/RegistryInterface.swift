/// The `lingyan-registry` service's wire contract.
///
/// The system of record: programme catalogue, organisations, contacts, partner search forms, partner profiles,
/// introductions and eligibility checks. Keeps a change feed.
public enum RegistryInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.registry

    /// Every method the service answers.
    public static let methods: [any RPCMethod.Type] =
        CommonInterface.methods + FeedInterface.methods + [CallsList.self, CallsGet.self, CallsUpsert.self]
        + [FormsSubmit.self, FormsImport.self, FormsGet.self, FormsList.self, FormsUpdate.self, FormsReview.self, FormsClose.self]
        + [FormsRenew.self]
        + [ApplicationsCheck.self, PartnersImport.self, PartnersGet.self, PartnersList.self]
        + [PartnersUpsert.self, PartnersUpdate.self, PartnersWithdraw.self]
        + [IntroductionsCreate.self, IntroductionsUpdate.self, IntroductionsList.self, StatsSummary.self]
        + [OrgsGet.self, OrgsList.self, ContactsGet.self]

    // MARK: Catalogue

    /// Every call of the catalogue, with its deadline state as of now.
    public enum CallsList: RPCMethod {
        public static let name = "calls.list"
        public static let summary = "List the programme calls (the 2025 notice's seven by default), optionally by year or deadline state."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Only calls of this programme year.
            public var year: Int?
            /// Only calls in this deadline state: `open`, `closed` or `to_be_agreed`.
            public var deadlineState: DeadlineState?

            public init(year: Int? = nil, deadlineState: DeadlineState? = nil) {
                self.year = year
                self.deadlineState = deadlineState
            }

            public static var example: Params { Params(year: 2025, deadlineState: .open) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The calls, ordered by year then id.
            public var calls: [ProgrammeCall]

            public init(calls: [ProgrammeCall]) {
                self.calls = calls
            }

            public static var example: Result { Result(calls: [.example]) }
        }
    }

    /// One call by id.
    public enum CallsGet: RPCMethod {
        public static let name = "calls.get"
        public static let summary = "Return one programme call by id, with its deadline state as of now."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityID

        public typealias Result = ProgrammeCall
    }

    /// Adds a call or changes one: next year's calls, a deadline agreed with the foreign side, new rules.
    public enum CallsUpsert: RPCMethod {
        public static let name = "calls.upsert"
        public static let summary = "Add a call, or change one at its current revision (admin only)."
        public static let access = MethodAccess.admin
        public static let errors: [RPCErrorCode] = [.validationFailed, .conflict]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The call as it should be; `deadlineState` and `revision` inside it are ignored.
            public var call: ProgrammeCall
            /// The revision being replaced; omit to add a new call (a call that exists then gives -32003).
            public var revision: Int?

            public init(call: ProgrammeCall, revision: Int? = nil) {
                self.call = call
                self.revision = revision
            }

            public static var example: Params { Params(call: .example, revision: 1) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The call's id.
            public var id: String
            /// The new revision.
            public var revision: Int

            public init(id: String, revision: Int) {
                self.id = id
                self.revision = revision
            }

            public static var example: Result { Result(id: "2025-FI", revision: 2) }
        }
    }
}
