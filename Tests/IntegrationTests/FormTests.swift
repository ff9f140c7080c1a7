import Foundation
import Shared
import Testing
import TestSupport

/// Partner search forms through the registry's socket and the CLI.
@Suite("Partner search forms", .serialized)
struct FormTests {
    static func form(
        uscc: String = "91330100799655058B", phone: String = "0571-8705 4066", email: String = "zhang.wei@example.cn",
        countries: [String] = ["以色列", "fi"]
    ) -> PartnerSearchForm {
        PartnerSearchForm(
            organization: OrganizationDetails(
                nameZh: "杭州示例水务科技有限公司", nameEn: "Hangzhou Example Water Technology Co., Ltd.",
                address: "杭州市西湖区文二路 212 号", website: "https://www.example.cn",
                businessAndProducts: "膜法水处理设备的研发与生产", comments: nil, uscc: uscc, city: "杭州"),
            contact: ContactPerson(name: "张伟", position: "技术总监", phone: phone, email: email),
            project: ProjectDetails(technicalArea: "水处理", description: "开发适用于工业废水回用的抗污染反渗透膜组件"),
            partner: PartnerWanted(countries: countries, expertiseSought: "膜材料研发能力", contributionSought: "联合开发并在以色列试点"))
    }

    private func withRegistry(_ body: (TestHome, RPCClient) async throws -> Void) async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        try await body(home, client)
        await client.close()
    }

    @Test("a form filled in as people write it is accepted: a website without a scheme, an extension and a second number, two e-mails, several countries and a region in 3.1")
    func writtenAsPeopleDo() async throws {
        try await self.withRegistry { home, client in
            var form = Self.form(phone: "（0571）87054066转8012 / 138 0571 2233", email: "zhang.wei@example.cn；info@example.cn",
                                 countries: ["以色列、芬兰", "英国（莱斯特郡）"])
            form.organization.website = "www.example.cn"
            let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form))
            let stored = try await client.call(RegistryInterface.FormsGet.self, .init(id: submitted.id))
            #expect(stored.form.organization.website == "www.example.cn")
            #expect(stored.form.contact.phone == "+8657187054066;ext=8012, +8613805712233")
            #expect(stored.form.contact.email == "zhang.wei@example.cn, info@example.cn")
            #expect(stored.form.contact.primaryEmail == "zhang.wei@example.cn")
            #expect(stored.form.partner.countries == ["IL", "FI", "GB"])
            #expect(stored.form.partner.region == "莱斯特郡")
            let open = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form(countries: ["不限"])))
            let anywhere = try await client.call(RegistryInterface.FormsGet.self, .init(id: open.id))
            #expect(anywhere.form.partner.countries.isEmpty)
            #expect(anywhere.form.partner.region == "不限")

            // Read back as a person reads it: laid out like the attachment, phones as written, countries by name.
            let shown = try CLIRun.lingyan(["forms", "show", submitted.id], home: home)
            #expect(shown.status == 0, "\(shown.standardError)")
            for text in ["1.1 公司背景 / Organization Background", "1.2 联系人信息 / Contact Person", "座机或手机 / Tel/Mobile",
                         "0571-8705 4066 转 8012；138 0571 2233", "以色列 Israel、芬兰 Finland、英国 United Kingdom（莱斯特郡）",
                         "3.3 合作具体需求 / Contribution"] {
                #expect(shown.standardOutput.contains(text), "\(text) in \(shown.standardOutput)")
            }
            let raw = try CLIRun.lingyan(["forms", "show", submitted.id, "--json"], home: home)
            #expect(raw.standardOutput.contains("\"+8657187054066;ext=8012, +8613805712233\""))
            let norway = try CLIRun.lingyan(["calls", "show", "2025-NO"], home: home)
            for text in ["绿色技术领域，指可运用于各行业的可持续解决方案", "申请截止时间待双方商定", "陈晟颖，电话 0571-87978953",
                         "csyzju@126.com", "杭州市文二路 212 号高新大厦 4 楼", "国合项目不计入限额申报数"] {
                #expect(norway.standardOutput.contains(text), "\(text) in \(norway.standardOutput)")
            }
            let english = try CLIRun.lingyan(["calls", "list", "--lang", "en"], home: home)
            #expect(english.standardOutput.contains("PRIORITY AREAS") && english.standardOutput.contains("Innovation Norway"))
            let chinese = try CLIRun.lingyan(["calls", "list", "--lang", "zh"], home: home)
            #expect(chinese.standardOutput.contains("优先领域") && chinese.standardOutput.contains("挪威创新署"))
            let organization = try CLIRun.lingyan(["orgs", "show", stored.organizationId], home: home)
            for text in ["统一社会信用代码 / USCC", "91330100799655058B", "详细地址 / Detailed Address", "长三角 / Yangtze River Delta"] {
                #expect(organization.standardOutput.contains(text), "\(text) in \(organization.standardOutput)")
            }
            _ = try await client.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
            let partner = try #require(try await client.call(RegistryInterface.PartnersList.self, .init(country: "IL")).partners.first)
            let profile = try CLIRun.lingyan(["partners", "show", partner.id], home: home)
            for text in ["国家/地区 / Country", "以色列 Israel", "专业领域 / Expertise", partner.profile.name] {
                #expect(profile.standardOutput.contains(text), "\(text) in \(profile.standardOutput)")
            }
        }
    }

    @Test("errors name the attachment's labels in both languages, also for a missing member or a wrong JSON type")
    func errorsNameTheAttachmentsLabels() async throws {
        try await self.withRegistry { _, client in
            do {
                _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form(phone: "电话见官网")))
                Issue.record("a bad phone was accepted")
            } catch let error as RPCError {
                let text = try LingyanJSON.string(error.data ?? .null)
                #expect(text.contains("1.2 座机或手机") && text.contains("1.2 Tel/Mobile"), "\(text)")
                #expect(text.contains("1.2 座机或手机 / Tel/Mobile"))
            }
            var json = try JSONValueEncoder().encode(Self.form())
            if case .object(var members) = json, case .object(var contact)? = members["contact"] {
                contact.removeValue(forKey: "email")
                members["contact"] = .object(contact)
                json = .object(members)
            }
            do {
                _ = try await client.call(method: "forms.submit", params: ["form": json])
                Issue.record("a form without an e-mail was accepted")
            } catch let error as RPCError {
                #expect(error.code == RPCErrorCode.invalidParams.rawValue)
                let text = try LingyanJSON.string(error.data ?? .null)
                #expect(text.contains("1.2 电子邮件 / E-mail") && text.contains("缺少此项") && text.contains("1.2 E-mail: is missing"), "\(text)")
                #expect(!text.contains("DecodingError") && !text.contains("JSONValue") && !text.contains("keyNotFound"), "\(text)")
            }
            var wrongType = try JSONValueEncoder().encode(Self.form())
            if case .object(var members) = wrongType, case .object(var partner)? = members["partner"] {
                partner["countries"] = "以色列"
                members["partner"] = .object(partner)
                wrongType = .object(members)
            }
            do {
                _ = try await client.call(method: "forms.submit", params: ["form": wrongType])
                Issue.record("countries as a string were accepted")
            } catch let error as RPCError {
                let text = try LingyanJSON.string(error.data ?? .null)
                #expect(text.contains("3.1 对方机构所属国家/地区") && text.contains("列表（数组）") && text.contains("an array"), "\(text)")
                #expect(!text.contains("Array<"), "\(text)")
            }
        }
    }

    @Test("a form is filed with its fields cleaned, and a second form from the same company reuses the organisation")
    func submitAndReuse() async throws {
        try await self.withRegistry { _, client in
            let first = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form()))
            #expect(first.status == .submitted)
            #expect(first.revision == 1)
            #expect(first.id.range(of: #"^F-\d{4}-000001$"#, options: .regularExpression) != nil)
            let stored = try await client.call(RegistryInterface.FormsGet.self, .init(id: first.id))
            #expect(stored.form.contact.phone == "+8657187054066")
            #expect(stored.form.partner.countries == ["IL", "FI"])
            #expect(stored.form.contact.name == "张伟")
            #expect(stored.status == .submitted)

            var second = Self.form(uscc: "9133 0100 7996 5505 8b", phone: "+86 138 1234 5678", countries: ["Norway"])
            second.organization.address = "杭州市滨江区"
            let again = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: second))
            #expect(again.organizationId == first.organizationId)
            #expect(again.id != first.id)

            let organization = try await client.call(RegistryInterface.OrgsGet.self, .init(id: first.organizationId))
            #expect(organization.uscc == "91330100799655058B")
            #expect(organization.yangtzeRiverDelta)
            #expect(organization.details.address == "杭州市滨江区")
            #expect(organization.contactIds.count == 1)
            let contact = try await client.call(RegistryInterface.ContactsGet.self, .init(id: organization.contactIds[0]))
            #expect(contact.contact.phone == "+8613812345678")
            #expect(try await client.call(RegistryInterface.OrgsList.self, .init()).organizations.count == 1)

            let listed = try await client.call(RegistryInterface.FormsList.self, .init(country: "NO")).forms
            #expect(listed.map(\.id) == [again.id])
            #expect(try await client.call(RegistryInterface.FormsList.self, .init(status: .submitted)).forms.count == 2)

            let events = try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 100)).events
            #expect(events.map(\.type) == ["organization.created", "contact.created", "form.submitted", "organization.updated", "form.submitted"])
            #expect(events[3].data["fields"] == ["address"])
            // No contact value anywhere in the feed.
            let feedText = try LingyanJSON.string(events)
            for secret in ["张伟", "8705", "4066", "1234", "zhang.wei", "example.cn\""] {
                #expect(!feedText.contains(secret), "the feed contains \(secret)")
            }
        }
    }

    @Test("a bad form gets -32004 naming every bad field in both languages, and nothing is written")
    func everyBadFieldNamed() async throws {
        try await self.withRegistry { _, client in
            var form = Self.form(
                uscc: "91330100799655059B", phone: "12345", email: "zhang@example.cn\r\nBcc: victim@example.com",
                countries: ["FI", "Atlantis"])
            form.project.description = "   "
            form.organization.nameZh = "示例\u{202E}公司"
            form.organization.website = "javascript:alert(1)"
            do {
                _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: form))
                Issue.record("a bad form was accepted")
            } catch let error as RPCError {
                #expect(error.code == -32004)
                guard case .array(let fields)? = error.data?["fields"] else {
                    Issue.record("no fields")
                    return
                }
                let paths = Set(fields.compactMap { $0["path"]?.stringValue })
                #expect(paths == [
                    "form.organization.uscc", "form.contact.phone", "form.contact.email", "form.project.description",
                    "form.organization.nameZh", "form.organization.website", "form.partner.countries[1]",
                ])
                #expect(fields.allSatisfy { ($0["messageZh"]?.stringValue ?? "").isEmpty == false })
                #expect(fields.allSatisfy { ($0["messageEn"]?.stringValue ?? "").isEmpty == false })
            }
            #expect(try await client.call(RegistryInterface.FormsList.self, .init()).forms.isEmpty)
            #expect(try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 10)).events.isEmpty)
        }
    }

    @Test("an organisation registered outside Zhejiang cannot lead")
    func outsideZhejiang() async throws {
        try await self.withRegistry { _, client in
            do {
                _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form(uscc: "91110000802100433B")))
                Issue.record("a Beijing company was accepted as the lead")
            } catch let error as RPCError {
                #expect(error.code == -32004)
                #expect(try LingyanJSON.string(error.data).contains("not_zhejiang"))
            }
        }
    }

    @Test("the CLI submits a form file, and a bad file exits 65 listing the fields")
    func cli() async throws {
        try await self.withRegistry { home, _ in
            let good = "\(home.path)/form.json"
            try LingyanJSON.encode(Self.form()).write(to: good)
            let submitted = try CLIRun.lingyan(["forms", "submit", good, "--operator", "陈晟颖"], home: home)
            #expect(submitted.status == 0, "\(submitted.standardError)")
            #expect(submitted.standardOutput.contains("F-"))
            let bad = "\(home.path)/bad.json"
            try LingyanJSON.encode(Self.form(phone: "not a phone")).write(to: bad)
            let refused = try CLIRun.lingyan(["forms", "submit", bad], home: home)
            #expect(refused.status == 65)
            #expect(refused.standardError.contains("form.contact.phone"))
            let list = try CLIRun.lingyan(["forms", "list"], home: home)
            #expect(list.status == 0)
            #expect(list.standardOutput.contains("杭州示例水务科技有限公司"))
        }
    }

    @Test("submit, return with a reason, resubmit, publish, close: revisions checked at every step, and a restart loses nothing")
    func reviewFlow() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        _ = try await registry.waitUntilHealthy()
        var client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form()))

        do {
            _ = try await client.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .return))
            Issue.record("a return without a reason was accepted")
        } catch let error as RPCError {
            #expect(error.code == -32004)
        }
        let returned = try await client.call(
            RegistryInterface.FormsReview.self,
            .init(id: submitted.id, revision: 1, decision: .return, reason: "请补充合作具体需求"), meta: RequestMeta(operator: "陈晟颖"))
        #expect(returned.status == .returned)
        #expect(returned.revision == 2)

        // A stale revision is refused, and so is publishing a returned form.
        for params in [RegistryInterface.FormsReview.Params(id: submitted.id, revision: 1, decision: .publish),
                       RegistryInterface.FormsReview.Params(id: submitted.id, revision: 2, decision: .publish)] {
            do {
                _ = try await client.call(RegistryInterface.FormsReview.self, params)
                Issue.record("review accepted at \(params.revision)")
            } catch let error as RPCError {
                #expect(error.code == -32003)
            }
        }

        // A restart in the middle of the review loses nothing.
        await client.close()
        registry.signal(SIGTERM)
        #expect(await registry.waitForExit() == 0)
        let restarted = try ServiceProcess(.registry, home: home)
        defer { Task { await restarted.terminate() } }
        _ = try await restarted.waitUntilHealthy()
        client = try await RPCClient.connect(socketPath: home.socket("registry"))
        #expect(try await client.call(RegistryInterface.FormsGet.self, .init(id: submitted.id)).status == .returned)

        var revised = Self.form()
        revised.partner.contributionSought = "联合开发抗污染膜组件，并在以色列的海水淡化厂开展为期一年的中试"
        let resubmitted = try await client.call(
            RegistryInterface.FormsUpdate.self, .init(id: submitted.id, revision: 2, form: revised))
        #expect(resubmitted.status == .submitted)
        #expect(resubmitted.revision == 3)
        let published = try await client.call(
            RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 3, decision: .publish))
        #expect(published.status == .published)
        let stored = try await client.call(RegistryInterface.FormsGet.self, .init(id: submitted.id))
        #expect(stored.form.partner.contributionSought.hasPrefix("联合开发抗污染膜组件"))
        #expect(stored.revision == 4)
        do {
            _ = try await client.call(RegistryInterface.FormsUpdate.self, .init(id: submitted.id, revision: 4, form: revised))
            Issue.record("a published form was changed in place")
        } catch let error as RPCError {
            #expect(error.code == -32003)
        }

        let closed = try CLIRun.lingyan(["forms", "close", submitted.id, "--reason", "已找到合作伙伴"], home: home)
        #expect(closed.status == 0, "\(closed.standardError)")
        #expect(try await client.call(RegistryInterface.FormsGet.self, .init(id: submitted.id)).status == .closed)

        let events = try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 100)).events
            .filter { $0.entity == "form:\(submitted.id)" }
        #expect(events.map(\.type) == ["form.submitted", "form.returned", "form.updated", "form.published", "form.closed"])
        #expect(events[1].data["reason"] == "请补充合作具体需求")
        #expect(events[1].actor.operator == "陈晟颖")
        #expect(events[2].data["sections"] == ["partner"])
        #expect(events.map { $0.data["revision"]?.integerValue ?? 0 } == [1, 2, 3, 4, 5])
        await client.close()
    }

    @Test("a form expires 365 days after submission unless renewed; renewing an expired form sends it back to review")
    func expiryAndRenewal() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let submitting = try ServiceProcess(.registry, home: home, environment: ["LINGYAN_NOW": "2026-01-10T02:00:00Z"])
        _ = try await submitting.waitUntilHealthy()
        var client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let kept = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form()))
        let lapsed = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form(email: "li.na@example.cn")))
        #expect(kept.expiresOn == "2027-01-10")
        _ = try await client.call(RegistryInterface.FormsReview.self, .init(id: lapsed.id, revision: 1, decision: .publish))
        await client.close()
        submitting.signal(SIGTERM)
        #expect(await submitting.waitForExit() == 0)

        // Half a year on, one form is renewed: it stays submitted and runs to half a year plus 365 days.
        let renewing = try ServiceProcess(.registry, home: home, environment: ["LINGYAN_NOW": "2026-07-01T02:00:00Z"])
        _ = try await renewing.waitUntilHealthy()
        let renewed = try CLIRun.lingyan(
            ["forms", "renew", kept.id], home: home, environment: ["LINGYAN_NOW": "2026-07-01T02:00:00Z"])
        #expect(renewed.status == 0, "\(renewed.standardError)")
        #expect(renewed.standardOutput.contains("expires on 2027-07-01"), "\(renewed.standardOutput)")
        renewing.signal(SIGTERM)
        #expect(await renewing.waitForExit() == 0)

        // On the expiry day in Hangzhou the other form expires at start-up; the renewed one does not.
        let registry = try ServiceProcess(.registry, home: home, environment: ["LINGYAN_NOW": "2027-01-10T00:30:00Z"])
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        client = try await RPCClient.connect(socketPath: home.socket("registry"))
        var lapsedNow = try await client.call(RegistryInterface.FormsGet.self, .init(id: lapsed.id))
        for _ in 0..<50 where lapsedNow.status != .expired {
            try await Task.sleep(for: .milliseconds(100))
            lapsedNow = try await client.call(RegistryInterface.FormsGet.self, .init(id: lapsed.id))
        }
        #expect(lapsedNow.status == .expired)
        #expect(lapsedNow.revision == 3)
        #expect(try await client.call(RegistryInterface.FormsGet.self, .init(id: kept.id)).status == .submitted)
        do {
            _ = try await client.call(RegistryInterface.FormsReview.self, .init(id: lapsed.id, revision: 3, decision: .publish))
            Issue.record("an expired form was published")
        } catch let error as RPCError {
            #expect(error.code == -32003)
        }
        let back = try await client.call(RegistryInterface.FormsRenew.self, .init(id: lapsed.id, revision: 3))
        #expect(back.status == .submitted)
        #expect(back.expiresOn == "2028-01-10")

        let events = try await client.call(FeedInterface.Read.self, .init(after: 7, limit: 100)).events
            .filter { $0.entity == "form:\(lapsed.id)" }
        #expect(events.map(\.type) == ["form.submitted", "form.published", "form.expired", "form.renewed"])
        #expect(events[2].data["previousStatus"] == "published")
        #expect(events[2].actor.operator == "form expiry")
        await client.close()
    }

    @Test("32 clients submitting at once are all answered, and every acknowledged form survives a SIGKILL")
    func concurrentSubmissionsSurviveKill() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home)
        _ = try await registry.waitUntilHealthy()
        let acknowledged = await withTaskGroup(of: [String].self) { group in
            for clientNumber in 0..<32 {
                group.addTask {
                    guard let client = try? await RPCClient.connect(socketPath: home.socket("registry")) else { return [] }
                    var ids: [String] = []
                    for formNumber in 0..<1_000 {
                        let form = Self.form(email: "c\(clientNumber).f\(formNumber)@example.cn")
                        guard let result = try? await client.call(RegistryInterface.FormsSubmit.self, .init(form: form))
                        else { break }
                        ids.append(result.id)
                    }
                    await client.close()
                    return ids
                }
            }
            // Killed while submissions are in flight.
            try? await Task.sleep(for: .seconds(2))
            registry.signal(SIGKILL)
            var all: [String] = []
            for await ids in group { all += ids }
            return all
        }
        _ = await registry.waitForExit()
        #expect(acknowledged.count > 32, "too few submissions acknowledged before the kill to tell anything")
        #expect(Set(acknowledged).count == acknowledged.count)

        let restarted = try ServiceProcess(.registry, home: home)
        defer { Task { await restarted.terminate() } }
        _ = try await restarted.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        var stored: Set<String> = []
        var after: String? = nil
        repeat {
            let page = try await client.call(RegistryInterface.FormsList.self, .init(limit: 500, after: after))
            stored.formUnion(page.forms.map(\.id))
            after = page.next
        } while after != nil
        let lost = Set(acknowledged).subtracting(stored)
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.sorted().prefix(10))")
        // Form numbers have no gaps: each form's number came from the transaction that stored it.
        let numbers = stored.compactMap { Int($0.suffix(6)) }.sorted()
        #expect(numbers == Array(1...numbers.count))
        await client.close()
    }

    @Test("an eligibility check through the socket and the CLI uses the form's area and the county rule")
    func eligibilityCheck() async throws {
        try await self.withRegistry { home, client in
            let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form()))
            let plan = RegistryInterface.ApplicationsCheck.Params(
                callId: "2025-GB-MIDLANDS", formId: submitted.id,
                leadOrganization: .init(kind: "zj_enterprise", uscc: "91330100799655058B", name: nil),
                partner: .init(name: "Example Ltd", country: "GB", city: "Coventry"), durationMonths: 36,
                requestedFundingRmb: 1_500_000, rdSpendRmb: 7_500_000)
            let result = try await client.call(RegistryInterface.ApplicationsCheck.self, plan)
            #expect(!result.eligible)
            #expect(result.findings.first?.rule == "partner_in_midlands_county")
            // 水处理 is not among the Midlands priorities: a warning, not an error.
            #expect(result.findings.first { $0.rule == "priority_area" }?.severity == "warning")

            var derby = plan
            derby.partner.city = "Derby"
            let file = "\(home.path)/plan.json"
            try LingyanJSON.encode(derby).write(to: file)
            let run = try CLIRun.lingyan(["check", file, "--lang", "en"], home: home)
            #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
            #expect(run.standardOutput.contains("eligible"))
            try LingyanJSON.encode(plan).write(to: file)
            #expect(try CLIRun.lingyan(["check", file], home: home).status == 1)
        }
    }

    @Test("forms import from JSON Lines and CSV: a dry run stores nothing, good lines submitted in order, every bad line named")
    func importForms() async throws {
        try await self.withRegistry { home, client in
            var other = Self.form(email: "li.na@example.cn")
            other.project.technicalArea = "储能"
            var bad = Self.form(email: "not-an-address")
            bad.partner.countries = ["Atlantis"]
            let lines = try [Self.form(), bad, other].map { try LingyanJSON.string($0) }
            let jsonl = "\(home.path)/forms.jsonl"
            try (lines[0] + "\n" + lines[1] + "\n{\"organization\": 5}\n" + lines[2] + "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)

            let dry = try CLIRun.lingyan(["forms", "import", jsonl, "--dry-run"], home: home)
            #expect(dry.status == 65)
            #expect(dry.standardOutput.contains("2 forms would be submitted"), "\(dry.standardOutput)")
            #expect(try await client.call(RegistryInterface.FormsList.self, .init()).forms.isEmpty, "a dry run stores nothing")

            let run = try CLIRun.lingyan(["forms", "import", jsonl, "--json"], home: home)
            #expect(run.status == 65)
            let result = try LingyanJSON.decode(RegistryInterface.FormsImport.Result.self, from: Array(run.standardOutput.utf8))
            #expect(result.accepted == 2 && result.ids.count == 2)
            #expect(result.rejected.map(\.line) == [2, 3])
            #expect(Set(result.rejected[0].fields.map(\.path)) == ["contact.email", "partner.countries[0]"])
            #expect(result.rejected[1].fields.first?.code == "invalid_json")
            let second = try await client.call(RegistryInterface.FormsGet.self, .init(id: result.ids[1]))
            #expect(second.form.project.technicalArea == "储能", "submitted in file order")

            // CSV: one column per field by its path; a quoted cell may hold commas and line breaks.
            let csv = "\(home.path)/forms.csv"
            try """
                organization.nameZh,organization.address,organization.businessAndProducts,organization.uscc,contact.name,contact.phone,contact.email,project.technicalArea,project.description,partner.countries,partner.expertiseSought,partner.contributionSought
                杭州示例水务科技有限公司,杭州市西湖区文二路 212 号,"膜组件, 水处理设备",91330100799655058B,王芳,0571-8888 1234,wang.fang@example.cn,水处理,"反渗透膜
                中试线",IL;FI,膜材料,联合研发

                """.write(toFile: csv, atomically: true, encoding: .utf8)
            let imported = try CLIRun.lingyan(["forms", "import", csv], home: home)
            #expect(imported.status == 0, "\(imported.standardOutput)\(imported.standardError)")
            let forms = try await client.call(RegistryInterface.FormsList.self, .init()).forms
            #expect(forms.count == 3)
            let fromCSV = try #require(forms.first { $0.form.project.description.contains("中试线") })
            #expect(fromCSV.form.partner.countries == ["IL", "FI"])
            #expect(fromCSV.form.organization.businessAndProducts == "膜组件, 水处理设备")
        }
    }

    @Test("a reader sees the contact person masked")
    func readerMasking() async throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let home = try TestHome()
        defer { home.remove() }
        try #"{ "roles": { "uids": { "65534": "reader" } } }"#.write(toFile: "\(home.path)/lingyan.json", atomically: true, encoding: .utf8)
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: Self.form()))
        await client.close()

        let reader = ["/usr/bin/setpriv", "--reuid=65534", "--regid=0", "--clear-groups"]
        let shown = try CLIRun.lingyan(["forms", "show", submitted.id], home: home, wrapper: reader)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(!shown.standardOutput.contains("张伟"))
        #expect(!shown.standardOutput.contains("zhang.wei@"))
        #expect(!shown.standardOutput.contains("87054066"))
        #expect(shown.standardOutput.contains("张*"))
        // The organisation and its contact person through `lingyan orgs`: listed, and the contact masked.
        let organizations = try CLIRun.lingyan(["orgs", "list"], home: home, wrapper: reader)
        #expect(organizations.status == 0, "\(organizations.standardError)")
        #expect(organizations.standardOutput.contains("ORG-000001") && organizations.standardOutput.contains("杭州示例水务科技有限公司"))
        let contact = try CLIRun.lingyan(["orgs", "contact", "CON-000001"], home: home, wrapper: reader)
        #expect(contact.status == 0, "\(contact.standardError)")
        #expect(!contact.standardOutput.contains("zhang.wei@") && !contact.standardOutput.contains("87054066"))
        let unmasked = try CLIRun.lingyan(["orgs", "contact", "CON-000001"], home: home)
        #expect(unmasked.standardOutput.contains("zhang.wei@example.cn"), "an admin sees the contact in full")
        // Readers read; submitting is staff work.
        let file = "\(home.path)/form.json"
        try LingyanJSON.encode(Self.form()).write(to: file)
        let refused = try CLIRun.lingyan(["forms", "submit", file], home: home, wrapper: reader)
        #expect(refused.status == 77)
        #expect(refused.standardError.contains("-32001"))
    }
}

extension [UInt8] {
    fileprivate func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}
