import NIOCore

/// One frame on a Lingyan socket:
///
/// ```
/// +----------------+---------------------------+
/// | length L (u32, | L bytes of UTF-8 JSON     |
/// | big-endian)    | (one JSON-RPC message)    |
/// +----------------+---------------------------+
/// ```
///
/// `1 <= L <= maximumFrameBytes`. The limit is enforced on the announced length, before a single payload
/// byte is buffered, so a peer announcing 4 GiB costs us four bytes of memory, not four gigabytes.
public enum FrameLimits {
    /// The default largest payload: 1 MiB.
    public static let defaultMaximumBytes = 1 << 20
    /// The largest payload any configuration may allow: 16 MiB.
    public static let absoluteMaximumBytes = 16 << 20
    /// Bytes in the length prefix.
    public static let headerBytes = 4
}

/// Why a byte stream stopped being a sequence of valid frames. The connection cannot be resynchronised after
/// any of these, so the server answers once with `id: null` and closes.
public enum FrameError: Error, Equatable, Sendable {
    /// The header announced an empty payload.
    case emptyFrame
    /// The header announced more bytes than the configured maximum.
    case frameTooLarge(announcedBytes: Int, maximumBytes: Int)

    /// A short English explanation that goes into the error response's `data.reason`.
    public var reason: String {
        switch self {
        case .emptyFrame:
            return "frame length 0: a frame carries at least one byte of JSON"
        case .frameTooLarge(let announced, let maximum):
            return "frame length \(announced) exceeds the limit of \(maximum) bytes"
        }
    }
}

/// Splits a byte stream into frame payloads, however the bytes are chunked on arrival.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    /// The largest payload accepted.
    public let maximumFrameBytes: Int

    public init(maximumFrameBytes: Int = FrameLimits.defaultMaximumBytes) {
        self.maximumFrameBytes = min(max(1, maximumFrameBytes), FrameLimits.absoluteMaximumBytes)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let announced = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return .needMoreData
        }
        // Checked before waiting for (and so before buffering) the payload.
        let length = Int(announced)
        if length == 0 { throw FrameError.emptyFrame }
        if length > self.maximumFrameBytes {
            throw FrameError.frameTooLarge(announcedBytes: length, maximumBytes: self.maximumFrameBytes)
        }
        guard buffer.readableBytes >= FrameLimits.headerBytes + length else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: FrameLimits.headerBytes)
        let payload = buffer.readSlice(length: length)!
        context.fireChannelRead(Self.wrapInboundOut(payload))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        // A frame cut off by EOF is dropped: there is nobody left to answer.
        while try self.decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// Prefixes each outbound payload with its big-endian length.
public struct FrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = ByteBuffer

    public init() {}

    public func encode(data: ByteBuffer, out: inout ByteBuffer) throws {
        out.reserveCapacity(FrameLimits.headerBytes + data.readableBytes)
        out.writeInteger(UInt32(data.readableBytes), endianness: .big)
        out.writeImmutableBuffer(data)
    }
}

extension ByteBuffer {
    /// Writes `payload` as one complete frame (header and bytes) into this buffer.
    public mutating func writeFrame(_ payload: some Collection<UInt8>) {
        self.writeInteger(UInt32(payload.count), endianness: .big)
        self.writeBytes(payload)
    }
}
