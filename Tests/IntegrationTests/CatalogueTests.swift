import Foundation
import Shared
import Testing
import TestSupport

/// The programme catalogue through the registry's socket and the CLI.
@Suite("Programme catalogue", .serialized)
struct CatalogueTests {
    private func withRegistry(now: String? = nil, _ body: (TestHome, RPCClient) async throws -> Void) async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home, environment: now.map { ["LINGYAN_NOW": $0] } ?? [:])
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        try await body(home, client)
        await client.close()
    }

    private func states(_ client: RPCClient) async throws -> [String: DeadlineState] {
        let calls = try await client.call(RegistryInterface.CallsList.self, .init()).calls
        return Dictionary(uniqueKeysWithValues: calls.map { ($0.id, $0.deadlineState!) })
    }

    @Test("the 2025 notice's seven calls load on first start, with the notice's deadlines, areas and agencies")
    func defaultCatalogue() async throws {
        try await self.withRegistry { _, client in
            let calls = try await client.call(RegistryInterface.CallsList.self, .init(year: 2025)).calls
            #expect(calls.map(\.id).sorted() == ["2025-BE-VWV", "2025-F500-RND", "2025-FI", "2025-GB-MIDLANDS", "2025-IL", "2025-NO", "2025-SG"])
            let byID = Dictionary(uniqueKeysWithValues: calls.map { ($0.id, $0) })
            #expect(byID["2025-FI"]?.deadline == "2024-09-25")
            #expect(byID["2025-IL"]?.deadline == "2024-10-30")
            #expect(byID["2025-NO"]?.deadline == nil)
            #expect(byID["2025-IL"]?.priorityAreas.map(\.textZh).contains("水处理") == true)
            #expect(byID["2025-IL"]?.authority?.nameEn == "Israel Innovation Authority")
            #expect(byID["2025-FI"]?.yangtzeRiverDeltaPreferred == true)
            #expect(byID["2025-SG"]?.yangtzeRiverDeltaPreferred == true)
            #expect(byID["2025-SG"]?.universitiesEncouraged == true)
            #expect(byID["2025-GB-MIDLANDS"]?.eligibleRegions.count == 11)
            #expect(byID["2025-GB-MIDLANDS"]?.category == .intergovernmental)
            #expect(byID["2025-F500-RND"]?.requirements.map(\.rule).contains("ip_agreement_signed") == true)
            #expect(calls.allSatisfy { $0.rules == .standard && $0.revision == 1 })

            // Today is later than every fixed 2025 deadline.
            let states = try await self.states(client)
            #expect(states["2025-FI"] == .closed)
            #expect(states["2025-IL"] == .closed)
            #expect(states["2025-NO"] == .toBeAgreed)
            #expect(states["2025-GB-MIDLANDS"] == .toBeAgreed)

            let page = try await client.call(FeedInterface.Read.self, .init(after: 0, limit: 100))
            #expect(page.events.count == 7)
            #expect(page.events.allSatisfy { $0.type == "call.updated" && $0.entity.hasPrefix("call:2025-") })
            #expect(page.events.first?.actor.operator == "default catalogue 2025")
        }
    }

    @Test("deadline states follow the injected clock, and the deadline day itself is open until midnight in Hangzhou")
    func deadlineStates() async throws {
        try await self.withRegistry(now: "2024-09-25T15:59:00Z") { _, client in
            let states = try await self.states(client)
            #expect(states["2025-FI"] == .open)
            #expect(states["2025-IL"] == .open)
            let open = try await client.call(RegistryInterface.CallsList.self, .init(deadlineState: .open)).calls
            #expect(Set(open.map(\.id)) == ["2025-FI", "2025-IL"])
        }
        try await self.withRegistry(now: "2024-09-25T16:00:00Z") { _, client in
            let states = try await self.states(client)
            #expect(states["2025-FI"] == .closed)
            #expect(states["2025-IL"] == .open)
        }
    }

    @Test("upsert adds next year's call, refuses a stale revision, and explains every bad field without writing")
    func upsert() async throws {
        try await self.withRegistry { home, client in
            var call = try await client.call(RegistryInterface.CallsGet.self, .init(id: "2025-FI"))
            call.id = "2026-FI"
            call.year = 2026
            call.deadline = "2027-03-31"
            let added = try await client.call(RegistryInterface.CallsUpsert.self, .init(call: call), meta: RequestMeta(operator: "陈可宝"))
            #expect(added.revision == 1)
            await #expect(throws: RPCError.self) {
                try await client.call(RegistryInterface.CallsUpsert.self, .init(call: call))
            }
            call.deadline = "2027-04-30"
            #expect(try await client.call(RegistryInterface.CallsUpsert.self, .init(call: call, revision: 1)).revision == 2)
            do {
                _ = try await client.call(RegistryInterface.CallsUpsert.self, .init(call: call, revision: 1))
                Issue.record("a stale revision was accepted")
            } catch let error as RPCError {
                #expect(error.code == -32003)
            }
            let fetched = try await client.call(RegistryInterface.CallsGet.self, .init(id: "2026-FI"))
            #expect(fetched.deadline == "2027-04-30")
            #expect(fetched.deadlineState == .open)

            var bad = call
            bad.id = "2026 finland"
            bad.deadline = "2026-02-30"
            bad.titleZh = " "
            bad.country = "Finland"
            do {
                _ = try await client.call(RegistryInterface.CallsUpsert.self, .init(call: bad))
                Issue.record("a bad call was accepted")
            } catch let error as RPCError {
                #expect(error.code == -32004)
                guard case .array(let fields)? = error.data?["fields"] else {
                    Issue.record("no fields in \(error)")
                    return
                }
                let paths = Set(fields.compactMap { $0["path"]?.stringValue })
                #expect(paths == ["call.id", "call.deadline", "call.titleZh", "call.country"])
                #expect(fields.allSatisfy { $0["messageZh"]?.stringValue?.isEmpty == false && $0["messageEn"]?.stringValue?.isEmpty == false })
            }
            #expect(try await client.call(RegistryInterface.CallsList.self, .init()).calls.count == 8)
            let events = try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 100)).events
            #expect(events.map(\.entity) == ["call:2026-FI", "call:2026-FI"])
            #expect(events.first?.actor.operator == "陈可宝")

            let missing = try CLIRun.lingyan(["calls", "show", "2030-XX"], home: home)
            #expect(missing.status == 65)
            #expect(missing.standardError.contains("2030-XX"))
        }
    }

    @Test("a restart keeps changed calls and does not load the defaults again")
    func restartKeepsCatalogue() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let first = try ServiceProcess(.registry, home: home)
        _ = try await first.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        var call = try await client.call(RegistryInterface.CallsGet.self, .init(id: "2025-NO"))
        call.deadline = "2025-12-31"
        _ = try await client.call(RegistryInterface.CallsUpsert.self, .init(call: call, revision: 1))
        await client.close()
        first.signal(SIGTERM)
        #expect(await first.waitForExit() == 0)

        let second = try ServiceProcess(.registry, home: home)
        defer { Task { await second.terminate() } }
        _ = try await second.waitUntilHealthy()
        let again = try await RPCClient.connect(socketPath: home.socket("registry"))
        let calls = try await again.call(RegistryInterface.CallsList.self, .init()).calls
        #expect(calls.count == 7)
        #expect(calls.first { $0.id == "2025-NO" }?.deadline == "2025-12-31")
        #expect(calls.first { $0.id == "2025-NO" }?.revision == 2)
        #expect(try await again.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events.count == 8)
        await again.close()
    }

    @Test("lingyan calls list shows the catalogue with Chinese names, aligned")
    func cliList() async throws {
        try await self.withRegistry(now: "2024-10-01T00:00:00Z") { home, _ in
            let run = try CLIRun.lingyan(["calls", "list"], home: home)
            #expect(run.status == 0)
            let lines = run.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.count == 8)
            #expect(run.standardOutput.contains("以色列创新署"))
            // The STATE column starts at the same terminal column on every line, Chinese authority names and all.
            let starts = lines.dropFirst().compactMap { line -> Int? in
                guard let state = line.range(of: " (open|closed|to_be_agreed) ", options: .regularExpression) else { return nil }
                return Self.displayWidth(line[..<state.lowerBound])
            }
            #expect(starts.count == 7)
            #expect(Set(starts).count == 1)
            let json = try CLIRun.lingyan(["calls", "list", "--state", "open", "--json"], home: home)
            #expect(json.status == 0)
            #expect(json.standardOutput.contains(#""id" : "2025-IL""#))
            #expect(!json.standardOutput.contains(#""id" : "2025-FI""#))
        }
    }

    /// Terminal columns of text: CJK and full-width characters take two.
    private static func displayWidth(_ text: Substring) -> Int {
        text.reduce(0) { total, character in
            let value = character.unicodeScalars.first!.value
            let wide = (0x2E80...0x9FFF).contains(value) || (0xFF00...0xFF60).contains(value) || (0xAC00...0xD7A3).contains(value)
            return total + (wide ? 2 : 1)
        }
    }
}
