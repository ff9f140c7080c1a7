/// A strict RFC 8259 JSON reader that builds a ``JSONValue`` in one pass over the bytes.
///
/// Every frame on a Lingyan socket goes through here, so it is written for the job: no intermediate tree, no
/// `Any`, no throwing while probing types (Foundation's JSONDecoder costs several times more per request, which
/// dominated a round trip). It refuses what RFC 8259 refuses — trailing commas, comments, single quotes, leading
/// zeros, lone surrogates, invalid UTF-8, control characters in strings — and anything nested deeper than
/// ``maximumDepth`` or numbers no IEEE double can hold.
public struct JSONReader {
    /// The deepest nesting accepted; deeper input is refused instead of exhausting the stack.
    public static let maximumDepth = 512

    /// Why the bytes are not JSON: what was wrong, and at which byte offset.
    public struct ReadError: Error, Equatable, CustomStringConvertible, Sendable {
        public var offset: Int
        public var reason: String

        public var description: String { "\(self.reason) at byte \(self.offset)" }
    }

    /// Parses exactly one JSON value (with surrounding white space) from `bytes`.
    public static func read(_ bytes: some Collection<UInt8>) throws(ReadError) -> JSONValue {
        // One call through the collection's witness table, then a tight loop over contiguous memory: Data,
        // arrays and ByteBuffer views all have it. Only an exotic collection is copied first.
        let result: Result<JSONValue, ReadError>? = bytes.withContiguousStorageIfAvailable { Self.read(buffer: $0) }
        switch result ?? Self.read(buffer: ContiguousArray(bytes)) {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    private static func read(buffer: ContiguousArray<UInt8>) -> Result<JSONValue, ReadError> {
        buffer.withUnsafeBufferPointer { Self.read(buffer: $0) }
    }

    private static func read(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, ReadError> {
        var reader = JSONReader(buffer)
        do throws(ReadError) {
            reader.skipWhitespace()
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.error("unexpected data after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private func error(_ reason: String) -> ReadError {
        ReadError(offset: self.index, reason: reason)
    }

    private var atEnd: Bool { self.index >= self.bytes.count }

    private var current: UInt8? { self.atEnd ? nil : self.bytes[self.index] }

    private mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case 0x20, 0x0A, 0x0D, 0x09: self.index += 1
            default: return
            }
        }
    }

    private mutating func readValue(depth: Int) throws(ReadError) -> JSONValue {
        guard let byte = self.current else { throw self.error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try self.readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try self.readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try self.readString())
        case UInt8(ascii: "t"): try self.expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try self.expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try self.expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try self.readNumber()
        default: throw self.error("unexpected character '\(Self.printable(byte))'")
        }
    }

    private mutating func expect(_ literal: StaticString) throws(ReadError) {
        let count = literal.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.error("unexpected end of input") }
        let pointer = literal.utf8Start
        for offset in 0..<count where self.bytes[self.index + offset] != pointer[offset] {
            throw self.error("invalid literal")
        }
        self.index += count
    }

    private mutating func readObject(depth: Int) throws(ReadError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw self.error("nesting deeper than \(Self.maximumDepth) levels") }
        self.index += 1
        // Members are collected as pairs and hashed once into a dictionary of the right size at the end.
        var members: [(String, JSONValue)] = []
        self.skipWhitespace()
        if self.current == UInt8(ascii: "}") {
            self.index += 1
            return .object([:])
        }
        while true {
            self.skipWhitespace()
            guard self.current == UInt8(ascii: "\"") else { throw self.error("expected a member name in quotes") }
            let key = try self.readString()
            self.skipWhitespace()
            guard self.current == UInt8(ascii: ":") else { throw self.error("expected ':' after a member name") }
            self.index += 1
            self.skipWhitespace()
            members.append((key, try self.readValue(depth: depth)))
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ",")?: self.index += 1
            case UInt8(ascii: "}")?:
                self.index += 1
                // A repeated name keeps its last value, as most JSON readers do.
                return .object(Dictionary(members, uniquingKeysWith: { _, last in last }))
            case nil: throw self.error("unexpected end of input in an object")
            default: throw self.error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(ReadError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw self.error("nesting deeper than \(Self.maximumDepth) levels") }
        self.index += 1
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.current == UInt8(ascii: "]") {
            self.index += 1
            return .array(elements)
        }
        while true {
            self.skipWhitespace()
            elements.append(try self.readValue(depth: depth))
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ",")?: self.index += 1
            case UInt8(ascii: "]")?: self.index += 1; return .array(elements)
            case nil: throw self.error("unexpected end of input in an array")
            default: throw self.error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func readString() throws(ReadError) -> String {
        self.index += 1
        let start = self.index
        // Fast path: no escapes. Scan to the closing quote, then validate the UTF-8 once.
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: self.bytes[start..<self.index])
                self.index += 1
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw ReadError(offset: start, reason: "invalid UTF-8 in a string")
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw self.error("unescaped control character in a string") }
            self.index += 1
        }
        guard !self.atEnd else { throw self.error("unterminated string") }
        var scalars = Array(UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]))
        while let byte = self.current {
            switch byte {
            case UInt8(ascii: "\""):
                self.index += 1
                guard let string = String(validating: scalars, as: UTF8.self) else {
                    throw ReadError(offset: start, reason: "invalid UTF-8 in a string")
                }
                return string
            case UInt8(ascii: "\\"):
                self.index += 1
                try self.readEscape(into: &scalars)
            case 0..<0x20:
                throw self.error("unescaped control character in a string")
            default:
                scalars.append(byte)
                self.index += 1
            }
        }
        throw self.error("unterminated string")
    }

    private mutating func readEscape(into output: inout [UInt8]) throws(ReadError) {
        guard let byte = self.current else { throw self.error("unterminated escape") }
        self.index += 1
        switch byte {
        case UInt8(ascii: "\""): output.append(0x22)
        case UInt8(ascii: "\\"): output.append(0x5C)
        case UInt8(ascii: "/"): output.append(0x2F)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try self.readHex4())
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
                    self.bytes[self.index + 1] == UInt8(ascii: "u")
                else { throw self.error("unpaired surrogate in a \\u escape") }
                self.index += 2
                let low = UInt32(try self.readHex4())
                guard (0xDC00...0xDFFF).contains(low) else { throw self.error("unpaired surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw self.error("unpaired surrogate in a \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw self.error("invalid \\u escape") }
            output.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw self.error("invalid escape '\\\(Self.printable(byte))'")
        }
    }

    private mutating func readHex4() throws(ReadError) -> UInt16 {
        guard self.index + 4 <= self.bytes.count else { throw self.error("unterminated \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | UInt16(digit)
            self.index += 1
        }
        return value
    }

    private mutating func readNumber() throws(ReadError) -> JSONValue {
        let start = self.index
        if self.current == UInt8(ascii: "-") { self.index += 1 }
        guard let first = self.current, Self.isDigit(first) else { throw self.error("expected a digit") }
        if first == UInt8(ascii: "0") {
            self.index += 1
            if let next = self.current, Self.isDigit(next) { throw self.error("leading zeros are not allowed") }
        } else {
            while let byte = self.current, Self.isDigit(byte) { self.index += 1 }
        }
        var isInteger = true
        if self.current == UInt8(ascii: ".") {
            isInteger = false
            self.index += 1
            guard let byte = self.current, Self.isDigit(byte) else { throw self.error("expected a digit after '.'") }
            while let byte = self.current, Self.isDigit(byte) { self.index += 1 }
        }
        if self.current == UInt8(ascii: "e") || self.current == UInt8(ascii: "E") {
            isInteger = false
            self.index += 1
            if self.current == UInt8(ascii: "+") || self.current == UInt8(ascii: "-") { self.index += 1 }
            guard let byte = self.current, Self.isDigit(byte) else { throw self.error("expected a digit in the exponent") }
            while let byte = self.current, Self.isDigit(byte) { self.index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else {
            throw ReadError(offset: start, reason: "number \(text.prefix(40)) is out of range")
        }
        return .double(double)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
    }
}
