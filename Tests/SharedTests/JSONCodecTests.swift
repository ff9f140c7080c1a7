import Foundation
import Testing

@testable import Shared

@Suite("JSON reader and writer")
struct JSONCodecTests {
    private func read(_ text: String) throws -> JSONValue {
        try JSONReader.read(Array(text.utf8))
    }

    @Test("RFC 8259 refusals", arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "'a'", "{a:1}", "[1 2]", "nul", "truex",
        "\"tab\there\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\x41\"", "\"\\u12g4\"", "1e400", "-1e400", "NaN", "[1]]",
        "{\"a\" 1}", "\"unterminated",
    ])
    func refusals(text: String) {
        #expect(throws: JSONReader.ReadError.self) { try self.read(text) }
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(throws: JSONReader.ReadError.self) { try JSONReader.read([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONReader.ReadError.self) { try JSONReader.read([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test("nesting is limited, and the limit itself is allowed")
    func depth() throws {
        let deepest = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        _ = try self.read(deepest)
        let deeper = "[" + deepest + "]"
        #expect(throws: JSONReader.ReadError.self) { try self.read(deeper) }
    }

    @Test("values, escapes and numbers read as JSON means them")
    func values() throws {
        #expect(try self.read(#" {"a": [1, -0, 1.5e3, 9223372036854775807, 9223372036854775808, true, false, null]} "#)
            == ["a": [1, .integer(0), .double(1500), .integer(Int64.max), .double(9.223372036854775808e18), true, false, .null]])
        #expect(try self.read(#""\u4e2d\u6587 \ud83d\ude00 \"\\\/\b\f\n\r\t""#) == .string("中文 😀 \"\\/\u{8}\u{c}\n\r\t"))
        #expect(try self.read(#""浙江省科学技术厅""#) == .string("浙江省科学技术厅"))
    }

    @Test("the writer's output reads back to the same value, and agrees with Foundation")
    func roundTrip() throws {
        let value: JSONValue = [
            "name": "浙江 \"quoted\" \\ back\nline\u{01}", "n": -42, "d": .double(0.1), "big": .double(1e300), "flag": false,
            "list": [.null, "x", ["nested": [1, 2]]], "url": "https://www.businessfinland.fi/en",
        ]
        let bytes = JSONWriter.bytes(value)
        #expect(try JSONReader.read(bytes) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) == value)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("https://www"))
        #expect(text.contains("\\u0001"))
        #expect(text.hasPrefix(#"{"big":"#))
    }

    @Test("Codable types encode and decode the same through Lingyan's codec and Foundation's")
    func codableAgreement() throws {
        let page = FeedInterface.Page.example
        let ours = try LingyanJSON.encode(page)
        #expect(try JSONDecoder().decode(FeedInterface.Page.self, from: Data(ours)) == page)
        let foundation = try JSONEncoder().encode(page)
        #expect(try LingyanJSON.decode(FeedInterface.Page.self, from: foundation) == page)
        let discover = CommonInterface.Discover.Result.example
        #expect(try LingyanJSON.decode(CommonInterface.Discover.Result.self, from: LingyanJSON.encode(discover)) == discover)
        let health = CommonInterface.Health.Result(
            service: "audit", version: "1", status: "ok", pid: 1, uptimeSeconds: 2, feedHead: nil,
            databaseSizeBytes: nil, startedAt: "t")
        let encoded = try LingyanJSON.string(health)
        #expect(!encoded.contains("feedHead"))
        #expect(try LingyanJSON.decode(CommonInterface.Health.Result.self, from: Array(encoded.utf8)) == health)
    }

    @Test("a decoding error names the path to the field that does not fit")
    func errorPaths() {
        let bad: JSONValue = ["events": [["seq": "one"]], "next": 1]
        do {
            _ = try JSONValueDecoder().decode(FeedInterface.Page.self, from: bad)
            Issue.record("decoded a string seq")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["events", "0", "seq"])
        } catch DecodingError.keyNotFound(let key, let context) {
            Issue.record("reported a missing \(key.stringValue) at \(context.codingPath) first")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(FeedInterface.Read.Params.self, from: ["after": .double(1.5)])
        }
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(CommonInterface.Actor.self, from: ["uid": -1, "pid": 1])
        }
    }

    @Test("events.wait takes its timeout as timeoutMilliseconds (the method table) or timeoutMs (DESIGN §6)")
    func waitTimeoutSpellings() throws {
        let long = try JSONValueDecoder().decode(FeedInterface.Wait.Params.self, from: ["after": 5, "timeoutMilliseconds": 250])
        let short = try JSONValueDecoder().decode(FeedInterface.Wait.Params.self, from: ["after": 5, "timeoutMs": 250])
        #expect(long == short && short.timeoutMilliseconds == 250 && short.after == 5)
        #expect(try JSONValueDecoder().decode(FeedInterface.Wait.Params.self, from: ["after": 0]).timeoutMilliseconds == nil)
    }
}
