/// Decodes `Decodable` types from a ``JSONValue`` tree: the second half of reading a request, after
/// ``JSONReader`` has built the tree, with no second parse. Errors are the standard `DecodingError`s with full
/// coding paths, so callers can name the field that did not fit.
public struct JSONValueDecoder {
    public init() {}

    /// Decodes `type` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = self.value else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: self.codingPath, debugDescription: "expected an object, found \(self.value.typeName)"))
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: self.codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = self.value else {
            throw DecodingError.typeMismatch(
                [JSONValue].self, .init(codingPath: self.codingPath, debugDescription: "expected an array, found \(self.value.typeName)"))
        }
        return UnkeyedContainer(elements: elements, codingPath: self.codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: self.value, codingPath: self.codingPath)
    }
}

/// Conversions shared by the three containers.
private enum Scalar {
    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        if value == .null {
            return DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "found null"))
        }
        return DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "found \(value.typeName)"))
    }

    static func string(_ value: JSONValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let string) = value else { throw Self.mismatch(String.self, value, path) }
        return string
    }

    static func bool(_ value: JSONValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw Self.mismatch(Bool.self, value, path) }
        return flag
    }

    static func double(_ value: JSONValue, _ path: [any CodingKey]) throws -> Double {
        switch value {
        case .integer(let integer): return Double(integer)
        case .double(let double): return double
        default: throw Self.mismatch(Double.self, value, path)
        }
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        let wide: Int64
        switch value {
        case .integer(let integer): wide = integer
        case .double(let double) where double.rounded() == double && abs(double) < 9.2e18: wide = Int64(double)
        default: throw Self.mismatch(T.self, value, path)
        }
        guard let exact = T(exactly: wide) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "number \(wide) does not fit"))
        }
        return exact
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        // Common leaf types directly, without building a decoder.
        if T.self == String.self { return try Self.string(value, path) as! T }
        if T.self == Int.self { return try Self.integer(Int.self, value, path) as! T }
        if T.self == Int64.self { return try Self.integer(Int64.self, value, path) as! T }
        if T.self == Bool.self { return try Self.bool(value, path) as! T }
        if T.self == JSONValue.self { return value as! T }
        return try T(from: ValueDecoder(value: value, codingPath: path))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { self.members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { self.members[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = self.members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: self.codingPath, debugDescription: "missing"))
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { self.codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try self.value(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Scalar.bool(self.value(key), self.path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Scalar.string(self.value(key), self.path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Scalar.double(self.value(key), self.path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try Scalar.double(self.value(key), self.path(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try Scalar.integer(type, self.value(key), self.path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try Scalar.integer(type, self.value(key), self.path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try Scalar.decode(type, self.value(key), self.path(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = self.members[key.stringValue], value != .null else { return nil }
        return try Scalar.decode(type, value, self.path(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try ValueDecoder(value: self.value(key), codingPath: self.path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: self.value(key), codingPath: self.path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: self.members["super"] ?? .null, codingPath: self.codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: self.members[key.stringValue] ?? .null, codingPath: self.path(key))
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { self.elements.count }
    var isAtEnd: Bool { self.currentIndex >= self.elements.count }

    private var path: [any CodingKey] { self.codingPath + [AnyCodingKey(intValue: self.currentIndex)!] }

    private mutating func next(_ type: Any.Type) throws -> JSONValue {
        guard !self.isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: self.path, debugDescription: "array ended"))
        }
        defer { self.currentIndex += 1 }
        return self.elements[self.currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !self.isAtEnd, self.elements[self.currentIndex] == .null else { return false }
        self.currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = self.path
        return try Scalar.decode(type, try self.next(type), path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let path = self.path
        return try ValueDecoder(value: try self.next([String: JSONValue].self), codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = self.path
        return try ValueDecoder(value: try self.next([JSONValue].self), codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = self.path
        return ValueDecoder(value: try self.next(JSONValue.self), codingPath: path)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { self.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try Scalar.bool(self.value, self.codingPath) }
    func decode(_ type: String.Type) throws -> String { try Scalar.string(self.value, self.codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Scalar.double(self.value, self.codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try Scalar.double(self.value, self.codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Scalar.integer(type, self.value, self.codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Scalar.decode(type, self.value, self.codingPath) }
}
