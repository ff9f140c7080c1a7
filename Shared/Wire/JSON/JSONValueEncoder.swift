/// Encodes `Encodable` values into a ``JSONValue`` tree, which ``JSONWriter`` turns into bytes: the answer half
/// of a request, without Foundation's encoder.
public struct JSONValueEncoder {
    public init() {}

    /// The tree for `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let storage = Storage()
        try value.encode(to: ValueEncoder(storage: storage, codingPath: []))
        return storage.resolve()
    }
}

/// What a container wrote: a finished value, or a box a nested container is still writing into.
private enum Node {
    case value(JSONValue)
    case nested(Storage)

    var resolved: JSONValue {
        switch self {
        case .value(let value): return value
        case .nested(let storage): return storage.resolve()
        }
    }
}

/// A mutable box that containers write into; the tree is assembled when encoding ends. Leaves are stored as
/// values, so only objects and arrays cost an allocation.
private final class Storage {
    var value: JSONValue = .null
    var members: [String: Node]?
    var elements: [Node]?

    func resolve() -> JSONValue {
        if let members { return .object(members.mapValues(\.resolved)) }
        if let elements { return .array(elements.map(\.resolved)) }
        return self.value
    }
}

private struct ValueEncoder: Encoder {
    let storage: Storage
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if self.storage.members == nil { self.storage.members = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: self.storage, codingPath: self.codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if self.storage.elements == nil { self.storage.elements = [] }
        return UnkeyedContainer(storage: self.storage, codingPath: self.codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: self.storage, codingPath: self.codingPath)
    }
}

private enum Leaf {
    static func node<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> Node {
        // Metatype comparisons, not dynamic casts: this runs for every field of every answer.
        if T.self == String.self { return .value(.string(value as! String)) }
        if T.self == Int.self { return .value(.integer(Int64(value as! Int))) }
        if T.self == Int64.self { return .value(.integer(value as! Int64)) }
        if T.self == Bool.self { return .value(.bool(value as! Bool)) }
        if T.self == Int32.self { return .value(.integer(Int64(value as! Int32))) }
        if T.self == UInt32.self { return .value(.integer(Int64(value as! UInt32))) }
        if T.self == Double.self { return .value(try Self.double(value as! Double, path: path)) }
        if T.self == JSONValue.self { return .value(value as! JSONValue) }
        let storage = Storage()
        try value.encode(to: ValueEncoder(storage: storage, codingPath: path))
        return .nested(storage)
    }

    static func double(_ double: Double, path: [any CodingKey]) throws -> JSONValue {
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, .init(codingPath: path, debugDescription: "JSON has no NaN or infinity"))
        }
        return .double(double)
    }

    static func integer<T: BinaryInteger>(_ value: T, path: [any CodingKey]) throws -> JSONValue {
        guard let exact = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "integer beyond 64 bits"))
        }
        return .integer(exact)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) {
        self.storage.members![key.stringValue] = .value(value)
    }

    func encodeNil(forKey key: Key) throws { self.set(.null, key) }
    func encode(_ value: Bool, forKey key: Key) throws { self.set(.bool(value), key) }
    func encode(_ value: String, forKey key: Key) throws { self.set(.string(value), key) }
    func encode(_ value: Double, forKey key: Key) throws { self.set(try Leaf.double(value, path: self.codingPath + [key]), key) }
    func encode(_ value: Float, forKey key: Key) throws { self.set(try Leaf.double(Double(value), path: self.codingPath + [key]), key) }
    func encode(_ value: Int, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: Int8, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: Int16, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: Int32, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: Int64, forKey key: Key) throws { self.set(.integer(value), key) }
    func encode(_ value: UInt, forKey key: Key) throws { self.set(try Leaf.integer(value, path: self.codingPath + [key]), key) }
    func encode(_ value: UInt8, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: UInt16, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: UInt32, forKey key: Key) throws { self.set(.integer(Int64(value)), key) }
    func encode(_ value: UInt64, forKey key: Key) throws { self.set(try Leaf.integer(value, path: self.codingPath + [key]), key) }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.storage.members![key.stringValue] = try Leaf.node(value, path: self.codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = Storage()
        nested.members = [:]
        self.storage.members![key.stringValue] = .nested(nested)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested, codingPath: self.codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = Storage()
        nested.elements = []
        self.storage.members![key.stringValue] = .nested(nested)
        return UnkeyedContainer(storage: nested, codingPath: self.codingPath + [key])
    }

    func superEncoder() -> any Encoder {
        let nested = Storage()
        self.storage.members!["super"] = .nested(nested)
        return ValueEncoder(storage: nested, codingPath: self.codingPath)
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        let nested = Storage()
        self.storage.members![key.stringValue] = .nested(nested)
        return ValueEncoder(storage: nested, codingPath: self.codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]

    var count: Int { self.storage.elements!.count }

    private var path: [any CodingKey] { self.codingPath + [AnyCodingKey(intValue: self.count)!] }

    private func append(_ value: JSONValue) {
        self.storage.elements!.append(.value(value))
    }

    func encodeNil() throws { self.append(.null) }
    func encode(_ value: Bool) throws { self.append(.bool(value)) }
    func encode(_ value: String) throws { self.append(.string(value)) }
    func encode(_ value: Double) throws { self.append(try Leaf.double(value, path: self.path)) }
    func encode(_ value: Int) throws { self.append(.integer(Int64(value))) }
    func encode(_ value: Int64) throws { self.append(.integer(value)) }

    func encode<T: Encodable>(_ value: T) throws {
        self.storage.elements!.append(try Leaf.node(value, path: self.path))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = Storage()
        nested.members = [:]
        let path = self.path
        self.storage.elements!.append(.nested(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested, codingPath: path))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = Storage()
        nested.elements = []
        let path = self.path
        self.storage.elements!.append(.nested(nested))
        return UnkeyedContainer(storage: nested, codingPath: path)
    }

    func superEncoder() -> any Encoder {
        let nested = Storage()
        let path = self.path
        self.storage.elements!.append(.nested(nested))
        return ValueEncoder(storage: nested, codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    let codingPath: [any CodingKey]

    func encodeNil() throws { self.storage.value = .null }
    func encode(_ value: Bool) throws { self.storage.value = .bool(value) }
    func encode(_ value: String) throws { self.storage.value = .string(value) }
    func encode(_ value: Double) throws { self.storage.value = try Leaf.double(value, path: self.codingPath) }
    func encode(_ value: Float) throws { self.storage.value = try Leaf.double(Double(value), path: self.codingPath) }
    func encode(_ value: Int) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { self.storage.value = .integer(value) }
    func encode(_ value: UInt) throws { self.storage.value = try Leaf.integer(value, path: self.codingPath) }
    func encode(_ value: UInt8) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: UInt16) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: UInt32) throws { self.storage.value = .integer(Int64(value)) }
    func encode(_ value: UInt64) throws { self.storage.value = try Leaf.integer(value, path: self.codingPath) }

    func encode<T: Encodable>(_ value: T) throws {
        self.storage.value = try Leaf.node(value, path: self.codingPath).resolved
        self.storage.members = nil
        self.storage.elements = nil
    }
}
