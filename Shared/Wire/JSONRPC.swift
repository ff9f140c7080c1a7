import Foundation

/// A JSON-RPC 2.0 request or notification, already checked against the specification's rules.
public struct RPCRequest: Sendable {
    /// The method name, `noun.verb`.
    public var method: String
    /// The parameters, decoded only when the method's handler asks for its own type.
    public var params: RPCParams
    /// The request id (string, number or null); nil marks a notification, which is never answered.
    public var id: JSONValue?
    /// `params._meta`, if the caller sent one.
    public var meta: RequestMeta?

    public init(method: String, params: RPCParams, id: JSONValue?, meta: RequestMeta? = nil) {
        self.method = method
        self.params = params
        self.id = id
        self.meta = meta
    }

    /// True for a notification: no `id` member at all.
    public var isNotification: Bool { self.id == nil }
}

/// One entry of an incoming message: a well-formed request, or the error that its sender must get back.
public enum RPCEntry: Sendable {
    case request(RPCRequest)
    case invalid(RPCError, id: JSONValue)
}

/// What one frame held.
public enum RPCInbound: Sendable {
    /// A single request object (or a single invalid entry).
    case single(RPCEntry)
    /// A non-empty batch; answered with an array holding the non-notification responses.
    case batch([RPCEntry])
    /// Unparseable JSON, an empty batch or a non-object: one error response with `id: null`.
    case rejected(RPCError)
}

/// Reads frames into JSON-RPC 2.0 messages exactly as the specification writes them.
///
/// A frame holding one request object (nearly every frame) takes a fast path: its envelope is decoded into a
/// small struct in one pass, and the params stay in the frame until the handler decodes them into its own type,
/// so no generic JSON tree is ever built. Batches and anything unusual go through ``JSONValue``.
public enum RPCMessageParser {
    /// Parses one frame's payload.
    public static func parse(_ payload: Data) -> RPCInbound {
        if payload.first(where: { !Self.isWhitespace($0) }) == UInt8(ascii: "{"),
            let envelope = try? JSONDecoder().decode(Envelope.self, from: payload),
            case .request(let request) = Self.validate(envelope.fields, params: .inFrame(payload))
        {
            return .single(.request(request))
        }
        // Anything the fast path would refuse is read again in full, so that the error names the real problem
        // (a string with invalid UTF-8 is only found when the tree is built).
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: payload)
        } catch {
            return .rejected(.parseError(Self.describe(error)))
        }
        switch value {
        case .array(let entries):
            if entries.isEmpty { return .rejected(.invalidRequest("empty batch")) }
            return .batch(entries.map(Self.entry(from:)))
        case .object:
            return .single(Self.entry(from: value))
        default:
            return .rejected(.invalidRequest("expected a request object or a batch array, found \(value.typeName)"))
        }
    }

    /// Checks one request object given as a JSON value (a batch entry).
    public static func entry(from value: JSONValue) -> RPCEntry {
        guard case .object(let members) = value else {
            return .invalid(.invalidRequest("expected a request object, found \(value.typeName)"), id: .null)
        }
        var fields = EnvelopeFields()
        fields.hasID = members["id"] != nil
        switch members["id"] {
        case nil: break
        case .string?, .integer?, .double?, .null?: fields.id = members["id"]
        default: fields.idIsValid = false
        }
        fields.versionIsValid = members["jsonrpc"] == .string("2.0")
        fields.method = members["method"]?.stringValue
        switch members["params"] {
        case nil: fields.params = .absent
        case .object(let params)?:
            fields.params = .object
            fields.meta = params["_meta"].flatMap { try? JSONDecoder().decode(RequestMeta.self, from: JSONEncoder().encode($0)) }
        case .array(let items)?: fields.params = items.isEmpty ? .emptyArray : .array
        default: fields.params = .invalid
        }
        return Self.validate(fields, params: members["params"].map { .value($0) } ?? .absent)
    }

    /// The specification's rules, applied the same way whichever path read the envelope.
    private static func validate(_ fields: EnvelopeFields, params: RPCParams) -> RPCEntry {
        // The id is echoed in an error only when it is itself valid; otherwise the spec asks for null.
        guard fields.idIsValid else {
            return .invalid(.invalidRequest("id must be a string, a number or null"), id: .null)
        }
        let errorID = fields.id ?? .null
        guard fields.versionIsValid else {
            return .invalid(.invalidRequest("jsonrpc must be exactly \"2.0\""), id: errorID)
        }
        guard let method = fields.method else {
            return .invalid(.invalidRequest("method must be a string"), id: errorID)
        }
        let resolved: RPCParams
        switch fields.params {
        case .invalid: return .invalid(.invalidRequest("params must be an object or an array"), id: errorID)
        case .absent, .emptyArray: resolved = .absent
        case .array: resolved = .positional
        case .object: resolved = params
        }
        return .request(RPCRequest(method: method, params: resolved, id: fields.hasID ? errorID : nil, meta: fields.meta))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return "not valid JSON: \(context.debugDescription)"
        }
        return "not valid JSON"
    }

    /// What the rules need to know of a request object.
    private struct EnvelopeFields {
        enum ParamsKind { case absent, object, array, emptyArray, invalid }

        var hasID = false
        var id: JSONValue? = nil
        var idIsValid = true
        var versionIsValid = false
        var method: String? = nil
        var params = ParamsKind.absent
        var meta: RequestMeta? = nil
    }

    /// A request object's envelope, decoded without building a tree: every member is read with the type the
    /// specification expects, and a member of another type is noted rather than thrown.
    private struct Envelope: Decodable {
        var fields = EnvelopeFields()

        private static let jsonrpc = AnyCodingKey("jsonrpc")
        private static let method = AnyCodingKey("method")
        private static let id = AnyCodingKey("id")
        private static let params = AnyCodingKey("params")
        private static let meta = AnyCodingKey("_meta")

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            if container.contains(Self.id) {
                self.fields.hasID = true
                if try container.decodeNil(forKey: Self.id) {
                    self.fields.id = .null
                } else if let integer = try? container.decode(Int64.self, forKey: Self.id) {
                    self.fields.id = .integer(integer)
                } else if let string = try? container.decode(String.self, forKey: Self.id) {
                    self.fields.id = .string(string)
                } else if let double = try? container.decode(Double.self, forKey: Self.id) {
                    self.fields.id = .double(double)
                } else {
                    self.fields.idIsValid = false
                }
            }
            self.fields.versionIsValid = (try? container.decodeIfPresent(String.self, forKey: Self.jsonrpc)) == "2.0"
            self.fields.method = try? container.decodeIfPresent(String.self, forKey: Self.method)
            if container.contains(Self.params) {
                if let object = try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: Self.params) {
                    self.fields.params = .object
                    if object.contains(Self.meta) {
                        self.fields.meta = try? object.decode(RequestMeta.self, forKey: Self.meta)
                    }
                } else if let array = try? container.nestedUnkeyedContainer(forKey: Self.params) {
                    self.fields.params = array.count == 0 ? .emptyArray : .array
                } else {
                    self.fields.params = .invalid
                }
            }
        }
    }
}

/// Writes JSON-RPC 2.0 responses.
public enum RPCResponseWriter {
    private struct Success<Result: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let result: Result
        let id: JSONValue
    }

    private struct Failure: Encodable {
        let jsonrpc = "2.0"
        let error: RPCError
        let id: JSONValue
    }

    /// The bytes of a success response.
    public static func success(id: JSONValue, result: some Encodable) throws -> Data {
        try Self.encoder.encode(Success(result: result, id: id))
    }

    /// The bytes of an error response.
    public static func failure(id: JSONValue, error: RPCError) -> Data {
        // An RPCError always encodes; the fallback only guards against a future JSONValue that does not.
        (try? Self.encoder.encode(Failure(error: error, id: id)))
            ?? Data(#"{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":null}"#.utf8)
    }

    /// The bytes of a batch response: the given responses as one JSON array.
    public static func batch(_ responses: [Data]) -> Data {
        var out = Data("[".utf8)
        for (index, response) in responses.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(response)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The encoder used for every message Lingyan writes (JSONEncoder is thread-safe once configured).
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}

/// Writes requests, for clients.
public enum RPCRequestWriter {
    private struct Request<Params: Encodable>: Encodable {
        let jsonrpc = "2.0"
        let method: String
        let params: Params?
        let id: JSONValue?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(self.jsonrpc, forKey: AnyCodingKey("jsonrpc"))
            try container.encode(self.method, forKey: AnyCodingKey("method"))
            try container.encodeIfPresent(self.params, forKey: AnyCodingKey("params"))
            try container.encodeIfPresent(self.id, forKey: AnyCodingKey("id"))
        }
    }

    /// The bytes of a request (or, with `id` nil, a notification).
    public static func request(method: String, params: (some Encodable)?, id: JSONValue?) throws -> Data {
        try RPCResponseWriter.encoder.encode(Request(method: method, params: params, id: id))
    }
}

/// A response as a client reads it.
public struct RPCResponse<Result: Decodable>: Decodable {
    /// The id of the request this answers; null when the server could not read one.
    public var id: JSONValue?
    /// The result, on success.
    public var result: Result?
    /// The error, on failure.
    public var error: RPCError?
}
