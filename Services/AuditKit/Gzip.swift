import CSystemZlib

/// Gzip streams through the system zlib: what `audit/archive/*.jsonl.gz` holds.
public enum Gzip {
    /// Why a stream could not be read or written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// zlib refused the stream: corrupt data, a bad header or a CRC that does not match.
        case corrupt(String)
        /// The stream stops before its end.
        case truncated
        /// Bytes follow the end of the gzip stream.
        case trailingBytes(Int)
        /// zlib failed for another reason (memory, a bad level).
        case zlib(Int32)

        public var description: String {
            switch self {
            case .corrupt(let reason): return "not a valid gzip stream (\(reason))"
            case .truncated: return "the gzip stream is cut off before its end"
            case .trailingBytes(let count): return "\(count) bytes follow the end of the gzip stream"
            case .zlib(let code): return "zlib failed with code \(code)"
            }
        }
    }

    /// `input` as one gzip member at `level` (0–9).
    public static func compress(_ input: [UInt8], level: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard lingyan_deflate_init_gzip(&stream, Int32(level)) == Z_OK else { throw .zlib(Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let produced: Int = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? target.count - Int(stream.avail_out) : -Int(status)
            }
        }
        guard produced >= 0 else { throw .zlib(Int32(-produced)) }
        output.removeSubrange(produced...)
        return output
    }

    /// Whether a stream starts with the header zlib writes here: no flags, no name, no time, Unix, and one of the
    /// three compression hints. The sealer only ever writes that header; any other was written by something else.
    public static func hasSealerHeader(_ input: [UInt8]) -> Bool {
        input.count >= 10 && input[0] == 0x1F && input[1] == 0x8B && input[2] == 8 && input[3] == 0
            && input[4..<8].allSatisfy { $0 == 0 } && [0, 2, 4].contains(input[8]) && input[9] == 3
    }

    /// The content of one gzip member, which must fill `input` exactly.
    public static func decompress(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard lingyan_inflate_init_gzip(&stream) == Z_OK else { throw .zlib(Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 6)
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        let outcome: Result<Int, Failure> = input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return .success(Int(stream.avail_in))
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(.truncated)
                case Z_DATA_ERROR, Z_NEED_DICT:
                    let reason = stream.msg.map { String(cString: $0) } ?? "data error"
                    return .failure(.corrupt(reason))
                default:
                    return .failure(.zlib(status))
                }
            }
        }
        switch outcome {
        case .success(0): return output
        case .success(let left): throw .trailingBytes(left)
        case .failure(let failure): throw failure
        }
    }
}
