import Foundation
import Shared
import Testing
import TestSupport

/// Each request the contract fuzzer found that killed a service or answered -32603, kept as it was sent.
@Suite("Crash regressions", .serialized)
struct CrashRegressionTests {
    /// A request and the answer it must now get.
    struct Case: Sendable, CustomStringConvertible {
        var service: ServiceName
        var method: String
        var params: JSONValue
        /// The error code expected, or nil for a result.
        var code: RPCErrorCode?
        /// A field the error must name.
        var field: String?
        var description: String { "\(self.method) (\(self.field ?? "result"))" }
    }

    private static func plan(requested: JSONValue, rdSpend: JSONValue) -> JSONValue {
        [
            "callId": "2025-FI", "leadOrganization": ["kind": "zj_enterprise", "uscc": "91330100799655058B"],
            "partner": ["country": "FI", "kind": "foreign_company"], "durationMonths": 36,
            "requestedFundingRmb": requested, "rdSpendRmb": rdSpend,
        ]
    }

    static let cases: [Case] = [
        // The 20 % rule multiplied the amounts: an overflow trapped the registry.
        Case(service: .registry, method: "applications.check", params: Self.plan(requested: .integer(100_000_000_000_000_000), rdSpend: 7_500_000),
             code: .validationFailed, field: "requestedFundingRmb"),
        Case(service: .registry, method: "applications.check", params: Self.plan(requested: 1_000_000, rdSpend: .integer(Int64.max)),
             code: .validationFailed, field: "rdSpendRmb"),
        // The first line number of an import piece plus the line's offset overflowed.
        Case(service: .registry, method: "partners.import",
             params: ["format": "jsonl", "content": "{}", "dryRun": true, "firstLine": .integer(Int64.max)],
             code: .validationFailed, field: "firstLine"),
        Case(service: .registry, method: "forms.import",
             params: ["format": "jsonl", "content": "{}", "dryRun": true, "firstLine": .integer(Int64.max)],
             code: .validationFailed, field: "firstLine"),
        // A country that is not a code became full-text query syntax: -32603.
        Case(service: .matching, method: "matches.partners",
             params: ["form": try! JSONValueEncoder().encode(FormTests.form()), "country": "\"unbalanced NEAR(a b * AND OR NOT ^"],
             code: .validationFailed, field: "country"),
    ]

    @Test("every request that once brought a service down is answered as declared, and every service stays up")
    func replay() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let cluster = try await LingyanProcesses(home: home)
        for entry in Self.cases {
            let client = try await cluster.client(entry.service)
            do {
                _ = try await client.call(method: entry.method, params: entry.params)
                #expect(entry.code == nil, "\(entry) was accepted")
            } catch let error as RPCError {
                #expect(error.code == entry.code?.rawValue, "\(entry): \(error)")
                if let field = entry.field {
                    #expect(((try? LingyanJSON.string(error.data ?? .null)) ?? "").contains(field), "\(entry) names \(field)")
                }
            }
            await client.close()
            for service in ServiceName.allCases { #expect(cluster[service].isRunning, "\(service) still running after \(entry)") }
        }
        await cluster.terminateAll()
    }

    @Test("a form whose contact alone changes is updated, and the event names only the contact section")
    func contactOnlyUpdate() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()))
        var changed = FormTests.form()
        changed.contact.name = "李娜"
        let updated = try await client.call(
            RegistryInterface.FormsUpdate.self, .init(id: submitted.id, revision: submitted.revision, form: changed))
        #expect(updated.revision == submitted.revision + 1)
        let events = try await client.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events
        let update = try #require(events.last { $0.type == "form.updated" })
        #expect(update.data["sections"] == ["contact"])
        #expect(!(try LingyanJSON.string(update.data)).contains("李娜"), "the contact's name stays out of the feed")
        await client.close()
        #expect(registry.isRunning)
        await registry.terminate()
    }
}
