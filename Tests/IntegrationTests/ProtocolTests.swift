import Foundation
import Shared
import Testing
import TestSupport

/// JSON-RPC 2.0 as the specification writes it, over a real service's socket.
@Suite("JSON-RPC over the socket", .serialized)
struct ProtocolTests {
    private func withRegistry(_ body: (TestHome) async throws -> Void) async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        try await body(home)
        #expect(registry.isRunning)
    }

    private func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }

    private func code(_ value: Any?) -> Int? { self.object(self.object(value)?["error"])?["code"] as? Int }

    @Test("a call on a connection whose service was killed fails at once instead of waiting")
    func callAfterPeerDied() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        registry.signal(SIGKILL)
        _ = await registry.waitForExit()
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        await #expect(throws: RPCClientError.self) {
            _ = try await client.call(CommonInterface.Health.self, timeout: .seconds(60))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("an unknown method is -32601 with the request's id")
    func unknownMethod() async throws {
        try await self.withRegistry { home in
            let socket = try RawSocket(path: home.socket("registry"))
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"foobar","id":"1"}"#)
            let response = self.object(socket.readJSON())
            #expect(self.code(response) == -32601)
            #expect(response?["id"] as? String == "1")
        }
    }

    @Test("invalid JSON gets -32700 with id null, and the connection stays usable")
    func parseErrorKeepsConnection() async throws {
        try await self.withRegistry { home in
            let socket = try RawSocket(path: home.socket("registry"))
            socket.sendFrame(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#)
            let error = self.object(socket.readJSON())
            #expect(self.code(error) == -32700)
            #expect(error?["id"] is NSNull)
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"system.health","id":2}"#)
            let health = self.object(socket.readJSON())
            #expect(self.object(health?["result"])?["service"] as? String == "registry")
            #expect(health?["id"] as? Int == 2)
        }
    }

    @Test("a notification is never answered, even for an unknown method")
    func notificationsUnanswered() async throws {
        try await self.withRegistry { home in
            let socket = try RawSocket(path: home.socket("registry"))
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"system.health"}"#)
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"no.such.method"}"#)
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"system.health","id":"after"}"#)
            #expect(self.object(socket.readJSON())?["id"] as? String == "after")
        }
    }

    @Test("batches: empty, invalid, mixed, and all-notification")
    func batches() async throws {
        try await self.withRegistry { home in
            let socket = try RawSocket(path: home.socket("registry"))

            socket.sendFrame("[]")
            let empty = self.object(socket.readJSON())
            #expect(self.code(empty) == -32600)

            socket.sendFrame("[1,2,3]")
            let invalid = socket.readJSON() as? [Any]
            #expect(invalid?.count == 3)
            #expect(invalid?.allSatisfy { self.code($0) == -32600 } == true)

            socket.sendFrame("""
                [
                  {"jsonrpc": "2.0", "method": "system.health", "id": "1"},
                  {"jsonrpc": "2.0", "method": "system.health"},
                  {"foo": "boo"},
                  {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
                  {"jsonrpc": "2.0", "method": "events.read", "params": {"after": 1000000}, "id": "9"}
                ]
                """)
            let mixed = (socket.readJSON() as? [Any])?.compactMap { self.object($0) } ?? []
            #expect(mixed.count == 4)
            let byID = Dictionary(mixed.map { (($0["id"] as? String) ?? "null", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(self.object(byID["1"]?["result"])?["service"] as? String == "registry")
            #expect(self.code(byID["null"]) == -32600)
            #expect(self.code(byID["5"]) == -32601)
            #expect(self.object(byID["9"]?["result"])?["next"] as? Int == 1_000_000)

            socket.sendFrame(#"[{"jsonrpc":"2.0","method":"system.health"},{"jsonrpc":"2.0","method":"system.health"}]"#)
            socket.sendFrame(#"{"jsonrpc":"2.0","method":"system.health","id":"next"}"#)
            #expect(self.object(socket.readJSON())?["id"] as? String == "next")
        }
    }

    @Test("params of the wrong shape get -32602 naming the field")
    func invalidParams() async throws {
        try await self.withRegistry { home in
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            do {
                _ = try await client.call(method: "events.read", params: ["after": "yesterday"])
                Issue.record("accepted a string cursor")
            } catch let error as RPCError {
                #expect(error.code == -32602)
                #expect(error.data?["reason"]?.stringValue?.contains("after") == true)
            }
            do {
                _ = try await client.call(method: "events.read", params: ["after": 0, "limit": 5000])
                Issue.record("accepted limit 5000")
            } catch let error as RPCError {
                #expect(error.code == -32602)
            }
        }
    }

    @Test("pipelined requests on one connection are all answered and matched by id")
    func pipelining() async throws {
        try await self.withRegistry { home in
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            // A slow long-poll first, then fast calls: the fast ones must not wait behind it.
            async let slow = client.call(FeedInterface.Wait.self, .init(after: 1_000_000, timeoutMilliseconds: 1_000))
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await client.call(CommonInterface.Health.self).service }
                }
                for try await service in group { #expect(service == "registry") }
            }
            #expect(ContinuousClock.now - started < .milliseconds(900))
            #expect(try await slow.next == 1_000_000)
        }
    }

    @Test("a call with no answer inside its timeout fails with a time-out, and the connection stays usable")
    func clientTimeout() async throws {
        try await self.withRegistry { home in
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            do {
                _ = try await client.call(
                    FeedInterface.Wait.self, .init(after: 1_000_000, timeoutMilliseconds: 3_000), timeout: .milliseconds(200))
                Issue.record("a three-second long poll answered within 200 ms")
            } catch RPCClientError.timedOut(let method, _) {
                #expect(method == "events.wait")
            }
            #expect(try await client.call(CommonInterface.Health.self).service == "registry")
        }
    }
}
