/// The error codes that cross a Lingyan socket (DESIGN §4): JSON-RPC 2.0's own and Lingyan's.
public enum RPCErrorCode: Int, Codable, Sendable, CaseIterable {
    /// The frame was not valid JSON (or not valid UTF-8).
    case parseError = -32700
    /// Valid JSON, but not a JSON-RPC 2.0 request object; also a frame of bad length.
    case invalidRequest = -32600
    /// No method of that name on this service.
    case methodNotFound = -32601
    /// The params do not have the method's shape.
    case invalidParams = -32602
    /// Something failed inside the service; details are in its log, never on the wire.
    case internalError = -32603
    /// The peer's role does not allow this method (or the peer is unknown).
    case forbidden = -32001
    /// The named entity does not exist.
    case notFound = -32002
    /// A stale revision or a duplicate.
    case conflict = -32003
    /// One or more fields failed validation; `data.fields` names each.
    case validationFailed = -32004
    /// The service is shutting down or a dependency is down.
    case unavailable = -32005
    /// A limit was reached (connections, requests in flight); try again later.
    case overloaded = -32006
}

/// A JSON-RPC error object: the only kind of error a peer ever sees.
public struct RPCError: Error, Codable, Hashable, Sendable {
    /// One of ``RPCErrorCode``'s values (kept as an integer so that unknown codes from newer peers still decode).
    public var code: Int
    /// A short sentence for people.
    public var message: String
    /// Structured detail: `reason`, `fields`, `method`, …
    public var data: JSONValue?

    public init(code: RPCErrorCode, message: String, data: JSONValue? = nil) {
        self.code = code.rawValue
        self.message = message
        self.data = data
    }

    /// The known code, if this is one.
    public var knownCode: RPCErrorCode? { RPCErrorCode(rawValue: self.code) }

    public static func parseError(_ reason: String) -> RPCError {
        RPCError(code: .parseError, message: "Parse error", data: ["reason": .string(reason)])
    }

    public static func invalidRequest(_ reason: String) -> RPCError {
        RPCError(code: .invalidRequest, message: "Invalid Request", data: ["reason": .string(reason)])
    }

    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: .methodNotFound, message: "Method not found", data: ["method": .string(method)])
    }

    public static func invalidParams(_ reason: String) -> RPCError {
        RPCError(code: .invalidParams, message: "Invalid params", data: ["reason": .string(reason)])
    }

    public static let internalError = RPCError(code: .internalError, message: "Internal error")

    public static func forbidden(_ reason: String) -> RPCError {
        RPCError(code: .forbidden, message: "Forbidden", data: ["reason": .string(reason)])
    }

    public static func notFound(_ what: String) -> RPCError {
        RPCError(code: .notFound, message: "Not found", data: ["reason": .string(what)])
    }

    public static func conflict(_ reason: String) -> RPCError {
        RPCError(code: .conflict, message: "Conflict", data: ["reason": .string(reason)])
    }

    public static func unavailable(_ reason: String) -> RPCError {
        RPCError(code: .unavailable, message: "Unavailable", data: ["reason": .string(reason)])
    }

    public static func overloaded(_ reason: String) -> RPCError {
        RPCError(code: .overloaded, message: "Overloaded", data: ["reason": .string(reason)])
    }

    /// A -32004 error naming every bad field.
    public static func validationFailed(_ problems: [FieldProblem]) -> RPCError {
        RPCError(code: .validationFailed, message: "Validation failed", data: ["fields": .array(problems.map(\.json))])
    }
}

/// One field that failed validation, explained in both languages.
public struct FieldProblem: Codable, Hashable, Sendable {
    /// Where the field is, as a dotted path: `contact.email`, `partner.countries[0]`.
    public var path: String
    /// A stable machine-readable code: `required`, `too_long`, `invalid_email`, …
    public var code: String
    /// The explanation in Chinese.
    public var messageZh: String
    /// The explanation in English.
    public var messageEn: String
    /// For an imported file: the sender's own header of the column the value came from.
    public var column: String?
    /// For a spreadsheet: the cell, as the spreadsheet names it (`C7`).
    public var cell: String?

    public init(path: String, code: String, messageZh: String, messageEn: String, column: String? = nil, cell: String? = nil) {
        self.path = path
        self.code = code
        self.messageZh = messageZh
        self.messageEn = messageEn
        self.column = column
        self.cell = cell
    }

    /// The problem as `data.fields` carries it. A field of the Partner Search Form is also named by the
    /// attachment's own label ("1.2 座机或手机 / Tel/Mobile"), in both messages and as `label`, so that the
    /// enterprise finds it on the paper it filled in.
    var json: JSONValue {
        let label = self.path.hasPrefix("form.") ? PartnerSearchForm.label(forPath: self.path) : nil
        let zh = label.map { "\($0.number) \($0.zh)：\(self.messageZh)" } ?? self.messageZh
        let en = label.map { "\($0.number) \($0.en): \(self.messageEn)" } ?? self.messageEn
        var members: [String: JSONValue] = [
            "path": .string(self.path), "code": .string(self.code), "message": .string("\(zh) / \(en)"),
            "messageZh": .string(zh), "messageEn": .string(en),
        ]
        if let label { members["label"] = .string(label.bilingual) }
        if let column = self.column { members["column"] = .string(column) }
        if let cell = self.cell { members["cell"] = .string(cell) }
        return .object(members)
    }
}
