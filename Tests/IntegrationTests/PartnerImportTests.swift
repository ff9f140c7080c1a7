import Foundation
import Shared
import Testing
import TestSupport

/// Partner profile imports through the socket and the CLI.
@Suite("Partner imports", .serialized)
struct PartnerImportTests {
    private func withRegistry(
        environment: [String: String] = [:], _ body: (TestHome, RPCClient) async throws -> Void
    ) async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home, environment: environment)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        try await body(home, client)
        await client.close()
    }

    private static let lines = [
        #"{"externalId":"BF-1","name":"Aqua Membranes Oy","country":"FI","city":"Espoo","kind":"company","expertise":"Reverse osmosis membranes for industrial water reuse","keywords":["water treatment","membranes"],"source":"bf-2025"}"#,
        #"{"externalId":"BF-2","name":"Nowhere Ltd","country":"Atlantis","kind":"company","expertise":"x","source":"bf-2025"}"#,
        #"{"externalId":"UK-1","name":"Derwent Composites Ltd","country":"United Kingdom","city":"Derby","kind":"company","expertise":"Carbon-fibre composites","keywords":"composites;aerospace","source":"midlands-2025"}"#,
        #"{"externalId":"BF-3","name":"No Expertise Oy","country":"FI","kind":"company","source":"bf-2025"}"#,
        #"{not json"#,
        #"{"externalId":"IL-1","name":"Negev Water Labs","country":"以色列","kind":"institute","expertise":"Desalination","source":"iia-2025","expiresOn":"2026-12-31"}"#,
    ]

    @Test("a dry run reports every bad line and stores nothing; the import stores the good ones; a re-import updates in place")
    func jsonLines() async throws {
        try await self.withRegistry { _, client in
            let content = Self.lines.joined(separator: "\n")
            let dry = try await client.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: content, dryRun: true))
            #expect(dry.accepted == 3)
            #expect(dry.rejected.map(\.line) == [2, 4, 5])
            #expect(dry.rejected[0].fields.map(\.path) == ["country"])
            #expect(dry.rejected[1].fields.map(\.path) == ["expertise"])
            #expect(try await client.call(RegistryInterface.PartnersList.self, .init()).partners.isEmpty)

            let imported = try await client.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: content))
            #expect(imported.created == 3)
            let partners = try await client.call(RegistryInterface.PartnersList.self, .init()).partners
            #expect(partners.count == 3)
            let uk = try #require(partners.first { $0.profile.externalId == "UK-1" })
            #expect(uk.profile.country == "GB")
            #expect(uk.profile.region == "Derbyshire")
            #expect(uk.profile.keywords == ["composites", "aerospace"])
            #expect(partners.first { $0.profile.externalId == "IL-1" }?.profile.country == "IL")

            let changed = Self.lines[0].replacingOccurrences(of: "Espoo", with: "Helsinki")
            let again = try await client.call(
                RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: ([changed] + Self.lines.dropFirst()).joined(separator: "\n")))
            #expect(again.created == 0)
            #expect(again.updated == 1)
            let helsinki = try await client.call(RegistryInterface.PartnersGet.self, .init(id: partners.first { $0.profile.externalId == "BF-1" }!.id))
            #expect(helsinki.profile.city == "Helsinki")
            #expect(helsinki.revision == 2)
            #expect(try await client.call(RegistryInterface.PartnersList.self, .init(country: "Finland")).partners.count == 1)

            let events = try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 100)).events
            #expect(events.map(\.type) == ["partner.imported", "partner.imported", "partner.imported", "partner.updated"])
        }
    }

    @Test("a large CSV goes through the CLI in pieces under the frame limit, with bad records named by line")
    func csvInPieces() async throws {
        let limit = ["LINGYAN_MAX_FRAME_BYTES": "4096"]
        try await self.withRegistry(environment: limit) { home, client in
            var rows = ["externalId,name,country,region,city,kind,expertise,offers,seeks,keywords,source,expiresOn"]
            for index in 1...300 {
                let country = index == 150 ? "Narnia" : (index % 2 == 0 ? "FI" : "Norway")
                rows.append("N-\(index),\"Partner \(index), AS\",\(country),,Oslo,company,\"Green shipping technology, batch \(index)\",,,maritime;hydrogen,in-2025,2027-01-31")
            }
            let file = "\(home.path)/partners.csv"
            try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let run = try CLIRun.lingyan(["partners", "import", file], home: home, environment: limit)
            #expect(run.status == 65, "\(run.standardOutput)\(run.standardError)")
            #expect(run.standardOutput.contains("299 lines accepted"))
            #expect(run.standardOutput.contains("line 151: country"))
            #expect(run.standardError.contains("300/300 lines"))
            var count = 0
            var after: String? = nil
            repeat {
                let page = try await client.call(RegistryInterface.PartnersList.self, .init(limit: 100, after: after))
                count += page.partners.count
                after = page.next
            } while after != nil
            #expect(count == 299)
            let shown = try await client.call(RegistryInterface.PartnersList.self, .init(country: "NO", limit: 1)).partners.first
            #expect(shown?.profile.name.hasPrefix("Partner ") == true)
            #expect(shown?.profile.name.hasSuffix(", AS") == true)
        }
    }
}
