import Foundation
import Shared
import Testing
import TestSupport

/// Introductions (对接记录) and the statistics staff report.
@Suite("Introductions and statistics", .serialized)
struct IntroductionTests {
    @Test("an introduction moves along its funnel step by step, time-stamped, and the counts follow")
    func funnel() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        defer { Task { await client.close() } }

        let form = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()))
        let line = #"{"externalId":"IIA-7","name":"Negev Water Labs","country":"IL","kind":"institute","expertise":"Desalination membranes","source":"iia-2025"}"#
        _ = try await client.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: line))
        let partner = try #require(try await client.call(RegistryInterface.PartnersList.self, .init()).partners.first)

        var introduction = try await client.call(
            RegistryInterface.IntroductionsCreate.self, .init(formId: form.id, partnerId: partner.id, note: "膜技术匹配"),
            meta: RequestMeta(operator: "陈晟颖"))
        #expect(introduction.status == .proposed)
        await #expect(throws: RPCError.self) {
            try await client.call(RegistryInterface.IntroductionsCreate.self, .init(formId: form.id, partnerId: partner.id))
        }
        do {
            _ = try await client.call(
                RegistryInterface.IntroductionsUpdate.self, .init(id: introduction.id, revision: 1, status: .funded))
            Issue.record("skipped straight to funded")
        } catch let error as RPCError {
            #expect(error.code == -32003)
            #expect(error.data?["reason"]?.stringValue?.contains("introduced") == true)
        }
        for status in [IntroductionStatus.introduced, .accepted, .applied, .funded] {
            introduction = try await client.call(
                RegistryInterface.IntroductionsUpdate.self,
                .init(id: introduction.id, revision: introduction.revision, status: status))
        }
        #expect(introduction.status == .funded)
        #expect(introduction.history.map(\.status) == [.proposed, .introduced, .accepted, .applied, .funded])
        #expect(introduction.history.first?.by == "陈晟颖")
        #expect(introduction.history.allSatisfy { Timestamp.date(from: $0.at) != nil })
        await #expect(throws: RPCError.self) {
            try await client.call(
                RegistryInterface.IntroductionsUpdate.self, .init(id: introduction.id, revision: 5, status: .declined))
        }

        let summary = try await client.call(RegistryInterface.StatsSummary.self, .init())
        #expect(summary.formsByStatus == ["submitted": 1])
        #expect(summary.formsByCountry == ["IL": 1, "FI": 1])
        #expect(summary.formsByArea == ["水处理": 1])
        #expect(summary.partnersByCountry == ["IL": 1])
        #expect(summary.introductionsByStatus == ["funded": 1])
        #expect(summary.callsByDeadlineState == ["closed": 2, "to_be_agreed": 5])
        #expect(summary.formsByCall == ["2025-IL": 1, "2025-FI": 1])
        let month = String(Timestamp.string(from: Date().addingTimeInterval(8 * 3_600)).prefix(7))
        #expect(summary.formsByMonth == [month: 1])
        // By period: a year long past counts no form; a bad day is named.
        let past = try await client.call(RegistryInterface.StatsSummary.self, .init(from: "2020-01-01", to: "2020-12-31"))
        #expect(past.formsByStatus.isEmpty && past.formsByCall == [:])
        #expect(past.partnersByCountry == ["IL": 1], "partners are counted whatever the period")
        await #expect(throws: RPCError.self) {
            try await client.call(RegistryInterface.StatsSummary.self, .init(from: "2026-02-30"))
        }

        let listed = try CLIRun.lingyan(["intro", "list", "--status", "funded"], home: home)
        #expect(listed.status == 0)
        #expect(listed.standardOutput.contains(introduction.id))
        let stats = try CLIRun.lingyan(["stats", "--lang", "zh"], home: home)
        #expect(stats.status == 0)
        #expect(stats.standardOutput.contains("水处理"))
        #expect(stats.standardOutput.contains("需求表（按计划）") && stats.standardOutput.contains("2025-IL"))
        let csvPath = "\(home.path)/stats.csv"
        let exported = try CLIRun.lingyan(["stats", "--lang", "en", "--from", "2000-01-01", "--to", "2099-12-31", "--csv", csvPath], home: home)
        #expect(exported.status == 0, "\(exported.standardError)")
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(csv.hasPrefix("WHAT,BY,COUNT\n"), "\(csv)")
        #expect(csv.contains("forms by call,2025-IL,1") && csv.contains("forms by area,水处理,1"), "\(csv)")
        let bad = try CLIRun.lingyan(["stats", "--from", "2026-13-01"], home: home)
        #expect(bad.status == 65, "\(bad.standardError)")
    }
}
