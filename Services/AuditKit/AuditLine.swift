import Crypto
import Foundation
import Shared

/// The audit line format (DESIGN §10): compact JSON on one line, members in a fixed order so that a person reading
/// `zcat` output sees the sequence number first and the link last.
public enum AuditLine {
    /// The `prev` of the first line ever.
    public static let genesis = String(repeating: "0", count: 64)

    /// The exact bytes of a line, without its newline.
    public static func bytes(
        seq: Int64, source: String, sourceSeq: Int64, at: String, recordedAt: String, actor: JSONValue, type: String,
        entity: String, data: JSONValue, prev: String
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(384)
        func key(_ name: String) {
            out.append(out.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            JSONWriter.write(.string(name), into: &out)
            out.append(UInt8(ascii: ":"))
        }
        key("seq")
        out.append(contentsOf: String(seq).utf8)
        key("source")
        JSONWriter.write(.string(source), into: &out)
        key("sourceSeq")
        out.append(contentsOf: String(sourceSeq).utf8)
        key("at")
        JSONWriter.write(.string(at), into: &out)
        key("recordedAt")
        JSONWriter.write(.string(recordedAt), into: &out)
        key("actor")
        JSONWriter.write(actor, into: &out)
        key("type")
        JSONWriter.write(.string(type), into: &out)
        key("entity")
        JSONWriter.write(.string(entity), into: &out)
        key("data")
        JSONWriter.write(data, into: &out)
        key("prev")
        JSONWriter.write(.string(prev), into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Lowercase hex SHA-256 of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> String {
        Self.hex(SHA256.hash(data: bytes))
    }

    /// Lowercase hex SHA-256 of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { Self.hash($0) }
    }

    /// Lowercase hex of a digest.
    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The `seq` and `prev` of a line, read from where the format puts them: `{"seq":N,` at the start and
    /// `,"prev":"<64 hex>"}` at the end. Nil when the line does not have that shape.
    ///
    /// The chain itself proves the content: a changed byte anywhere changes the line's hash, which the next line's
    /// `prev` (or the manifest, or a checkpoint) no longer matches. So verification need not parse every line.
    public static func seqAndPrev(_ line: ArraySlice<UInt8>) -> (seq: Int64, prev: String)? {
        let prefix = Array(#"{"seq":"#.utf8)
        let suffixStart = Array(#","prev":""#.utf8)
        guard line.count > prefix.count + suffixStart.count + 66, line.starts(with: prefix) else { return nil }
        var index = line.startIndex + prefix.count
        var seq: Int64 = 0
        var digits = 0
        while index < line.endIndex, let digit = line[index].asciiDigit, digits < 18 {
            seq = seq * 10 + Int64(digit)
            digits += 1
            index += 1
        }
        guard digits > 0, index < line.endIndex, line[index] == UInt8(ascii: ","),
            !(digits > 1 && line[line.startIndex + prefix.count] == UInt8(ascii: "0"))
        else { return nil }
        let tail = line.endIndex - 66 - suffixStart.count
        guard line[tail..<(tail + suffixStart.count)].elementsEqual(suffixStart),
            line[line.endIndex - 2] == UInt8(ascii: "\""), line[line.endIndex - 1] == UInt8(ascii: "}")
        else { return nil }
        let hexBytes = line[(line.endIndex - 66)..<(line.endIndex - 2)]
        guard hexBytes.allSatisfy({ $0.asciiDigit != nil || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }) else {
            return nil
        }
        return (seq, String(decoding: hexBytes, as: UTF8.self))
    }
}

extension UInt8 {
    fileprivate var asciiDigit: UInt8? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) ? self - UInt8(ascii: "0") : nil
    }
}
