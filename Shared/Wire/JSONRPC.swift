import Foundation

/// A JSON-RPC 2.0 request or notification, already checked against the specification's rules.
public struct RPCRequest: Sendable {
    /// The method name, `noun.verb`.
    public var method: String
    /// Positional (array) or named (object) parameters; nil when absent.
    public var params: JSONValue?
    /// The request id (string, number or null); nil marks a notification, which is never answered.
    public var id: JSONValue?

    public init(method: String, params: JSONValue?, id: JSONValue?) {
        self.method = method
        self.params = params
        self.id = id
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
public enum RPCMessageParser {
    /// Parses one frame's payload.
    public static func parse(_ payload: Data) -> RPCInbound {
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

    /// Checks one request object.
    public static func entry(from value: JSONValue) -> RPCEntry {
        guard case .object(let members) = value else {
            return .invalid(.invalidRequest("expected a request object, found \(value.typeName)"), id: .null)
        }
        // The id is echoed in an error only when it is itself valid; otherwise the spec asks for null.
        var id: JSONValue? = nil
        if let rawID = members["id"] {
            switch rawID {
            case .string, .integer, .double, .null: id = rawID
            default: return .invalid(.invalidRequest("id must be a string, a number or null"), id: .null)
            }
        }
        let errorID = id ?? .null
        guard members["jsonrpc"] == .string("2.0") else {
            return .invalid(.invalidRequest("jsonrpc must be exactly \"2.0\""), id: errorID)
        }
        guard case .string(let method)? = members["method"] else {
            return .invalid(.invalidRequest("method must be a string"), id: errorID)
        }
        let params = members["params"]
        switch params {
        case nil, .object?, .array?: break
        default: return .invalid(.invalidRequest("params must be an object or an array"), id: errorID)
        }
        return .request(RPCRequest(method: method, params: params, id: id))
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return "not valid JSON: \(context.debugDescription)"
        }
        return "not valid JSON"
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

    /// The encoder used for every message Lingyan writes.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
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
