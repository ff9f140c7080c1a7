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
            let problem = Self.problem(error)
            // The reason stays one English sentence for scripts; `fields` says the same in both languages, with the
            // attachment's label for a form's field.
            var data: [String: JSONValue] = ["reason": .string(Self.describe(error))]
            data["fields"] = [problem.json]
            throw RPCError(code: .invalidParams, message: "Invalid params", data: .object(data))
        }
    }

    /// The decoding error as a field problem in Chinese and English.
    private static func problem(_ error: DecodingError) -> FieldProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldProblem(path: path(context, key), code: "required", messageZh: "缺少此项，为必填项", messageEn: "is missing; it is required")
        case .typeMismatch(let type, let context):
            let (zh, en) = Self.names(of: type)
            return FieldProblem(path: path(context), code: "wrong_type", messageZh: "类型不正确，应为\(zh)", messageEn: "must be \(en)")
        case .valueNotFound(let type, let context):
            let (zh, en) = Self.names(of: type)
            return FieldProblem(path: path(context), code: "required", messageZh: "不能为空值（null），应为\(zh)", messageEn: "must be \(en), not null")
        case .dataCorrupted(let context):
            return FieldProblem(path: path(context), code: "invalid_value", messageZh: "取值不正确", messageEn: "has a value that is not allowed")
        @unknown default:
            return FieldProblem(path: "params", code: "invalid", messageZh: "参数格式不正确", messageEn: "params do not have the method's shape")
        }
    }

    /// A Swift type as its JSON kind, in Chinese and English ("an array", not `Array<JSONValue>`).
    private static func names(of type: Any.Type) -> (zh: String, en: String) {
        switch type {
        case is String.Type: return ("文字（字符串）", "a string")
        case is Bool.Type: return ("是或否（布尔值）", "a boolean")
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt32.Type: return ("整数", "an integer")
        case is Double.Type: return ("数字", "a number")
        default: return String(describing: type).hasPrefix("Array") ? ("列表（数组）", "an array") : ("对象", "an object")
        }
    }

    /// `form.partner.countries[0]`: where a decoding error happened.
    private static func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (last.map { [$0] } ?? [])
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return text.isEmpty ? "params" : text.replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context, key)) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context)) must be \(Self.names(of: type).en)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) must be \(Self.names(of: type).en), not null"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "params do not have the method's shape"
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
