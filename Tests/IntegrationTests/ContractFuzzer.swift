import Foundation
import Shared

/// Builds hostile requests from a method's declared params shape (`rpc.discover`) and a request it accepts: each
/// field in turn replaced by the extremes of its type, wrong types, null, or left out.
///
/// The fuzzer knows nothing about any method beyond its shape, so a method added to an interface is covered as soon
/// as it has a base request; the point is to reach the code behind the params decoder, where a trap on a client
/// value (an overflow, an index out of range) kills the whole process.
struct ContractFuzzer {
    /// One step into a JSON value.
    enum Step: Hashable {
        case member(String)
        case element(Int)
    }

    /// What a declared shape says a field holds.
    enum Kind: Equatable {
        case integer, number, string, boolean, array, object, any
    }

    /// A field of the params: where it is, what it holds, and whether it may be left out.
    struct Field {
        var path: [Step]
        var kind: Kind
        var optional: Bool

        /// `partner.countries[0]`.
        var description: String {
            var text = ""
            for step in self.path {
                switch step {
                case .member(let name): text += text.isEmpty ? name : ".\(name)"
                case .element(let index): text += "[\(index)]"
                }
            }
            return text.isEmpty ? "params" : text
        }

        /// The name an error should mention: the innermost member on the path.
        var memberName: String? {
            for step in self.path.reversed() { if case .member(let name) = step { return name } }
            return nil
        }
    }

    /// One hostile request: which field, what was done to it, and how to apply that to a base request.
    struct Mutation {
        /// What happens to the base request.
        enum Change {
            /// The field's value replaced.
            case replace(JSONValue)
            /// The member left out.
            case remove
            /// Several fields replaced at once.
            case several([([Step], JSONValue)])
            /// The params replaced as a whole.
            case whole(JSONValue)
        }

        var field: Field?
        var label: String
        var change: Change

        /// The hostile params made from a (current) base request.
        func params(from base: JSONValue) -> JSONValue {
            switch self.change {
            case .replace(let value): return ContractFuzzer.setting(value, at: self.field!.path[...], in: base)
            case .remove: return ContractFuzzer.removing(at: self.field!.path[...], in: base)
            case .several(let changes):
                return changes.reduce(base) { params, change in ContractFuzzer.setting(change.1, at: change.0[...], in: params) }
            case .whole(let params): return params
            }
        }

        /// `partner.country = 10^17`, for a failure message.
        var description: String { "\(self.field?.description ?? "params") = \(self.label)" }
    }

    // MARK: Fields

    /// Every field the shape declares, down through the objects and array elements the base request holds.
    static func fields(of shape: JSONValue, base: JSONValue) -> [Field] {
        var fields: [Field] = []
        Self.walk(shape, value: base, path: [], optional: false, into: &fields)
        return fields
    }

    private static func walk(_ shape: JSONValue, value: JSONValue?, path: [Step], optional: Bool, into fields: inout [Field]) {
        switch shape {
        case .string(let name):
            let isOptional = optional || name.hasSuffix("?")
            let kind: Kind
            switch name.hasSuffix("?") ? String(name.dropLast()) : name {
            case "integer": kind = .integer
            case "number": kind = .number
            case "string": kind = .string
            case "boolean": kind = .boolean
            default: kind = .any
            }
            if !path.isEmpty { fields.append(Field(path: path, kind: kind, optional: isOptional)) }
        case .object(let members) where members.count == 1 && members["optional"] != nil:
            Self.walk(members["optional"]!, value: value, path: path, optional: true, into: &fields)
        case .object(let members) where members.count == 1 && members["*"] != nil:
            if !path.isEmpty { fields.append(Field(path: path, kind: .object, optional: optional)) }
        case .object(let members):
            if !path.isEmpty { fields.append(Field(path: path, kind: .object, optional: optional)) }
            // Inside an object the base does not hold, replacing one member would only name the others as missing.
            guard path.isEmpty || value != nil, value != .null else { return }
            let object = value?.objectValue ?? [:]
            for name in members.keys.sorted() {
                Self.walk(members[name]!, value: object[name], path: path + [.member(name)], optional: false, into: &fields)
            }
        case .array(let elements):
            if !path.isEmpty { fields.append(Field(path: path, kind: .array, optional: optional)) }
            if let element = elements.first, let first = value?.arrayValue?.first {
                Self.walk(element, value: first, path: path + [.element(0)], optional: false, into: &fields)
            }
        default:
            break
        }
    }

    // MARK: Mutations

    /// Every hostile request for a base request: each field replaced in turn, then the params as a whole.
    static func mutations(of shape: JSONValue, base: JSONValue) -> [Mutation] {
        var mutations: [Mutation] = []
        for field in Self.fields(of: shape, base: base) {
            let current = Self.value(at: field.path[...], in: base)
            for (label, replacement) in Self.replacements(for: field.kind, current: current) {
                mutations.append(Mutation(field: field, label: label, change: .replace(replacement)))
            }
            if case .member = field.path.last {
                mutations.append(Mutation(field: field, label: "left out", change: .remove))
            }
        }
        mutations.append(Mutation(field: nil, label: "all members left out", change: .whole([:])))
        mutations.append(Mutation(field: nil, label: "an unknown member", change: .several([([.member("unexpectedMember")], "x")])))
        mutations.append(Mutation(field: nil, label: "positional params", change: .whole([1, "x", .null])))
        return mutations
    }

    /// Hostile requests that change several fields at once, for the larger runs.
    static func combinations(of shape: JSONValue, base: JSONValue, count: Int, using random: inout SeededGenerator) -> [Mutation] {
        let fields = Self.fields(of: shape, base: base)
        guard !fields.isEmpty else { return [] }
        return (0..<count).map { _ in
            var changes: [([Step], JSONValue)] = []
            var labels: [String] = []
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let field = fields[Int.random(in: 0..<fields.count, using: &random)]
                let options = Self.replacements(for: field.kind, current: Self.value(at: field.path[...], in: base))
                let (label, replacement) = options[Int.random(in: 0..<options.count, using: &random)]
                changes.append((field.path, replacement))
                labels.append("\(field.description) = \(label)")
            }
            return Mutation(field: nil, label: labels.joined(separator: ", "), change: .several(changes))
        }
    }

    /// The extremes of a type, then values of the wrong type.
    static func replacements(for kind: Kind, current: JSONValue?) -> [(String, JSONValue)] {
        switch kind {
        case .integer, .number:
            return Self.numbers + [("the number as a string", "12"), ("null", .null), ("true", true)]
        case .string:
            return Self.strings + [("an integer", 12), ("null", .null), ("an array", [])]
        case .boolean:
            return [("null", .null), ("\"true\"", "true"), ("1", 1)]
        case .array:
            let element = current?.arrayValue?.first ?? "x"
            let elementBytes = max(1, ((try? LingyanJSON.encode(element)) ?? []).count + 1)
            // Thousands of elements, as many as fit well inside the 1 MiB frame (non-ASCII text may travel escaped).
            let count = max(2, min(5_000, 300_000 / elementBytes))
            return [
                ("empty", []), ("[null]", [.null]),
                ("\(count) elements", .array(Array(repeating: element, count: count))),
                ("a string", "x"), ("null", .null), ("an object", [:]),
            ]
        case .object:
            return [("empty", [:]), ("null", .null), ("an array", []), ("a string", "x")]
        case .any:
            return [("null", .null), ("a string", "x"), ("an integer", 1), ("an object", [:]), ("an array", [])]
        }
    }

    private static let numbers: [(String, JSONValue)] = [
        ("0", 0), ("-1", -1), ("2^31", .integer(2_147_483_648)), ("-2^31", .integer(-2_147_483_648)),
        ("2^53+1", .integer(9_007_199_254_740_993)), ("2^63-1", .integer(Int64.max)), ("-2^63", .integer(Int64.min)),
        ("10^17", .integer(100_000_000_000_000_000)), ("10^19", .double(1e19)), ("1e308", .double(1e308)),
        ("-0.5", .double(-0.5)),
    ]

    private static let strings: [(String, JSONValue)] = [
        ("empty", ""),
        ("200,000 characters", .string(String(repeating: "a", count: 200_000))),
        ("20,000 Chinese characters", .string(String(repeating: "水处理膜", count: 5_000))),
        ("control characters", "a\u{0001}\u{0007}\u{001B}[31mb\u{007F}"),
        ("bidi controls", "\u{202E}evil\u{2066}\u{200F}"),
        ("NUL", "a\u{0000}b"),
        ("SQL", "' OR 1=1; DROP TABLE forms; --"),
        ("full-text syntax", "\"unbalanced NEAR(a b * AND OR NOT ^"),
        ("format directives", "%s%n%x %@ {0} \\(x) {{x}}"),
        ("header injection", "x\r\nBcc: victim@example.com\r\n\r\nbody"),
        ("an impossible date", "2024-02-30"),
        ("an impossible time", "9999-99-99T99:99:99Z"),
        ("a negative number", "-1"),
    ]

    // MARK: JSON paths

    static func value(at path: ArraySlice<Step>, in root: JSONValue) -> JSONValue? {
        guard let step = path.first else { return root }
        switch step {
        case .member(let name):
            guard let child = root.objectValue?[name] else { return nil }
            return Self.value(at: path.dropFirst(), in: child)
        case .element(let index):
            guard let elements = root.arrayValue, index < elements.count else { return nil }
            return Self.value(at: path.dropFirst(), in: elements[index])
        }
    }

    static func setting(_ value: JSONValue, at path: ArraySlice<Step>, in root: JSONValue) -> JSONValue {
        guard let step = path.first else { return value }
        switch step {
        case .member(let name):
            var object = root.objectValue ?? [:]
            object[name] = Self.setting(value, at: path.dropFirst(), in: object[name] ?? [:])
            return .object(object)
        case .element(let index):
            var elements = root.arrayValue ?? []
            while elements.count <= index { elements.append(.null) }
            elements[index] = Self.setting(value, at: path.dropFirst(), in: elements[index])
            return .array(elements)
        }
    }

    static func removing(at path: ArraySlice<Step>, in root: JSONValue) -> JSONValue {
        guard let step = path.first else { return root }
        switch step {
        case .member(let name):
            guard var object = root.objectValue else { return root }
            if path.count == 1 {
                object.removeValue(forKey: name)
            } else if let child = object[name] {
                object[name] = Self.removing(at: path.dropFirst(), in: child)
            }
            return .object(object)
        case .element(let index):
            guard var elements = root.arrayValue, index < elements.count else { return root }
            elements[index] = Self.removing(at: path.dropFirst(), in: elements[index])
            return .array(elements)
        }
    }
}

extension JSONValue {
    fileprivate var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    fileprivate var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
