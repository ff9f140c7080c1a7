import Foundation
import Testing

@testable import Shared

/// The examples of the JSON-RPC 2.0 specification that do not depend on a particular method.
@Suite("JSON-RPC 2.0 parsing")
struct JSONRPCParserTests {
    private func parse(_ text: String) -> RPCInbound {
        RPCMessageParser.parse(Data(text.utf8))
    }

    private func rejection(_ inbound: RPCInbound) -> Int? {
        if case .rejected(let error) = inbound { return error.code }
        return nil
    }

    @Test("invalid JSON is a parse error")
    func invalidJSON() {
        #expect(self.rejection(self.parse(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#)) == -32700)
    }

    @Test("invalid UTF-8 is a parse error")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"jsonrpc":"2.0","method":""#.utf8) + [0xC3, 0x28] + Array(#"","id":1}"#.utf8)
        guard case .rejected(let error) = RPCMessageParser.parse(Data(bytes)) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(error.code == -32700)
    }

    @Test("a request object with a non-string method is an invalid request with id null")
    func invalidRequestObject() {
        guard case .single(.invalid(let error, let id)) = self.parse(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#)
        else {
            Issue.record("expected an invalid entry")
            return
        }
        #expect(error.code == -32600)
        #expect(id == .null)
    }

    @Test("a batch that is invalid JSON is a parse error")
    func invalidBatchJSON() {
        let text = #"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},{"jsonrpc": "2.0", "method""#
        #expect(self.rejection(self.parse(text)) == -32700)
    }

    @Test("an empty batch is one invalid-request error")
    func emptyBatch() {
        #expect(self.rejection(self.parse("[]")) == -32600)
    }

    @Test("a batch of one non-object is one error in an array")
    func invalidBatchOfOne() {
        guard case .batch(let entries) = self.parse("[1]") else {
            Issue.record("expected a batch")
            return
        }
        #expect(entries.count == 1)
        if case .invalid(let error, let id) = entries[0] {
            #expect(error.code == -32600)
            #expect(id == .null)
        } else {
            Issue.record("expected an invalid entry")
        }
    }

    @Test("a batch of three non-objects is three errors")
    func invalidBatch() {
        guard case .batch(let entries) = self.parse("[1,2,3]") else {
            Issue.record("expected a batch")
            return
        }
        #expect(entries.count == 3)
        for entry in entries {
            guard case .invalid(let error, _) = entry else {
                Issue.record("expected an invalid entry")
                continue
            }
            #expect(error.code == -32600)
        }
    }

    @Test("a mixed batch keeps requests, notifications and invalid entries apart")
    func mixedBatch() {
        let text = """
            [
              {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
              {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
              {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
              {"foo": "boo"},
              {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
              {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
            ]
            """
        guard case .batch(let entries) = self.parse(text) else {
            Issue.record("expected a batch")
            return
        }
        #expect(entries.count == 6)
        var requests: [RPCRequest] = []
        var invalid = 0
        for entry in entries {
            switch entry {
            case .request(let request): requests.append(request)
            case .invalid: invalid += 1
            }
        }
        #expect(invalid == 1)
        #expect(requests.filter(\.isNotification).map(\.method) == ["notify_hello"])
        #expect(requests.compactMap(\.id) == [.string("1"), .string("2"), .string("5"), .string("9")])
    }

    @Test("the version member must be exactly \"2.0\"")
    func version() {
        guard case .single(.invalid(let error, let id)) = self.parse(#"{"jsonrpc": "1.0", "method": "x", "id": 3}"#) else {
            Issue.record("expected an invalid entry")
            return
        }
        #expect(error.code == -32600)
        #expect(id == .integer(3))
    }

    @Test("an integer id is echoed as an integer")
    func integerID() throws {
        let data = try RPCResponseWriter.success(id: .integer(7), result: ["ok": true] as JSONValue)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""id":7"#))
        #expect(!text.contains("7.0"))
    }

    private func params(of text: String, batch: Bool) throws -> RPCParams {
        let inbound = self.parse(batch ? "[\(text)]" : text)
        switch inbound {
        case .single(.request(let request)) where !batch: return request.params
        case .batch(let entries) where batch:
            if case .request(let request) = entries[0] { return request.params }
        default: break
        }
        throw RPCError.internalError
    }

    @Test("params of the wrong type are refused naming the field, the same from a frame and from a batch", arguments: [false, true])
    func paramsDecoding(batch: Bool) throws {
        let wrongType = try self.params(of: #"{"jsonrpc":"2.0","method":"events.read","params":{"after":"yesterday"},"id":1}"#, batch: batch)
        do {
            _ = try wrongType.decode(FeedInterface.Read.Params.self)
            Issue.record("a string cursor was accepted")
        } catch let error as RPCError {
            #expect(error.code == -32602)
            #expect(error.data?["reason"]?.stringValue == "after must be an integer")
        }
        let missing = try self.params(of: #"{"jsonrpc":"2.0","method":"events.read","params":{},"id":1}"#, batch: batch)
        do {
            _ = try missing.decode(FeedInterface.Read.Params.self)
            Issue.record("a missing field was accepted")
        } catch let error as RPCError {
            #expect(error.code == -32602)
            #expect(error.data?["reason"]?.stringValue == "after is required")
        }
        let good = try self.params(of: #"{"jsonrpc":"2.0","method":"events.read","params":{"after":5,"_meta":{"operator":"陈"}},"id":1}"#, batch: batch)
        #expect(try good.decode(FeedInterface.Read.Params.self).after == 5)
    }

    @Test("the operator in params._meta is read on both paths", arguments: [false, true])
    func meta(batch: Bool) {
        let text = #"{"jsonrpc":"2.0","method":"system.health","params":{"_meta":{"operator":"陈晟颖","requestId":"r-9"}},"id":1}"#
        let inbound = self.parse(batch ? "[\(text)]" : text)
        var request: RPCRequest? = nil
        if case .single(.request(let single)) = inbound { request = single }
        if case .batch(let entries) = inbound, case .request(let first) = entries[0] { request = first }
        #expect(request?.meta == RequestMeta(operator: "陈晟颖", requestId: "r-9"))
    }
}
