/// The `lingyan-matching` service's wire contract.
///
/// The match index derived from the registry's feed (published forms, partner profiles, calls), and ranked matches
/// with the score's parts and reasons a person can check (DESIGN §8). Keeps a change feed: `match.found` when a new
/// form or profile makes a pair above the alert threshold, once per pair.
public enum MatchingInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.matching

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] =
        CommonInterface.methods + FeedInterface.methods
        + [Programs.self, Partners.self, Forms.self, Tag.self, IndexStatus.self, IndexRebuild.self]

    /// Every call ranked for a need.
    public enum Programs: RPCMethod {
        public static let name = "matches.programs"
        public static let summary =
            "Rank every call for a form (by `formId`, or inline as `form`), with the score's parts, reasons and near-miss hints."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// A form in the registry.
            public var formId: String?
            /// Or a form not (yet) stored.
            public var form: PartnerSearchForm?

            public init(formId: String? = nil, form: PartnerSearchForm? = nil) {
                self.formId = formId
                self.form = form
            }

            public static var example: Params { Params(formId: "F-2026-000001") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// Best first; closed calls last.
            public var results: [ProgramMatch]
            /// The concepts found in the need.
            public var needConcepts: [ConceptRef]

            public init(results: [ProgramMatch], needConcepts: [ConceptRef]) {
                self.results = results
                self.needConcepts = needConcepts
            }

            public static var example: Result { Result(results: [.example], needConcepts: [.example]) }
        }
    }

    /// Partner profiles ranked for a need.
    public enum Partners: RPCMethod {
        public static let name = "matches.partners"
        public static let summary =
            "Rank partner profiles for a form (by `formId` or inline `form`), in the countries it seeks (or `country`), best first."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            public var formId: String?
            public var form: PartnerSearchForm?
            /// Only this country (ISO 3166-1 alpha-2), instead of the form's countries.
            public var country: String?
            /// At most this many (1–100, default 20).
            public var limit: Int?

            public init(formId: String? = nil, form: PartnerSearchForm? = nil, country: String? = nil, limit: Int? = nil) {
                self.formId = formId
                self.form = form
                self.country = country
                self.limit = limit
            }

            public static var example: Params { Params(formId: "F-2026-000001", country: "IL", limit: 20) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var results: [PairMatch]
            public var needConcepts: [ConceptRef]

            public init(results: [PairMatch], needConcepts: [ConceptRef]) {
                self.results = results
                self.needConcepts = needConcepts
            }

            public static var example: Result { Result(results: [.example], needConcepts: [.example]) }
        }
    }

    /// Published forms ranked for a partner profile.
    public enum Forms: RPCMethod {
        public static let name = "matches.forms"
        public static let summary = "Rank published forms for a partner profile: forms seeking its country, best first."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            public var partnerId: String
            /// At most this many (1–100, default 20).
            public var limit: Int?

            public init(partnerId: String, limit: Int? = nil) {
                self.partnerId = partnerId
                self.limit = limit
            }

            public static var example: Params { Params(partnerId: "P-000001", limit: 20) }
        }

        public typealias Result = Partners.Result
    }

    /// The taxonomy concepts a text mentions, in either language.
    public enum Tag: RPCMethod {
        public static let name = "taxonomy.tag"
        public static let summary = "Return the taxonomy concepts a text mentions (Chinese or English), with the words that matched."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            public var text: String

            public init(text: String) {
                self.text = text
            }

            public static var example: Params { Params(text: "开发用于储能的锂电池") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            public var concepts: [ConceptRef]

            public init(concepts: [ConceptRef]) {
                self.concepts = concepts
            }

            public static var example: Result { Result(concepts: [.example]) }
        }
    }

    /// What the index holds and how far it has read the registry's feed.
    public enum IndexStatus: RPCMethod {
        public static let name = "index.status"
        public static let summary = "Documents in the index by kind, and the registry feed position it has applied."
        public static let access = MethodAccess.read

        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// `partner`, `form`, `call` → count.
            public var documents: [String: Int]
            /// The `seq` of the last registry event applied.
            public var registryCursor: Int64

            public init(documents: [String: Int], registryCursor: Int64) {
                self.documents = documents
                self.registryCursor = registryCursor
            }

            public static var example: Result { Result(documents: ["partner": 1_204, "form": 37, "call": 7], registryCursor: 5_120) }
        }
    }

    /// Empties the index and reads the registry's feed again from the start. Alerts already raised stay raised,
    /// and matching's own feed is untouched.
    public enum IndexRebuild: RPCMethod {
        public static let name = "index.rebuild"
        public static let summary = "Empty the index and rebuild it from the registry's feed; alerts are not raised again."
        public static let access = MethodAccess.admin

        public typealias Params = NoParams
        public typealias Result = IndexStatus.Result
    }

    /// A taxonomy concept, with the words that brought it in.
    public struct ConceptRef: Codable, Sendable, Hashable, ShapeExample {
        public var id: String
        public var labelZh: String
        public var labelEn: String
        /// The text that matched a label of the concept, when it came from a text.
        public var matched: String?

        public init(id: String, labelZh: String, labelEn: String, matched: String? = nil) {
            self.id = id
            self.labelZh = labelZh
            self.labelEn = labelEn
            self.matched = matched
        }

        public static var example: ConceptRef {
            ConceptRef(id: "lithium-ion-batteries", labelZh: "锂电池", labelEn: "lithium-ion batteries", matched: "锂电池")
        }
    }

    /// One sentence in both languages.
    public struct Reason: Codable, Sendable, Hashable, ShapeExample {
        /// A stable code: `country`, `shared_priority`, `deadline_closed`, `yrd_preference`, …
        public var code: String
        public var zh: String
        public var en: String

        public init(code: String, zh: String, en: String) {
            self.code = code
            self.zh = zh
            self.en = en
        }

        public static var example: Reason {
            Reason(code: "shared_priority", zh: "“水处理”是以色列项目的优先领域", en: "water treatment is among Israel's priorities")
        }
    }

    /// A call ranked for a need.
    public struct ProgramMatch: Codable, Sendable, Hashable, ShapeExample {
        public var callId: String
        public var titleZh: String
        public var titleEn: String
        /// 0–100.
        public var score: Double
        /// The score's parts by name: `country`, `concepts`, `deadline`, `yrd`, `category`.
        public var parts: [String: Double]
        public var deadlineState: DeadlineState
        /// The call's priority concepts the need shares.
        public var sharedConcepts: [ConceptRef]
        /// Why it ranks where it does.
        public var reasons: [Reason]
        /// What would make it fit, or what to check.
        public var hints: [Reason]

        public init(
            callId: String, titleZh: String, titleEn: String, score: Double, parts: [String: Double],
            deadlineState: DeadlineState, sharedConcepts: [ConceptRef], reasons: [Reason], hints: [Reason]
        ) {
            self.callId = callId
            self.titleZh = titleZh
            self.titleEn = titleEn
            self.score = score
            self.parts = parts
            self.deadlineState = deadlineState
            self.sharedConcepts = sharedConcepts
            self.reasons = reasons
            self.hints = hints
        }

        public static var example: ProgramMatch {
            ProgramMatch(
                callId: "2025-IL", titleZh: "浙江—以色列产业研发合作", titleEn: "Zhejiang–Israel industrial R&D cooperation",
                score: 80, parts: ["country": 40, "concepts": 30, "deadline": 10], deadlineState: .open,
                sharedConcepts: [.example], reasons: [.example], hints: [])
        }
    }

    /// A form–partner pair, ranked.
    public struct PairMatch: Codable, Sendable, Hashable, ShapeExample {
        public var partnerId: String
        public var externalId: String?
        public var formId: String?
        /// The partner's or the form's name.
        public var name: String
        public var country: String
        /// 0–1.
        public var score: Double
        /// `concepts` and `text` (each 0–1) and their weights' result.
        public var parts: [String: Double]
        public var sharedConcepts: [ConceptRef]
        /// Index terms found on both sides (Chinese bigrams, stemmed English words).
        public var matchedTerms: [String]
        public var reasons: [Reason]

        public init(
            partnerId: String, externalId: String?, formId: String?, name: String, country: String, score: Double,
            parts: [String: Double], sharedConcepts: [ConceptRef], matchedTerms: [String], reasons: [Reason]
        ) {
            self.partnerId = partnerId
            self.externalId = externalId
            self.formId = formId
            self.name = name
            self.country = country
            self.score = score
            self.parts = parts
            self.sharedConcepts = sharedConcepts
            self.matchedTerms = matchedTerms
            self.reasons = reasons
        }

        public static var example: PairMatch {
            PairMatch(
                partnerId: "P-000042", externalId: "IIA-2231", formId: "F-2026-000001", name: "Aqua Membranes Ltd.",
                country: "IL", score: 0.82, parts: ["concepts": 0.9, "text": 0.7], sharedConcepts: [.example],
                matchedTerms: ["membran", "desalin"], reasons: [.example])
        }
    }
}
