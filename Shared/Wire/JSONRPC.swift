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
public enum RPCMessageParser {
    /// Parses one frame's payload.
    public static func parse(_ payload: some Collection<UInt8>) -> RPCInbound {
        let value: JSONValue
        do {
            value = try JSONReader.read(payload)
        } catch {
            return .rejected(.parseError("not valid JSON: \(error)"))
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
        let params: RPCParams
        var meta: RequestMeta? = nil
        switch members["params"] {
        case nil: params = .absent
        case .array(let items)?: params = items.isEmpty ? .absent : .positional
        case .object(let named)?:
            params = .named(value: members["params"]!)
            meta = named["_meta"].flatMap { try? JSONValueDecoder().decode(RequestMeta.self, from: $0) }
        default: return .invalid(.invalidRequest("params must be an object or an array"), id: errorID)
        }
        return .request(RPCRequest(method: method, params: params, id: id, meta: meta))
    }
}

/// Writes JSON-RPC 2.0 responses.
public enum RPCResponseWriter {
    /// The bytes of a success response.
    public static func success(id: JSONValue, result: some Encodable) throws -> [UInt8] {
        let value = try JSONValueEncoder().encode(result)
        return JSONWriter.bytes(["jsonrpc": "2.0", "result": value, "id": id])
    }

    /// The bytes of an error response.
    public static func failure(id: JSONValue, error: RPCError) -> [UInt8] {
        var object: [String: JSONValue] = ["code": .integer(Int64(error.code)), "message": .string(error.message)]
        if let data = error.data { object["data"] = data }
        return JSONWriter.bytes(["jsonrpc": "2.0", "error": .object(object), "id": id])
    }

    /// The bytes of a batch response: the given responses as one JSON array.
    public static func batch(_ responses: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, response) in responses.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: response)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}

/// Writes requests, for clients.
public enum RPCRequestWriter {
    /// The bytes of a request (or, with `id` nil, a notification).
    public static func request(method: String, params: (some Encodable)?, id: JSONValue?) throws -> [UInt8] {
        var object: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { object["params"] = try JSONValueEncoder().encode(params) }
        if let id { object["id"] = id }
        return JSONWriter.bytes(.object(object))
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
