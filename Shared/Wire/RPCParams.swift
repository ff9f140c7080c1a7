import Foundation

/// A request's named parameters, kept undecoded until the handler asks for its own type.
public enum RPCParams: Sendable {
    /// No `params`, `{}`-equivalent (`[]` counts as absent).
    case absent
    /// Non-empty positional params, which no Lingyan method takes.
    case positional
    /// Named params: a JSON object.
    case named(value: JSONValue)

    /// Decodes the params as `P`, or throws -32602 naming the first field that does not fit.
    public func decode<P: Decodable>(_ type: P.Type) throws -> P {
        do {
            switch self {
            case .absent:
                return try JSONValueDecoder().decode(P.self, from: [:])
            case .positional:
                throw RPCError.invalidParams("params must be an object with named fields")
            case .named(let value):
                return try JSONValueDecoder().decode(P.self, from: value)
            }
        } catch let error as DecodingError {
            throw RPCError.invalidParams(Self.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "params" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context, key)) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context)) must be \(Self.jsonName(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context)) must be \(Self.jsonName(of: type)), not null"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "params do not have the method's shape"
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt32.Type: return "an integer"
        case is Double.Type: return "a number"
        default: return String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

/// The optional `params._meta` of DESIGN §4: recorded by the service, never trusted for access.
public struct RequestMeta: Codable, Sendable, Hashable {
    /// The staff member's name, recorded as the change's operator.
    public var `operator`: String?
    /// A caller-chosen id that appears in the service's log.
    public var requestId: String?

    public init(operator: String? = nil, requestId: String? = nil) {
        self.operator = `operator`
        self.requestId = requestId
    }
}
