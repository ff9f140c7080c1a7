/// Where an introduction (对接记录) between a form and a partner stands (DESIGN §7):
/// `proposed → introduced → accepted | declined`, then `accepted → applied → funded`.
public enum IntroductionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case proposed
    case introduced
    case accepted
    case declined
    case applied
    case funded

    /// The statuses an introduction may move to from this one.
    public var next: [IntroductionStatus] {
        switch self {
        case .proposed: return [.introduced, .declined]
        case .introduced: return [.accepted, .declined]
        case .accepted: return [.applied, .declined]
        case .applied: return [.funded, .declined]
        case .declined, .funded: return []
        }
    }
}

/// One introduction of a Zhejiang form to a foreign partner.
public struct Introduction: Codable, Sendable, Hashable, ShapeExample {
    /// Its id, such as `I-000001`.
    public var id: String
    /// The form introduced.
    public var formId: String
    /// The partner profile it was introduced to.
    public var partnerId: String
    /// Where it stands.
    public var status: IntroductionStatus
    /// Increases with every step.
    public var revision: Int
    /// Every step, oldest first.
    public var history: [IntroductionStep]
    /// From `introductions.create`: what the notice's partner rules say about this partner for each call of its
    /// country that the form seeks (not in the UK's 11 counties, not in West Flanders, not an enterprise …), each
    /// message starting with the call's id. Empty when nothing stands in the way.
    public var warnings: [RegistryInterface.Finding]?

    public init(
        id: String, formId: String, partnerId: String, status: IntroductionStatus, revision: Int, history: [IntroductionStep],
        warnings: [RegistryInterface.Finding]? = nil
    ) {
        self.warnings = warnings
        self.id = id
        self.formId = formId
        self.partnerId = partnerId
        self.status = status
        self.revision = revision
        self.history = history
    }

    public static var example: Introduction {
        Introduction(id: "I-000001", formId: "F-2026-000001", partnerId: "P-000001", status: .introduced, revision: 2, history: [.example])
    }
}

/// One step of an introduction.
public struct IntroductionStep: Codable, Sendable, Hashable, ShapeExample {
    /// The status reached.
    public var status: IntroductionStatus
    /// When, RFC 3339.
    public var at: String
    /// Who recorded it (the operator name, or the user).
    public var by: String?
    /// A note for the record.
    public var note: String?

    public init(status: IntroductionStatus, at: String, by: String?, note: String?) {
        self.status = status
        self.at = at
        self.by = by
        self.note = note
    }

    public static var example: IntroductionStep {
        IntroductionStep(status: .introduced, at: "2026-11-30T08:00:00.000Z", by: "陈晟颖", note: "已发送介绍邮件")
    }
}

extension RegistryInterface {
    /// Proposes introducing a form to a partner.
    public enum IntroductionsCreate: RPCMethod {
        public static let name = "introductions.create"
        public static let summary = "Record a proposed introduction of a form to a partner profile (one per pair)."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form.
            public var formId: String
            /// The partner profile.
            public var partnerId: String
            /// A note for the record.
            public var note: String?

            public init(formId: String, partnerId: String, note: String? = nil) {
                self.formId = formId
                self.partnerId = partnerId
                self.note = note
            }

            public static var example: Params { Params(formId: "F-2026-000001", partnerId: "P-000001", note: "匹配度高") }
        }

        public typealias Result = Introduction
    }

    /// Moves an introduction one step along its funnel.
    public enum IntroductionsUpdate: RPCMethod {
        public static let name = "introductions.update"
        public static let summary = "Move an introduction to its next status at its current revision; each step is time-stamped."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The introduction.
            public var id: String
            /// Its current revision.
            public var revision: Int
            /// The status it reaches.
            public var status: IntroductionStatus
            /// A note for the record.
            public var note: String?

            public init(id: String, revision: Int, status: IntroductionStatus, note: String? = nil) {
                self.id = id
                self.revision = revision
                self.status = status
                self.note = note
            }

            public static var example: Params { Params(id: "I-000001", revision: 1, status: .introduced, note: "已发送介绍邮件") }
        }

        public typealias Result = Introduction
    }

    /// Introductions by form, partner or status.
    public enum IntroductionsList: RPCMethod {
        public static let name = "introductions.list"
        public static let summary = "List introductions by form, partner or status, oldest first."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Only this form's.
            public var formId: String?
            /// Only this partner's.
            public var partnerId: String?
            /// Only in this status.
            public var status: IntroductionStatus?

            public init(formId: String? = nil, partnerId: String? = nil, status: IntroductionStatus? = nil) {
                self.formId = formId
                self.partnerId = partnerId
                self.status = status
            }

            public static var example: Params { Params(formId: "F-2026-000001", partnerId: "P-000001", status: .accepted) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The introductions.
            public var introductions: [Introduction]

            public init(introductions: [Introduction]) {
                self.introductions = introductions
            }

            public static var example: Result { Result(introductions: [.example]) }
        }
    }

    /// Counts for reports.
    public enum StatsSummary: RPCMethod {
        public static let name = "stats.summary"
        public static let summary = "Counts of forms by status, country, call, area and month (submitted within from–to when given), calls by deadline state, partners by country, and the introduction funnel."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Count only forms submitted on or after this day, `YYYY-MM-DD` (Hangzhou).
            public var from: String?
            /// Count only forms submitted on or before this day, `YYYY-MM-DD` (Hangzhou).
            public var to: String?

            public init(from: String? = nil, to: String? = nil) {
                self.from = from
                self.to = to
            }

            public static var example: Params { Params(from: "2026-01-01", to: "2026-12-31") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// Forms by status.
            public var formsByStatus: [String: Int]
            /// Forms by wanted partner country.
            public var formsByCountry: [String: Int]
            /// Forms by technical area as written.
            public var formsByArea: [String: Int]
            /// Calls by deadline state, now.
            public var callsByDeadlineState: [String: Int]
            /// Partner profiles by country.
            public var partnersByCountry: [String: Int]
            /// Introductions by status.
            public var introductionsByStatus: [String: Int]
            /// Forms by the call of the country they seek (`2025-IL`); `any` for forms with no country.
            public var formsByCall: [String: Int]?
            /// Forms by the month they were submitted, `YYYY-MM` (Hangzhou).
            public var formsByMonth: [String: Int]?
            /// The period counted, as asked.
            public var from: String?
            public var to: String?

            public init(
                formsByStatus: [String: Int], formsByCountry: [String: Int], formsByArea: [String: Int],
                callsByDeadlineState: [String: Int], partnersByCountry: [String: Int], introductionsByStatus: [String: Int],
                formsByCall: [String: Int]? = nil, formsByMonth: [String: Int]? = nil, from: String? = nil, to: String? = nil
            ) {
                self.formsByCall = formsByCall
                self.formsByMonth = formsByMonth
                self.from = from
                self.to = to
                self.formsByStatus = formsByStatus
                self.formsByCountry = formsByCountry
                self.formsByArea = formsByArea
                self.callsByDeadlineState = callsByDeadlineState
                self.partnersByCountry = partnersByCountry
                self.introductionsByStatus = introductionsByStatus
            }

            public static var example: Result {
                Result(
                    formsByStatus: ["published": 3], formsByCountry: ["IL": 2], formsByArea: ["水处理": 1],
                    callsByDeadlineState: ["closed": 2], partnersByCountry: ["FI": 40], introductionsByStatus: ["accepted": 1],
                    formsByCall: ["2025-IL": 2], formsByMonth: ["2026-11": 3], from: "2026-01-01", to: "2026-12-31")
            }
        }
    }
}
