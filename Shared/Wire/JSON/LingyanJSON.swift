import Foundation

/// Lingyan's JSON on the wire and in its tables: ``JSONReader`` and ``JSONWriter`` with Codable on top.
public enum LingyanJSON {
    /// Decodes `type` from JSON bytes; throws ``JSONReader/ReadError`` for bytes that are not JSON and
    /// `DecodingError` for JSON of the wrong shape.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        try JSONValueDecoder().decode(type, from: try JSONReader.read(bytes))
    }

    /// The compact JSON bytes of `value`, object members sorted by name.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        JSONWriter.bytes(try JSONValueEncoder().encode(value))
    }

    /// The compact JSON text of `value`.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try Self.encode(value), as: UTF8.self)
    }
}
