import Foundation
import Shared
import Testing
import TestSupport

/// Real entities in a running cluster that the base requests point at, and ways to make fresh ones: a method
/// that changes an entity (review, close, an introduction's step) gets an unchanged one for every hostile request,
/// so that each request reaches the code behind the revision and status checks.
final class FuzzFixtures: Sendable {
    let registry: RPCClient
    let publishedForm: String
    let submittedForm: String
    let organization: String
    let contact: String
    let partner: String
    let notification: Int64
    /// Two pending match proposals: one for `proposals.approve`, one for `proposals.reject`. Each is decided by
    /// its base request; the hostile ones after it meet a decided proposal (-32003) or are refused earlier.
    let proposals: (approve: Int64, reject: Int64)
    /// The fuzzing call as first stored: every upsert starts from it, whatever an accepted hostile one left behind.
    let pristineCall: JSONValue

    private init(
        registry: RPCClient, publishedForm: String, submittedForm: String, organization: String, contact: String,
        partner: String, notification: Int64, proposals: (approve: Int64, reject: Int64), pristineCall: JSONValue
    ) {
        self.proposals = proposals
        self.pristineCall = pristineCall
        self.registry = registry
        self.publishedForm = publishedForm
        self.submittedForm = submittedForm
        self.organization = organization
        self.contact = contact
        self.partner = partner
        self.notification = notification
    }

    /// The fuzzing call: a copy of the Finland call under its own id, so that accepted changes to it do not
    /// disturb the 2025 catalogue the other base requests use.
    static let fuzzCallId = "2099-FUZZ"

    static func make(_ cluster: LingyanProcesses) async throws -> FuzzFixtures {
        let registry = try await cluster.client(.registry)
        _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
        let partner = try #require(try await registry.call(RegistryInterface.PartnersList.self, .init()).partners.first?.id)
        let published = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id
        _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: published, revision: 1, decision: .publish))
        let submitted = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id
        let stored = try await registry.call(RegistryInterface.FormsGet.self, .init(id: published))
        let organization = try await registry.call(RegistryInterface.OrgsGet.self, .init(id: stored.organizationId))
        let contact = try #require(organization.contactIds.first)
        var call = try await registry.call(RegistryInterface.CallsGet.self, .init(id: "2025-FI"))
        call.id = Self.fuzzCallId
        call.year = 2099
        _ = try await registry.call(RegistryInterface.CallsUpsert.self, .init(call: call))
        // An introduction for introductions.list to find.
        _ = try await registry.call(RegistryInterface.IntroductionsCreate.self, .init(formId: published, partnerId: partner))

        let notifier = try await cluster.client(.notification)
        var notification: Int64?
        _ = try await eventually(timeout: .seconds(20)) {
            notification = try await notifier.call(NotificationInterface.List.self, .init()).notifications.first?.id
            return notification != nil
        }
        // Every pair is proposed (the cluster's alert threshold is 0): the published form's give the two proposals.
        var pending: [Int64] = []
        _ = try await eventually(timeout: .seconds(20)) {
            pending = try await notifier.call(NotificationInterface.ProposalsList.self, .init(state: .pending)).proposals.map(\.id)
            return pending.count >= 2
        }
        #expect(pending.count >= 2, "the fuzzing needs two pending proposals")
        await notifier.close()
        // The index has taken in everything the registry has done so far.
        let head = try #require(try await registry.call(CommonInterface.Health.self).feedHead)
        let matching = try await cluster.client(.matching)
        _ = try await eventually(timeout: .seconds(20)) {
            try await matching.call(MatchingInterface.IndexStatus.self).registryCursor >= head
        }
        await matching.close()
        return FuzzFixtures(
            registry: registry, publishedForm: published, submittedForm: submitted, organization: organization.id,
            contact: contact, partner: partner, notification: try #require(notification),
            proposals: (pending.first ?? 0, pending.last ?? 0),
            pristineCall: try Self.json(call))
    }

    /// The JSON of a value, as a base request holds it.
    static func json(_ value: some Encodable) throws -> JSONValue {
        try JSONValueEncoder().encode(value)
    }

    func freshSubmittedForm() async throws -> String {
        try await self.registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id
    }

    func freshPublishedForm() async throws -> String {
        let id = try await self.freshSubmittedForm()
        _ = try await self.registry.call(RegistryInterface.FormsReview.self, .init(id: id, revision: 1, decision: .publish))
        return id
    }

    /// A profile of its own for each request that changes one, so that a withdrawal or a changed identity does
    /// not disturb the shared partner the other base requests use.
    static func profile(_ externalId: String) -> PartnerProfile {
        PartnerProfile(
            externalId: externalId, name: "Fuzz Membranes Oy", country: "FI", region: "Uusimaa", city: "Espoo", kind: "SME",
            expertise: "Membrane filtration for industrial water reuse", offers: "Pilot plants", seeks: "Partners in Zhejiang",
            keywords: ["membranes", "water treatment"], source: "fuzz", expiresOn: "2099-12-31", nutsCode: "FI1B1",
            website: "water.example.fi",
            contact: PartnerContact(name: "Aino Virtanen", position: "CTO", email: "aino@water.example.fi", phone: "+358 40 123 4567"))
    }

    func freshPartner() async throws -> (id: String, revision: Int) {
        let change = try await self.registry.call(
            RegistryInterface.PartnersUpsert.self, .init(profile: Self.profile("fz-\(UUID().uuidString)")))
        return (change.id, change.revision)
    }

    func revision(ofForm id: String) async throws -> Int {
        try await self.registry.call(RegistryInterface.FormsGet.self, .init(id: id)).revision
    }

    /// The fuzzing call as first stored, with the revision an upsert must now name.
    func fuzzCall() async throws -> JSONValue {
        let current = try await self.registry.call(RegistryInterface.CallsGet.self, .init(id: Self.fuzzCallId))
        return ["call": self.pristineCall, "revision": .integer(Int64(current.revision ?? 0))]
    }
}

@Suite("Contract fuzzing", .serialized)
struct ContractFuzzTests {
    /// A request a method accepts; built anew for every hostile request, so that it stays current.
    typealias BaseRequest = @Sendable (FuzzFixtures) async throws -> JSONValue

    /// The base request of every method, by service and method name. A method that `rpc.discover` lists and this
    /// table lacks fails the test: a new method must come with a request it accepts.
    static let baseRequests: [String: [String: BaseRequest]] = {
        let common: [String: BaseRequest] = [
            "system.health": { _ in [:] },
            "rpc.discover": { _ in [:] },
        ]
        let feed: [String: BaseRequest] = [
            "events.read": { _ in ["after": 0, "limit": 10] },
            "events.wait": { _ in ["after": 0, "timeoutMilliseconds": 10, "limit": 10] },
        ]
        let form: @Sendable () throws -> JSONValue = { try FuzzFixtures.json(FormTests.form()) }
        let registry: [String: BaseRequest] = [
            "calls.list": { _ in ["year": 2025, "deadlineState": "closed"] },
            "calls.get": { _ in ["id": "2025-FI"] },
            "calls.upsert": { fixtures in try await fixtures.fuzzCall() },
            "forms.submit": { _ in ["form": try form()] },
            "forms.get": { fixtures in ["id": .string(fixtures.publishedForm)] },
            "forms.list": { _ in ["status": "published", "country": "IL", "limit": 5] },
            "forms.update": { fixtures in
                let id = fixtures.submittedForm
                return ["id": .string(id), "revision": .integer(Int64(try await fixtures.revision(ofForm: id))), "form": try form()]
            },
            "forms.review": { fixtures in
                ["id": .string(try await fixtures.freshSubmittedForm()), "revision": 1, "decision": "return", "reason": "请补充合作需求"]
            },
            "forms.close": { fixtures in
                ["id": .string(try await fixtures.freshSubmittedForm()), "revision": 1, "reason": "已找到合作方"]
            },
            "forms.renew": { fixtures in
                let id = fixtures.publishedForm
                return ["id": .string(id), "revision": .integer(Int64(try await fixtures.revision(ofForm: id)))]
            },
            "forms.import": { _ in
                ["format": "jsonl", "content": .string(try LingyanJSON.string(FormTests.form())), "dryRun": true, "firstLine": 1]
            },
            "orgs.get": { fixtures in ["id": .string(fixtures.organization)] },
            "orgs.list": { _ in ["limit": 5] },
            "contacts.get": { fixtures in ["id": .string(fixtures.contact)] },
            "partners.import": { _ in
                ["format": "csv", "content": "externalId,Organisation name,country,kind,expertise,E-mail\nfz-1,Fuzz Oy,FI,SME,Water membranes,a@b.fi\n",
                 "dryRun": true, "firstLine": 1, "source": "Business Finland", "mapping": ["Organisation name": "name"], "spreadsheet": true]
            },
            "partners.get": { fixtures in ["id": .string(fixtures.partner)] },
            "partners.list": { _ in
                ["country": "IL", "source": "Israel Innovation Authority", "limit": 5, "status": "active", "expiringBy": "2099-12-31"]
            },
            "partners.upsert": { _ in ["profile": try FuzzFixtures.json(FuzzFixtures.profile("fz-upsert"))] },
            "partners.update": { fixtures in
                let partner = try await fixtures.freshPartner()
                return [
                    "id": .string(partner.id), "revision": .integer(Int64(partner.revision)),
                    "profile": try FuzzFixtures.json(try await fixtures.registry.call(RegistryInterface.PartnersGet.self, .init(id: partner.id)).profile),
                ]
            },
            "partners.withdraw": { fixtures in
                ["id": .string(try await fixtures.freshPartner().id), "reason": "公司已撤销在华业务 / no longer active in China"]
            },
            "applications.check": { fixtures in
                [
                    "callId": "2025-GB-MIDLANDS", "formId": .string(fixtures.publishedForm), "technicalArea": "新材料",
                    "leadOrganization": ["kind": "zj_enterprise", "uscc": "91330100799655058B", "name": "杭州示例水务科技有限公司"],
                    "partner": ["name": "Coventry Composites Ltd", "country": "GB", "county": "Warwickshire", "city": "Warwick",
                                "address": "1 High Street", "kind": "foreign_company", "region": "Midlands", "district": "Warwick",
                                "fortuneGlobal500Parent": "Siemens", "nutsCode": "UKG13"],
                    "durationMonths": 36, "requestedFundingRmb": 1_000_000, "rdSpendRmb": 7_500_000,
                    "participants": [["name": "浙江大学", "kind": "university", "province": "浙江"]],
                    "cooperationBase": true, "ipAgreementSigned": true,
                ]
            },
            "introductions.create": { fixtures in
                ["formId": .string(try await fixtures.freshPublishedForm()), "partnerId": .string(fixtures.partner), "note": "展会上结识"]
            },
            "introductions.update": { fixtures in
                let id = try await fixtures.registry.call(
                    RegistryInterface.IntroductionsCreate.self,
                    .init(formId: try await fixtures.freshPublishedForm(), partnerId: fixtures.partner)).id
                return ["id": .string(id), "revision": 1, "status": "introduced", "note": "已发介绍信"]
            },
            "introductions.list": { fixtures in
                ["formId": .string(fixtures.publishedForm), "partnerId": .string(fixtures.partner), "status": "proposed"]
            },
            "stats.summary": { _ in ["from": "2020-01-01", "to": "2099-12-31"] },
        ]
        let matching: [String: BaseRequest] = [
            "matches.programs": { fixtures in ["formId": .string(fixtures.publishedForm)] },
            "matches.partners": { fixtures in ["formId": .string(fixtures.publishedForm), "country": "IL", "limit": 10] },
            "matches.forms": { fixtures in ["partnerId": .string(fixtures.partner), "limit": 10] },
            "taxonomy.tag": { _ in ["text": "工业废水回用的反渗透膜 reverse osmosis membranes"] },
            "index.status": { _ in [:] },
            "index.rebuild": { _ in [:] },
        ]
        let notification: [String: BaseRequest] = [
            "notifications.list": { fixtures in ["state": "failed", "formId": .string(fixtures.publishedForm), "limit": 5] },
            "notifications.retry": { fixtures in ["id": .integer(fixtures.notification)] },
            "notifications.preview": { fixtures in ["id": .integer(fixtures.notification)] },
            "letters.preview": { fixtures in
                ["trigger": "match_found", "formId": .string(fixtures.publishedForm), "partnerId": .string(fixtures.partner), "text": "对方有在华经验"]
            },
            "proposals.list": { fixtures in ["state": "pending", "formId": .string(fixtures.publishedForm), "limit": 5] },
            "proposals.approve": { fixtures in ["id": .integer(fixtures.proposals.approve), "note": "对方有在华合作经验"] },
            "proposals.reject": { fixtures in ["id": .integer(fixtures.proposals.reject), "note": "不符合计划要求"] },
        ]
        let audit: [String: BaseRequest] = [
            "audit.query": { _ in
                ["source": "registry", "type": "form.submitted", "from": "2020-01-01T00:00:00Z", "to": "2099-01-01T00:00:00Z",
                 "after": 0, "limit": 10]
            },
            "audit.verify": { _ in [:] },
            "audit.seal": { _ in [:] },
            "audit.checkpoint": { _ in [:] },
        ]
        return [
            "registry": common.merging(feed) { a, _ in a }.merging(registry) { a, _ in a },
            "matching": common.merging(feed) { a, _ in a }.merging(matching) { a, _ in a },
            "notification": common.merging(feed) { a, _ in a }.merging(notification) { a, _ in a },
            "audit": common.merging(audit) { a, _ in a },
        ]
    }()

    /// Methods that disturb what the others need, fuzzed after them.
    static let runLast: Set<String> = ["index.rebuild"]

    /// The alternative bases: the same method reached through another of its branches.
    static let alternativeRequests: [String: BaseRequest] = [
        "matches.programs": { _ in ["form": try FuzzFixtures.json(FormTests.form())] },
        "matches.partners": { _ in ["form": try FuzzFixtures.json(FormTests.form()), "limit": 5] },
    ]

    /// What went wrong with one hostile request, for the failure message.
    struct Finding: CustomStringConvertible {
        var method: String
        var mutation: String
        var problem: String
        var description: String { "\(self.method) with \(self.mutation): \(self.problem)" }
    }

    @Test("every method of every service, each field replaced by extremes, wrong types, null or left out: a result or a declared error naming the field, never -32603, never a closed connection, every process up")
    func everyMethodEveryField() async throws {
        let home = try TestHome()
        defer { home.remove() }
        // Every delivery fails, so that there are failed messages to retry.
        let cluster = try await LingyanProcesses(
            home: home, environment: ["LINGYAN_SENDMAIL": "/bin/false", "LINGYAN_MATCH_ALERT_THRESHOLD": "0"])
        let fixtures = try await FuzzFixtures.make(cluster)
        let pids = Dictionary(uniqueKeysWithValues: ServiceName.allCases.map { ($0, cluster[$0].pid) })
        var findings: [Finding] = []
        var callsPerMethod: [String: Int] = [:]
        let started = ContinuousClock.now
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = SeededGenerator(seed: seed)

        for service in ServiceName.allCases {
            var client = try await cluster.client(service)
            let discovered = try await client.call(CommonInterface.Discover.self)
            let bases = try #require(Self.baseRequests[service.rawValue])
            // A rebuild empties the index for a while, which would leave the other methods nothing to find.
            let ordered = discovered.methods.filter { !Self.runLast.contains($0.name) } + discovered.methods.filter { Self.runLast.contains($0.name) }
            for method in ordered {
                guard let base = bases[method.name] else {
                    findings.append(Finding(method: method.name, mutation: "its base request", problem: "no base request in ContractFuzzTests.baseRequests"))
                    continue
                }
                // The base itself must be accepted, or the mutations would only ever reach the first check.
                do {
                    _ = try await client.call(method: method.name, params: try await base(fixtures), timeout: .seconds(60))
                } catch {
                    findings.append(Finding(method: method.name, mutation: "its base request", problem: "refused: \(error)"))
                    continue
                }
                let allowed = Set(method.errors + [RPCErrorCode.invalidParams.rawValue])
                var branches: [BaseRequest] = [base]
                if let alternative = Self.alternativeRequests[method.name] { branches.append(alternative) }
                for branch in branches {
                    var mutations = ContractFuzzer.mutations(of: method.params, base: try await branch(fixtures))
                    if ReliabilityScale.factor > 1 {
                        mutations += ContractFuzzer.combinations(
                            of: method.params, base: try await branch(fixtures), count: 20 * ReliabilityScale.factor, using: &random)
                    }
                    for mutation in mutations {
                        // Each hostile request starts from a current base (fresh revisions, unchanged entities).
                        let params = mutation.params(from: try await branch(fixtures))
                        callsPerMethod["\(service.rawValue) \(method.name)", default: 0] += 1
                        let answer = await Self.answer(client, method.name, params)
                        if let problem = Self.judge(answer, mutation: mutation, allowed: allowed) {
                            findings.append(Finding(method: method.name, mutation: mutation.description, problem: problem))
                        }
                        if !cluster[service].isRunning {
                            findings.append(Finding(method: method.name, mutation: mutation.description, problem: "lingyan-\(service.rawValue) died"))
                            break
                        }
                        // A refused frame or a closed connection ends the connection: start a new one.
                        if Self.endsConnection(answer) {
                            await client.close()
                            client = try await cluster.client(service)
                        }
                    }
                    if !cluster[service].isRunning { break }
                }
                if !cluster[service].isRunning { break }
            }
            await client.close()
        }
        await fixtures.registry.close()

        let elapsed = ContinuousClock.now - started
        let table = callsPerMethod.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
        let perService = ServiceName.allCases.map { service in
            "\(service.rawValue) \(callsPerMethod.filter { $0.key.hasPrefix(service.rawValue + " ") }.values.reduce(0, +))"
        }.joined(separator: ", ")
        print("contract fuzzing: \(callsPerMethod.values.reduce(0, +)) calls in \(elapsed) (\(perService)); seed \(seed)\n\(table)")
        for service in ServiceName.allCases {
            #expect(cluster[service].isRunning && cluster[service].pid == pids[service], "lingyan-\(service.rawValue) stayed up")
        }
        #expect(findings.isEmpty, "\(findings.count) answers out of contract (seed \(seed)):\n\(findings.prefix(60).map(\.description).joined(separator: "\n"))")
        await cluster.terminateAll()
    }

    /// How a service answered one request.
    enum Answer {
        case result
        case error(RPCError)
        case closed(String)
    }

    /// Whether the service closes the connection after this answer (a closed connection, a refused frame).
    static func endsConnection(_ answer: Answer) -> Bool {
        switch answer {
        case .result: return false
        case .error(let error): return error.code == RPCErrorCode.invalidRequest.rawValue
        case .closed: return true
        }
    }

    static func answer(_ client: RPCClient, _ method: String, _ params: JSONValue) async -> Answer {
        do {
            _ = try await client.call(method: method, params: params, timeout: .seconds(60))
            return .result
        } catch let error as RPCError {
            return .error(error)
        } catch {
            return .closed("\(error)")
        }
    }

    /// What is wrong with an answer, or nil when it keeps the contract.
    static func judge(_ answer: Answer, mutation: ContractFuzzer.Mutation, allowed: Set<Int>) -> String? {
        switch answer {
        case .result:
            return nil
        case .closed(let reason):
            return "no answer: \(reason)"
        case .error(let error):
            var allowed = allowed
            // Params that are not an object are an invalid request as much as invalid params.
            if mutation.field == nil { allowed.insert(RPCErrorCode.invalidRequest.rawValue) }
            guard allowed.contains(error.code) else {
                return "answered \(error.code) \(error.message) (declared: \(allowed.sorted()))"
            }
            // An error about the params must say which field it is about.
            if error.code == RPCErrorCode.invalidParams.rawValue || error.code == RPCErrorCode.validationFailed.rawValue,
               let name = mutation.field?.memberName {
                let text = error.message + ((try? LingyanJSON.string(error.data ?? .null)) ?? "")
                if !text.contains(name) {
                    return "answered \(error.code) without naming \(name): \(error.message) \(String(((try? LingyanJSON.string(error.data ?? .null)) ?? "").prefix(300)))"
                }
            }
            return nil
        }
    }
}
