extension RegistryInterface {
    /// Takes in a Partner Search Form: validates every field, files the organisation (one per credit code) and
    /// its contact, and records the form as `submitted`.
    public enum FormsSubmit: RPCMethod {
        public static let name = "forms.submit"
        public static let summary = "Submit a partner search form; every bad field is named in Chinese and English, and nothing is written."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form, section by section.
            public var form: PartnerSearchForm

            public init(form: PartnerSearchForm) {
                self.form = form
            }

            public static var example: Params { Params(form: .example) }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The new form's id.
            public var id: String
            /// `submitted`.
            public var status: FormStatus
            /// 1.
            public var revision: Int
            /// The organisation the form was filed under (an existing one when the credit code was known).
            public var organizationId: String
            /// The day the form expires unless renewed: 365 days after submission (`YYYY-MM-DD`, Hangzhou time).
            public var expiresOn: String?

            public init(id: String, status: FormStatus, revision: Int, organizationId: String, expiresOn: String? = nil) {
                self.id = id
                self.status = status
                self.revision = revision
                self.organizationId = organizationId
                self.expiresOn = expiresOn
            }

            public static var example: Result {
                Result(id: "F-2026-000001", status: .submitted, revision: 1, organizationId: "ORG-000001", expiresOn: "2027-11-30")
            }
        }
    }

    /// One form.
    public enum FormsGet: RPCMethod {
        public static let name = "forms.get"
        public static let summary = "Return one form as it now stands; contact fields are masked for readers."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public typealias Params = EntityID

        public typealias Result = StoredForm
    }

    /// Forms, newest first, filtered by status and partner country.
    public enum FormsList: RPCMethod {
        public static let name = "forms.list"
        public static let summary = "List forms, newest first, by status and wanted partner country; page with `after`."
        public static let access = MethodAccess.read

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// Only forms in this status.
            public var status: FormStatus?
            /// Only forms seeking a partner in this country (ISO 3166-1 alpha-2).
            public var country: String?
            /// The most forms to return (1 to 500, default 50).
            public var limit: Int?
            /// Continue after this form id (the previous page's `next`).
            public var after: String?

            public init(status: FormStatus? = nil, country: String? = nil, limit: Int? = nil, after: String? = nil) {
                self.status = status
                self.country = country
                self.limit = limit
                self.after = after
            }

            public static var example: Params { Params(status: .submitted, country: "IL", limit: 50, after: "F-2026-000042") }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// The forms.
            public var forms: [StoredForm]
            /// Pass as `after` for the next page; absent on the last page.
            public var next: String?

            public init(forms: [StoredForm], next: String?) {
                self.forms = forms
                self.next = next
            }

            public static var example: Result { Result(forms: [.example], next: "F-2026-000001") }
        }
    }
}

extension RegistryInterface {
    /// What a change to a form's state returns.
    public struct FormState: Codable, Sendable, Hashable, ShapeExample {
        /// The form's id.
        public var id: String
        /// Its status after the change.
        public var status: FormStatus
        /// Its revision after the change.
        public var revision: Int
        /// The day it expires unless renewed (`YYYY-MM-DD`, Hangzhou time).
        public var expiresOn: String?

        public init(id: String, status: FormStatus, revision: Int, expiresOn: String? = nil) {
            self.id = id
            self.status = status
            self.revision = revision
            self.expiresOn = expiresOn
        }

        public static var example: FormState {
            FormState(id: "F-2026-000001", status: .published, revision: 3, expiresOn: "2027-11-30")
        }
    }

    /// Replaces a form's content; a returned form becomes `submitted` again.
    public enum FormsUpdate: RPCMethod {
        public static let name = "forms.update"
        public static let summary = "Change a submitted or returned form at its current revision; a returned form is resubmitted."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form's id.
            public var id: String
            /// The revision being replaced; a stale one gets -32003.
            public var revision: Int
            /// The whole form as it should be.
            public var form: PartnerSearchForm

            public init(id: String, revision: Int, form: PartnerSearchForm) {
                self.id = id
                self.revision = revision
                self.form = form
            }

            public static var example: Params { Params(id: "F-2026-000001", revision: 2, form: .example) }
        }

        public typealias Result = FormState
    }

    /// A reviewer's decision on a submitted form.
    public enum FormsReview: RPCMethod {
        public static let name = "forms.review"
        public static let summary = "Publish a submitted form, or return it to the enterprise with a reason."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form's id.
            public var id: String
            /// The revision reviewed; a stale one gets -32003.
            public var revision: Int
            /// `publish` or `return`.
            public var decision: ReviewDecision
            /// Why it is returned (required for `return`), in the words the enterprise will read.
            public var reason: String?

            public init(id: String, revision: Int, decision: ReviewDecision, reason: String? = nil) {
                self.id = id
                self.revision = revision
                self.decision = decision
                self.reason = reason
            }

            public static var example: Params {
                Params(id: "F-2026-000001", revision: 1, decision: .return, reason: "请补充合作具体需求")
            }
        }

        public typealias Result = FormState
    }

    /// Ends a form's search: found a partner, withdrawn, or no longer needed.
    public enum FormsClose: RPCMethod {
        public static let name = "forms.close"
        public static let summary = "Close a form (submitted, returned or published) at its current revision."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict, .validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form's id.
            public var id: String
            /// The current revision.
            public var revision: Int
            /// Why, for the record.
            public var reason: String?

            public init(id: String, revision: Int, reason: String? = nil) {
                self.id = id
                self.revision = revision
                self.reason = reason
            }

            public static var example: Params { Params(id: "F-2026-000001", revision: 3, reason: "已找到合作伙伴") }
        }

        public typealias Result = FormState
    }

    /// Keeps a form's search going for another 365 days. A form expires 365 days after it was submitted or last
    /// renewed; renewing an expired form sends it back to review as `submitted`.
    public enum FormsRenew: RPCMethod {
        public static let name = "forms.renew"
        public static let summary =
            "Renew a form (submitted, returned, published or expired) for 365 days from today, at its current revision."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.notFound, .conflict]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form's id.
            public var id: String
            /// The current revision.
            public var revision: Int

            public init(id: String, revision: Int) {
                self.id = id
                self.revision = revision
            }

            public static var example: Params { Params(id: "F-2026-000001", revision: 3) }
        }

        public typealias Result = FormState
    }
}

/// A reviewer's decision.
public enum ReviewDecision: String, Codable, Sendable, Hashable, CaseIterable {
    case publish
    case `return`
}

extension RegistryInterface {
    /// Imports partner search forms from JSON Lines (one form per line, as `forms.submit` takes it) or CSV (one
    /// column per field, named by its path: `organization.nameZh`, …, `partner.countries` with codes separated by
    /// `;`). Each good line is submitted as `forms.submit` would, in file order; every bad line is reported.
    public enum FormsImport: RPCMethod {
        public static let name = "forms.import"
        public static let summary = "Import partner search forms (JSON Lines or CSV): each good line submitted in file order, every bad line reported with its fields; dryRun stores nothing."
        public static let access = MethodAccess.write
        public static let errors: [RPCErrorCode] = [.validationFailed]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// `jsonl` or `csv`.
            public var format: String
            /// The lines; CSV starts with its header row. The CLI splits large files into pieces on record boundaries.
            public var content: String
            /// Check every line and report, storing nothing.
            public var dryRun: Bool?
            /// The line number of the content's first line within the whole file (default 1), for reports.
            public var firstLine: Int?
            /// For CSV content sent in pieces: the header row of the file.
            public var header: String?

            public init(format: String, content: String, dryRun: Bool? = nil, firstLine: Int? = nil, header: String? = nil) {
                self.format = format
                self.content = content
                self.dryRun = dryRun
                self.firstLine = firstLine
                self.header = header
            }

            public static var example: Params {
                Params(format: "jsonl", content: "{…}", dryRun: true, firstLine: 1, header: "organization.nameZh,contact.name")
            }
        }

        public struct Result: Codable, Sendable, Hashable, ShapeExample {
            /// Good lines (submitted, or that would be on a dry run).
            public var accepted: Int
            /// The forms submitted, in file order.
            public var ids: [String]
            /// Every bad line with its problems.
            public var rejected: [RejectedLine]

            public init(accepted: Int, ids: [String], rejected: [RejectedLine]) {
                self.accepted = accepted
                self.ids = ids
                self.rejected = rejected
            }

            public static var example: Result { Result(accepted: 2, ids: ["F-2026-000001", "F-2026-000002"], rejected: [.example]) }
        }
    }
}
