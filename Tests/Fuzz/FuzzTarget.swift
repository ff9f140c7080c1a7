// lingyan-fuzz: a libFuzzer target for what a peer's bytes reach first — the frame decoder and the JSON-RPC
// parser — and the error answers built from what they reject.
//
// Built by `deploy/fuzz` with `-sanitize=fuzzer,address -D LINGYAN_FUZZING`, `main.swift` hands control to
// libFuzzer's driver, which calls `lingyanFuzzOneInput` with generated inputs. Built normally (as `swift build`
// does), it replays the files it is given, so the kept corpus runs as a regression test without libFuzzer.
import Foundation
import NIOCore
import NIOEmbedded
import Shared

/// The input's first byte chooses the path and, for frames, the size of the pieces the rest arrives in.
@_cdecl("LLVMFuzzerTestOneInput")
public func lingyanFuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let selector = input.first else { return 0 }
    let rest = input.dropFirst()
    if selector & 1 == 0 {
        FuzzFrames.run(Array(rest), pieceSize: Int(selector >> 1) + 1)
    } else {
        FuzzMessages.run(Array(rest))
    }
    return 0
}

/// Bytes through the frame decoder in a channel pipeline, in pieces; every payload through the parser.
enum FuzzFrames {
    static let maximumFrameBytes = 4_096

    static func run(_ bytes: [UInt8], pieceSize: Int) {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumFrameBytes: Self.maximumFrameBytes)))
        var offset = 0
        var decodedBytes = 0
        var failed = false
        while offset < bytes.count && !failed {
            let end = min(bytes.count, offset + pieceSize)
            do {
                try channel.writeInbound(ByteBuffer(bytes: bytes[offset..<end]))
            } catch is FrameError {
                failed = true
            } catch {
                fatalError("the frame decoder threw something other than a FrameError: \(error)")
            }
            offset = end
            while let payload = try? channel.readInbound(as: ByteBuffer.self) {
                precondition(payload.readableBytes > 0 && payload.readableBytes <= Self.maximumFrameBytes, "frame size out of bounds")
                decodedBytes += FrameLimits.headerBytes + payload.readableBytes
                FuzzMessages.run(Array(payload.readableBytesView))
            }
        }
        precondition(decodedBytes <= bytes.count, "decoded more bytes than arrived")
        _ = try? channel.finish()
    }
}

/// One payload through the JSON-RPC parser, and the answer a service would write for it.
enum FuzzMessages {
    static func run(_ payload: [UInt8]) {
        switch RPCMessageParser.parse(payload) {
        case .rejected(let error):
            precondition(!RPCResponseWriter.failure(id: .null, error: error).isEmpty, "no rejection written")
        case .single(let entry):
            Self.answer(entry)
        case .batch(let entries):
            for entry in entries { Self.answer(entry) }
        }
    }

    private static func answer(_ entry: RPCEntry) {
        switch entry {
        case .request(let request):
            // Params decoded as a real method's would be: the path every handler takes first.
            _ = try? request.params.decode(RegistryInterface.FormsSubmit.Params.self)
            _ = try? request.params.decode(AuditInterface.Query.Params.self)
            if let id = request.id { _ = RPCResponseWriter.failure(id: id, error: .methodNotFound(request.method)) }
        case .invalid(let error, let id):
            _ = RPCResponseWriter.failure(id: id, error: error)
        }
    }
}

