/// A type whose wire shape `rpc.discover` can describe: it supplies an example value with every optional field
/// filled, and the shape is derived from that value, so the description can never drift from the type.
public protocol ShapeExample {
    /// A value with every optional member present and every array holding one element.
    static var example: Self { get }
}

/// The JSON shape of a params or result type, as `rpc.discover` reports it: `"string"`, `"integer"`,
/// `"string?"` (optional), `["string"]` (array of), `{ "field": shape }` (object).
public enum Shape {
    /// Describes a value's shape by reflecting over its stored properties.
    public static func describe(_ value: Any) -> JSONValue {
        let mirror = Mirror(reflecting: value)
        // Optionals first: `Optional<Int>` also answers `is Int`.
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "any?" }
            return Self.optional(Self.describe(wrapped))
        }
        switch value {
        case is String: return "string"
        case is Bool: return "boolean"
        case is Int, is Int64, is Int32, is UInt32, is UInt64: return "integer"
        case is Double, is Float: return "number"
        case let json as JSONValue: return json == .null ? "any" : Self.describe(json)
        default: break
        }
        switch mirror.displayStyle {
        case .collection, .set:
            guard let element = mirror.children.first?.value else { return .array(["any"]) }
            return .array([Self.describe(element)])
        case .dictionary:
            guard let pair = mirror.children.first?.value else { return ["*": "any"] }
            let parts = Mirror(reflecting: pair).children.map(\.value)
            return ["*": parts.count == 2 ? Self.describe(parts[1]) : "any"]
        case .enum:
            // Lingyan's enums on the wire are all String-backed (statuses, kinds, decisions).
            return "string"
        case .struct, .class:
            var members: [String: JSONValue] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                members[label.hasPrefix("_") ? String(label.dropFirst()) : label] = Self.describe(child.value)
            }
            return .object(members)
        default:
            return "any"
        }
    }

    private static func describe(_ json: JSONValue) -> JSONValue {
        switch json {
        case .null: return "any"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array(let elements): return .array([elements.first.map(Self.describe) ?? "any"])
        case .object(let members): return .object(members.mapValues(Self.describe))
        }
    }

    private static func optional(_ shape: JSONValue) -> JSONValue {
        if case .string(let name) = shape { return .string(name.hasSuffix("?") ? name : name + "?") }
        return ["optional": shape]
    }
}
