import NIOCore
import NIOEmbedded
import Testing

@testable import Shared

@Suite("Frame codec")
struct FrameCodecTests {
    private func channel(maximum: Int = 1024) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maximumFrameBytes: maximum)))
        return channel
    }

    private func frame(_ text: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(Array(text.utf8))
        return buffer
    }

    @Test("a frame fed one byte at a time comes out whole, once")
    func oneByteAtATime() throws {
        let channel = try self.channel()
        let bytes = Array(self.frame(#"{"a":1}"#).readableBytesView)
        for (index, byte) in bytes.enumerated() {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
            if index < bytes.count - 1 { #expect(try channel.readInbound(as: ByteBuffer.self) == nil) }
        }
        let payload = try #require(try channel.readInbound(as: ByteBuffer.self))
        #expect(String(buffer: payload) == #"{"a":1}"#)
        #expect(try channel.finish().isClean)
    }

    @Test("many frames in one read come out as many payloads, in order")
    func manyFramesAtOnce() throws {
        let channel = try self.channel()
        var buffer = ByteBuffer()
        for index in 0..<50 { buffer.writeFrame(Array("[\(index)]".utf8)) }
        try channel.writeInbound(buffer)
        for index in 0..<50 {
            let payload = try #require(try channel.readInbound(as: ByteBuffer.self))
            #expect(String(buffer: payload) == "[\(index)]")
        }
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
    }

    @Test("a zero-length frame is an error")
    func zeroLength() throws {
        let channel = try self.channel()
        #expect(throws: FrameError.emptyFrame) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 0]))
        }
    }

    @Test("an oversized length is refused from the header alone, before any payload arrives")
    func oversizedHeaderOnly() throws {
        let channel = try self.channel(maximum: 1024)
        #expect(throws: FrameError.frameTooLarge(announcedBytes: Int(UInt32.max), maximumBytes: 1024)) {
            try channel.writeInbound(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF]))
        }
    }

    @Test("a frame exactly at the limit is accepted; one byte more is not")
    func boundary() throws {
        let accepted = try self.channel(maximum: 8)
        try accepted.writeInbound(self.frame("12345678"))
        #expect(try accepted.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == "12345678")
        let refused = try self.channel(maximum: 8)
        #expect(throws: FrameError.frameTooLarge(announcedBytes: 9, maximumBytes: 8)) {
            try refused.writeInbound(self.frame("123456789"))
        }
    }

    @Test("a frame cut off by EOF yields nothing and no crash")
    func cutOffThenEOF() throws {
        let channel = try self.channel()
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(100), endianness: .big)
        buffer.writeString("only part")
        try channel.writeInbound(buffer)
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
        _ = try? channel.finish()
    }

    @Test("the encoder writes a big-endian length before the payload")
    func encoder() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(FrameEncoder()))
        try channel.writeOutbound(ByteBuffer(string: "hello"))
        let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(Array(written.readableBytesView) == [0, 0, 0, 5] + Array("hello".utf8))
    }

    @Test("the configured maximum is clamped to 16 MiB")
    func clamped() {
        #expect(FrameDecoder(maximumFrameBytes: 1 << 30).maximumFrameBytes == 16 << 20)
    }
}
