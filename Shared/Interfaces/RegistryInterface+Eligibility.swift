extension RegistryInterface {
    /// Checks a planned application against every rule of the notice (DESIGN §2) for one call.
    public enum ApplicationsCheck: RPCMethod {
        public static let name = "applications.check"
        public static let summary = "Evaluate every rule of the notice for a planned application to a call: errors, warnings and priority bonuses, in Chinese and English."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The call applied to, such as `2025-GB-MIDLANDS`.
            public var callId: String
            /// A form the application grows out of; its technical area is checked against the call's priorities.
            public var formId: String?
            /// The technical area, when no form is given.
            public var technicalArea: String?
            /// The organisation that leads the project.
            public var leadOrganization: LeadOrganization
            /// The foreign (or, for the R&D-centre call, in-China) partner.
            public var partner: PlannedPartner
            /// Planned duration in months (the notice: generally 24 to 36).
            public var durationMonths: Int
            /// Provincial funding requested, RMB.
            public var requestedFundingRmb: Int
            /// The Zhejiang enterprise's actual R&D spend on the project, RMB.
            public var rdSpendRmb: Int
            /// Other participants: universities, institutes, Yangtze River Delta units.
            public var participants: [Participant]
            /// The two sides already have a sound base of cooperation.
            public var cooperationBase: Bool
            /// IP ownership and benefit sharing are agreed and a cooperation agreement is signed.
            public var ipAgreementSigned: Bool

            public init(
                callId: String, formId: String? = nil, technicalArea: String? = nil, leadOrganization: LeadOrganization,
                partner: PlannedPartner, durationMonths: Int, requestedFundingRmb: Int, rdSpendRmb: Int,
                participants: [Participant] = [], cooperationBase: Bool = false, ipAgreementSigned: Bool = false
            ) {
                self.callId = callId
                self.formId = formId
                self.technicalArea = technicalArea
                self.leadOrganization = leadOrganization
                self.partner = partner
                self.durationMonths = durationMonths
                self.requestedFundingRmb = requestedFundingRmb
                self.rdSpendRmb = rdSpendRmb
                self.participants = participants
                self.cooperationBase = cooperationBase
                self.ipAgreementSigned = ipAgreementSigned
            }

            /// Participants, cooperation base and IP agreement may be left out: none, and not yet.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                self.init(
                    callId: try container.decode(String.self, forKey: .callId),
                    formId: try container.decodeIfPresent(String.self, forKey: .formId),
                    technicalArea: try container.decodeIfPresent(String.self, forKey: .technicalArea),
                    leadOrganization: try container.decode(LeadOrganization.self, forKey: .leadOrganization),
                    partner: try container.decode(PlannedPartner.self, forKey: .partner),
                    durationMonths: try container.decode(Int.self, forKey: .durationMonths),
                    requestedFundingRmb: try container.decode(Int.self, forKey: .requestedFundingRmb),
                    rdSpendRmb: try container.decode(Int.self, forKey: .rdSpendRmb),
                    participants: try container.decodeIfPresent([Participant].self, forKey: .participants) ?? [],
                    cooperationBase: try container.decodeIfPresent(Bool.self, forKey: .cooperationBase) ?? false,
                    ipAgreementSigned: try container.decodeIfPresent(Bool.self, forKey: .ipAgreementSigned) ?? false)
            }

            public static var example: Params {
                Params(
                    callId: "2025-GB-MIDLANDS", formId: "F-2026-000001", technicalArea: "新材料", leadOrganization: .example,
                    partner: .example, durationMonths: 36, requestedFundingRmb: 1_500_000, rdSpendRmb: 7_500_000,
                    participants: [.example], cooperationBase: true, ipAgreementSigned: true)
            }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// True when no finding is an error.
            public var eligible: Bool
            /// Every rule evaluated, errors first.
            public var findings: [Finding]

            public init(eligible: Bool, findings: [Finding]) {
                self.eligible = eligible
                self.findings = findings
            }

            public static var example: Result { Result(eligible: true, findings: [.example]) }
        }
    }

    /// The organisation leading a planned project.
    public struct LeadOrganization: Codable, Sendable, Hashable, ShapeExample {
        /// `zj_enterprise`, `university`, `institute`, `foreign_company`, `foreign_rnd_centre_in_china`.
        public var kind: String
        /// Its unified social credit code, which shows where it is registered.
        public var uscc: String?
        /// Its name, for the messages.
        public var name: String?

        public init(kind: String, uscc: String?, name: String?) {
            self.kind = kind
            self.uscc = uscc
            self.name = name
        }

        public static var example: LeadOrganization {
            LeadOrganization(kind: "zj_enterprise", uscc: "91330100799655058B", name: "杭州示例水务科技有限公司")
        }
    }

    /// The partner of a planned project.
    public struct PlannedPartner: Codable, Sendable, Hashable, ShapeExample {
        /// Its name.
        public var name: String?
        /// ISO 3166-1 alpha-2 (names accepted).
        public var country: String
        /// Province or region (Belgian province, for West Flanders).
        public var region: String?
        /// UK county, when known.
        public var county: String?
        /// Local authority district, when known.
        public var district: String?
        /// Town or city.
        public var city: String?
        /// Postal address.
        public var address: String?
        /// `foreign_company`, `university`, `institute`, `foreign_rnd_centre_in_china`; a partner profile's kinds
        /// (`company`, `public`, `other`) too.
        public var kind: String?
        /// For an R&D centre in China: its Fortune Global 500 parent company.
        public var fortuneGlobal500Parent: String?
        /// The NUTS 2021 code of its location (`UKG13`, `BE251`): when given it decides the UK county or West
        /// Flanders, before any town.
        public var nutsCode: String?

        public init(
            name: String?, country: String, region: String? = nil, county: String? = nil, district: String? = nil,
            city: String? = nil, address: String? = nil, kind: String? = nil, fortuneGlobal500Parent: String? = nil,
            nutsCode: String? = nil
        ) {
            self.nutsCode = nutsCode
            self.name = name
            self.country = country
            self.region = region
            self.county = county
            self.district = district
            self.city = city
            self.address = address
            self.kind = kind
            self.fortuneGlobal500Parent = fortuneGlobal500Parent
        }

        public static var example: PlannedPartner {
            PlannedPartner(
                name: "Example Materials Ltd", country: "GB", region: "East Midlands", county: "Derbyshire",
                district: "Erewash", city: "Ilkeston", address: "1 Station Road, Ilkeston", kind: "foreign_company",
                fortuneGlobal500Parent: "Example Group", nutsCode: "UKF13")
        }
    }

    /// Another participant of a planned project.
    public struct Participant: Codable, Sendable, Hashable, ShapeExample {
        /// `university`, `institute`, `enterprise`.
        public var kind: String
        /// Its name.
        public var name: String
        /// Its province in China (上海, 江苏, 浙江, 安徽 make it a Yangtze River Delta unit).
        public var province: String?

        public init(kind: String, name: String, province: String?) {
            self.kind = kind
            self.name = name
            self.province = province
        }

        public static var example: Participant { Participant(kind: "university", name: "浙江大学", province: "浙江") }
    }

    /// One rule's outcome.
    public struct Finding: Codable, Sendable, Hashable, ShapeExample {
        /// The rule's stable id: `funding_cap`, `partner_in_midlands_county`, …
        public var rule: String
        /// `error` (not eligible), `warning` (allowed, but look again) or `priority` (a bonus the call gives).
        public var severity: String
        /// The finding in Chinese.
        public var messageZh: String
        /// The finding in English.
        public var messageEn: String

        public init(rule: String, severity: String, messageZh: String, messageEn: String) {
            self.rule = rule
            self.severity = severity
            self.messageZh = messageZh
            self.messageEn = messageEn
        }

        public static var example: Finding {
            Finding(rule: "funding_cap", severity: "error", messageZh: "申请省财政资助超过 150 万元", messageEn: "the requested funding is above 1,500,000 RMB")
        }
    }
}
