import Foundation
import Shared
import Testing
import TestSupport

/// Matching through real processes: the index follows the registry's feed, programmes and partners are ranked with
/// reasons, a Chinese need finds English profiles through shared concepts, and alerts come once per pair.
@Suite("Matching", .serialized)
struct MatchingFlowTests {
    static let profiles = [
        #"{"externalId":"il-aqua","name":"AquaMem Ltd.","country":"IL","kind":"company","expertise":"Reverse osmosis membranes for seawater desalination and industrial wastewater reuse; pilot plants in the Negev","source":"Israel Innovation Authority"}"#,
        #"{"externalId":"il-cyber","name":"ShieldOT","country":"IL","kind":"company","expertise":"Cybersecurity for industrial control systems and SCADA networks","source":"Israel Innovation Authority"}"#,
        #"{"externalId":"fi-volt","name":"Voltcell Oy","country":"FI","kind":"company","expertise":"Li-ion cells and battery management systems for grid energy storage","source":"Business Finland"}"#,
        #"{"externalId":"fi-water","name":"PureWater Research Finland","country":"FI","kind":"institute","expertise":"Water purification, membrane filtration and drinking water quality research","source":"Business Finland"}"#,
        #"{"externalId":"gb-mat","name":"Coventry Composites Ltd","country":"GB","region":"Warwickshire","kind":"company","expertise":"Advanced composite materials and carbon fibre for automotive lightweighting","source":"Midlands Engine"}"#,
        #"{"externalId":"gb-brum","name":"Birmingham Polymers","country":"GB","city":"Birmingham","kind":"company","expertise":"Advanced composite materials and polymers","source":"Midlands Engine"}"#,
    ].joined(separator: "\n")

    static func need(
        area: String, description: String, countries: [String], expertise: String = "联合研发",
        contribution: String = "技术合作"
    ) -> PartnerSearchForm {
        var form = FormTests.form(countries: countries)
        form.project = ProjectDetails(technicalArea: area, description: description)
        form.partner.expertiseSought = expertise
        form.partner.contributionSought = contribution
        form.organization.businessAndProducts = "研发与生产"
        return form
    }

    /// Registry and matching; alerts from a score of 0.3, so that the small set here raises some.
    private func start(_ home: TestHome, now: String? = nil) async throws -> (ServiceProcess, ServiceProcess) {
        var environment = ["LINGYAN_MATCH_ALERT_THRESHOLD": "0.3"]
        if let now { environment["LINGYAN_NOW"] = now }
        let registry = try ServiceProcess(.registry, home: home, environment: environment)
        let matching = try ServiceProcess(.matching, home: home, environment: environment)
        _ = try await registry.waitUntilHealthy()
        _ = try await matching.waitUntilHealthy()
        return (registry, matching)
    }

    @Test("the Yangtze River Delta preference goes to a need that teams up with Delta units, not to every Zhejiang form")
    func yangtzeRiverDeltaPreference() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (registry, matching) = try await self.start(home, now: "2024-09-01T00:00:00Z")
        defer { Task { await registry.terminate(); await matching.terminate() } }
        let client = try await RPCClient.connect(socketPath: home.socket("matching"))
        let alone = Self.need(area: "医疗健康", description: "面向老年慢病管理的远程医疗平台", countries: ["FI"])
        let together = Self.need(area: "医疗健康", description: "与上海交通大学医学院联合开发老年慢病远程医疗平台", countries: ["FI"])
        #expect(try await eventually(timeout: .seconds(5)) { try await client.call(MatchingInterface.Programs.self, .init(form: alone)).results.count == 7 })
        let finlandAlone = try #require(try await client.call(MatchingInterface.Programs.self, .init(form: alone)).results.first { $0.callId == "2025-FI" })
        let finlandTogether = try #require(try await client.call(MatchingInterface.Programs.self, .init(form: together)).results.first { $0.callId == "2025-FI" })
        #expect(finlandAlone.parts["yrd"] == 0)
        #expect(finlandAlone.hints.contains { $0.code == "yrd_preference" })
        #expect((finlandTogether.parts["yrd"] ?? 0) > 0)
        #expect(finlandTogether.reasons.contains { $0.code == "yrd_preference" })
        await client.close()
    }

    @Test("each of the seven calls comes first for a need written for it, with reasons; a closed call comes last and says why")
    func programmeRanking() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (registry, matching) = try await self.start(home, now: "2024-09-01T00:00:00Z")
        defer { Task { await registry.terminate(); await matching.terminate() } }
        let client = try await RPCClient.connect(socketPath: home.socket("matching"))
        let cases: [(String, PartnerSearchForm)] = [
            ("2025-FI", Self.need(area: "医疗健康", description: "面向老年慢病管理的远程医疗平台", countries: ["FI"])),
            ("2025-IL", Self.need(area: "水处理", description: "工业废水回用的抗污染反渗透膜组件", countries: ["IL"])),
            ("2025-NO", Self.need(area: "绿色技术", description: "船舶行业可持续解决方案", countries: ["NO"])),
            ("2025-SG", Self.need(area: "科技金融", description: "面向中小企业的供应链金融科技平台", countries: ["SG"])),
            ("2025-BE-VWV", Self.need(area: "循环经济", description: "废旧纺织品回收再利用", countries: ["BE"])),
            ("2025-GB-MIDLANDS", Self.need(area: "数字文创", description: "游戏与动画内容制作", countries: ["GB"])),
            ("2025-F500-RND", Self.need(area: "智能制造", description: "与跨国公司在华研发中心合作开发工业软件", countries: ["CN"])),
        ]
        for (expected, form) in cases {
            #expect(try await eventually(timeout: .seconds(5)) { try await client.call(MatchingInterface.Programs.self, .init(form: form)).results.count == 7 })
            let result = try await client.call(MatchingInterface.Programs.self, .init(form: form))
            #expect(result.results.first?.callId == expected, "\(expected): \(result.results.map { "\($0.callId) \($0.score)" })")
            for match in result.results {
                #expect(!match.reasons.isEmpty || !match.hints.isEmpty, "\(match.callId) has no explanation")
            }
        }
        let water = try await client.call(MatchingInterface.Programs.self, .init(form: cases[1].1))
        let israel = try #require(water.results.first)
        #expect(israel.reasons.contains { $0.en.contains("is among Israel's priorities") && $0.zh.contains("水处理") })
        #expect(israel.parts["country"] == 40)
        // A need with no country still gets every call ranked.
        var open = cases[1].1
        open.partner.countries = []
        #expect(try await client.call(MatchingInterface.Programs.self, .init(form: open)).results.count == 7)
        // On 2024-09-26 Finland's deadline has passed: it is listed last and says why.
        await registry.terminate()
        await matching.terminate()
        let (later, laterMatching) = try await self.start(home, now: "2024-09-26T08:00:00Z")
        defer { Task { await later.terminate(); await laterMatching.terminate() } }
        let again = try await RPCClient.connect(socketPath: home.socket("matching"))
        let finland = try await again.call(MatchingInterface.Programs.self, .init(form: cases[0].1))
        #expect(finland.results.last?.callId == "2025-FI")
        #expect(finland.results.last?.deadlineState == .closed)
        #expect(finland.results.last?.hints.contains { $0.en == "deadline passed on 2024-09-25" } == true)
        // Israel lists no health care; the hint says where it is a priority.
        let israelHints = finland.results.first { $0.callId == "2025-IL" }?.hints ?? []
        #expect(israelHints.contains { $0.code == "priority_elsewhere" && $0.en.contains("Finland's priorities") }, "\(israelHints)")
    }

    @Test("a Chinese need finds English profiles through shared concepts, by country; GB partners only in the 11 counties; one alert per pair")
    func partnersAndAlerts() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (registry, matching) = try await self.start(home)
        defer { Task { await registry.terminate(); await matching.terminate() } }
        let registryClient = try await RPCClient.connect(socketPath: home.socket("registry"))
        let client = try await RPCClient.connect(socketPath: home.socket("matching"))
        _ = try await registryClient.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: Self.profiles))

        let form = Self.need(
            area: "水处理", description: "开发适用于工业废水回用的抗污染反渗透膜组件，并开展海水淡化中试", countries: ["IL", "FI"],
            expertise: "膜材料研发能力")
        let submitted = try await registryClient.call(RegistryInterface.FormsSubmit.self, .init(form: form))
        _ = try await registryClient.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish))

        var result = try await client.call(MatchingInterface.Partners.self, .init(formId: submitted.id))
        #expect(try await eventually(timeout: .seconds(5)) {
            result = try await client.call(MatchingInterface.Partners.self, .init(formId: submitted.id))
            return result.results.count >= 2
        })
        let names = result.results.map(\.name)
        #expect(names.first == "AquaMem Ltd.", "\(result.results.map { "\($0.name) \($0.score)" })")
        #expect(names.contains("PureWater Research Finland"))
        #expect(!names.contains("Voltcell Oy") || names.firstIndex(of: "Voltcell Oy")! > names.firstIndex(of: "PureWater Research Finland")!)
        #expect(Set(result.results.map(\.country)).isSubset(of: ["IL", "FI"]))
        let best = try #require(result.results.first)
        #expect(best.sharedConcepts.map(\.id).contains("desalination"))
        // Shared words as a reader writes them, from the labels of the need's fields: "desalination", not "desalin".
        #expect(best.matchedTerms.contains("desalination"), "\(best.matchedTerms)")
        #expect(!best.matchedTerms.contains("desalin") && !best.matchedTerms.contains("membran"), "\(best.matchedTerms)")
        #expect(best.reasons.contains { $0.code == "shared_concepts" })

        // Only the country asked for; the UK's partners only in the Midlands Engine's counties.
        let israelOnly = try await client.call(MatchingInterface.Partners.self, .init(formId: submitted.id, country: "IL"))
        #expect(israelOnly.results.allSatisfy { $0.country == "IL" })
        let materials = Self.need(area: "新材料", description: "汽车轻量化复合材料与碳纤维", countries: ["GB"])
        let uk = try await client.call(MatchingInterface.Partners.self, .init(form: materials))
        #expect(uk.results.map(\.name) == ["Coventry Composites Ltd"], "\(uk.results.map(\.name))")

        // The form's publication alerted its best pairs once; publishing again alerts nobody twice.
        var alerts: [FeedInterface.FeedEvent] = []
        #expect(try await eventually(timeout: .seconds(5)) {
            alerts = try await client.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events.filter { $0.type == "match.found" }
            return !alerts.isEmpty
        })
        #expect(alerts.contains { $0.entity == "match:\(submitted.id):\(best.partnerId)" })
        #expect(Set(alerts.map(\.entity)).count == alerts.count)
        _ = try await registryClient.call(RegistryInterface.FormsClose.self, .init(id: submitted.id, revision: 2))
        #expect(try await eventually(timeout: .seconds(5)) {
            try await client.call(MatchingInterface.Forms.self, .init(partnerId: best.partnerId)).results.isEmpty
        })

        // The CLI shows reasons in the language asked for.
        let zh = try CLIRun.lingyan(["match", "programs", submitted.id, "--lang", "zh"], home: home)
        #expect(zh.status == 0, "\(zh.standardError)")
        #expect(zh.standardOutput.contains("以色列项目的优先领域"), "\(zh.standardOutput)")
        let en = try CLIRun.lingyan(["match", "partners", submitted.id, "--lang", "en"], home: home)
        #expect(en.standardOutput.contains("AquaMem Ltd."))
        #expect(en.standardOutput.contains("shared fields"))
        await client.close()
        await registryClient.close()
    }

    @Test("a profile imported in the registry is matchable within a second; a restart resumes from the stored cursor")
    func feedFollowing() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let (registry, matching) = try await self.start(home)
        defer { Task { await registry.terminate() } }
        let registryClient = try await RPCClient.connect(socketPath: home.socket("registry"))
        let form = Self.need(area: "储能", description: "开发用于电网储能的锂电池系统", countries: ["FI"])
        let submitted = try await registryClient.call(RegistryInterface.FormsSubmit.self, .init(form: form))
        _ = try await registryClient.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish))
        let client = try await RPCClient.connect(socketPath: home.socket("matching"))

        let imported = ContinuousClock.now
        let result = try await registryClient.call(
            RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: Self.profiles))
        #expect(result.accepted == 6)
        #expect(try await eventually(timeout: .seconds(1)) {
            try await client.call(MatchingInterface.Partners.self, .init(formId: submitted.id)).results.first?.name == "Voltcell Oy"
        })
        #expect(ContinuousClock.now - imported < .seconds(1))
        let alertsBefore = try await client.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events
        #expect(alertsBefore.contains { $0.entity.hasSuffix(":P-000003") }, "\(alertsBefore.map(\.entity))")
        await client.close()

        // Stopped and started again: nothing is applied twice (no second alert), and new events still arrive.
        matching.signal(SIGTERM)
        #expect(await matching.waitForExit() == 0)
        let restarted = try ServiceProcess(.matching, home: home, environment: ["LINGYAN_MATCH_ALERT_THRESHOLD": "0.3"])
        defer { Task { await restarted.terminate() } }
        _ = try await restarted.waitUntilHealthy()
        let again = try await RPCClient.connect(socketPath: home.socket("matching"))
        _ = try await registryClient.call(
            RegistryInterface.PartnersImport.self,
            .init(format: "jsonl", content: #"{"externalId":"fi-volt-2","name":"Akku Systems Oy","country":"FI","kind":"company","expertise":"Lithium-ion battery packs for energy storage","source":"Business Finland"}"#))
        #expect(try await eventually(timeout: .seconds(5)) {
            try await again.call(MatchingInterface.Partners.self, .init(formId: submitted.id)).results.contains { $0.name == "Akku Systems Oy" }
        })
        try await Task.sleep(for: .milliseconds(300))
        // A rebuild from the feed gives the same ranking, and raises no alert again.
        let before = try await again.call(MatchingInterface.Partners.self, .init(formId: submitted.id))
        let emptied = try await again.call(MatchingInterface.IndexRebuild.self)
        #expect(emptied.registryCursor == 0)
        let head = try await registryClient.call(CommonInterface.Health.self).feedHead ?? 0
        // The consumer notices the moved cursor after its current long poll (at most five seconds).
        #expect(try await eventually(timeout: .seconds(10)) { try await again.call(MatchingInterface.IndexStatus.self).registryCursor == head })
        let rebuilt = try await again.call(MatchingInterface.Partners.self, .init(formId: submitted.id))
        #expect(rebuilt == before)
        let alertsAfter = try await again.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events
        #expect(Array(alertsAfter.prefix(alertsBefore.count)).map(\.entity) == alertsBefore.map(\.entity))
        #expect(Set(alertsAfter.map(\.entity)).count == alertsAfter.count, "an alert was raised twice")
        await again.close()
        await registryClient.close()
    }
}
