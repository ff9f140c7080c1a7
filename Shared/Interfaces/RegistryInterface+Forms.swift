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

            public init(id: String, status: FormStatus, revision: Int, organizationId: String) {
                self.id = id
                self.status = status
                self.revision = revision
                self.organizationId = organizationId
            }

            public static var example: Result { Result(id: "F-2026-000001", status: .submitted, revision: 1, organizationId: "ORG-000001") }
        }
    }

    /// One form.
    public enum FormsGet: RPCMethod {
        public static let name = "forms.get"
        public static let summary = "Return one form as it now stands; contact fields are masked for readers."
        public static let access = MethodAccess.read
        public static let errors: [RPCErrorCode] = [.notFound]

        public struct Params: Codable, Sendable, Hashable, ShapeExample {
            /// The form's id.
            public var id: String

            public init(id: String) {
                self.id = id
            }

            public static var example: Params { Params(id: "F-2026-000001") }
        }

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
