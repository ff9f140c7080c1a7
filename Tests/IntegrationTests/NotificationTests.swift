import Foundation
import Shared
import Testing
import TestSupport

/// A message read back from a Maildir file: headers unfolded and decoded (RFC 2047), the base64 body decoded.
struct ParsedMessage {
    var headers: [String: String]
    var body: String

    init(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let unfolded = parts[0].replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = Self.decodeWords(String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        self.headers = headers
        let encoded = parts.dropFirst().joined(separator: "\r\n\r\n").replacingOccurrences(of: "\r\n", with: "")
        self.body = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// `=?UTF-8?B?…?=` words decoded; the space between two encoded words dropped, as RFC 2047 says.
    static func decodeWords(_ value: String) -> String {
        var result = ""
        var rest = Substring(value)
        var previousWasWord = false
        while let start = rest.range(of: "=?UTF-8?B?") {
            let between = rest[..<start.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { result += between }
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            result += Data(base64Encoded: String(rest[start.upperBound..<end.lowerBound])).map { String(decoding: $0, as: UTF8.self) } ?? ""
            rest = rest[end.upperBound...]
            previousWasWord = true
        }
        return result + rest
    }
}

@Suite("Notification", .serialized)
struct NotificationTests {
    @Test("letter templates are files staff can change; one with an unknown placeholder stops start-up naming the file and line")
    func templates() async throws {
        let home = try TestHome()
        defer { home.remove() }
        // First start: the shipped templates are written out, to be changed.
        let first = try ServiceProcess(.notification, home: home)
        _ = try await first.waitUntilHealthy()
        await first.terminate()
        let path = "\(home.path)/templates/form_received.enterprise.mustache"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("Subject: ") && text.contains("{{organizationZh}}"))
        // A typo on line 3: refused, not sent as an empty gap.
        var lines = text.components(separatedBy: "\n")
        lines[2] = "{{organisationZh}}："
        text = lines.joined(separator: "\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try ServiceProcess(.notification, home: home)
        #expect(await refused.waitForExit() == 78)
        #expect(refused.log.contains("form_received.enterprise.mustache line 3: unknown placeholder {{organisationZh}}"), "\(refused.log)")
        // Unbalanced sections too.
        try "Subject: x\n\n{{#countriesZh}}\n".write(toFile: "\(home.path)/templates/form_received.enterprise.mustache", atomically: true, encoding: .utf8)
        let unbalanced = try ServiceProcess(.notification, home: home)
        #expect(await unbalanced.waitForExit() == 78)
        #expect(unbalanced.log.contains("form_received.enterprise.mustache"), "\(unbalanced.log)")
    }

    @Test("a deadline set on a call whose date was to be agreed is news, once, for each open form seeking that country")
    func deadlineSet() async throws {
        let environment = ["LINGYAN_NOW": "2026-12-02T02:00:00Z"]
        try await withServices([.registry, .notification], environment: environment) { home in
            let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
            let norway = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form(countries: ["NO"])))
            var call = try await registry.call(RegistryInterface.CallsGet.self, .init(id: "2025-NO"))
            #expect(call.deadline == nil, "Norway's deadline is to be agreed in the notice")
            call.deadline = "2027-03-31"
            call.deadlineState = nil
            let revision = try await registry.call(RegistryInterface.CallsUpsert.self, .init(call: call, revision: call.revision)).revision
            // A second change to the same call (its deadline already set) tells nobody again.
            call.deadline = "2027-04-15"
            _ = try await registry.call(RegistryInterface.CallsUpsert.self, .init(call: call, revision: revision))
            // A later form's receipt marks the point where the notifier has read every call change before it.
            let later = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form(countries: ["SG"])))
            let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
            #expect(try await eventually(timeout: .seconds(10)) {
                try await outbox.call(NotificationInterface.List.self, .init(formId: later.id)).notifications.contains { $0.trigger == "form_received" }
            })
            let letters = try await outbox.call(NotificationInterface.List.self, .init()).notifications.filter { $0.trigger == "deadline_set" }
            #expect(letters.count == 1 && letters.first?.formId == norway.id, "\(letters)")
            let message = try await outbox.call(NotificationInterface.Preview.self, .init(id: try #require(letters.first).id)).message
            #expect(message.contains("X-Lingyan-Trigger: deadline_set") && letters.first?.recipient.contains("zhang.wei@example.cn") == true)
            await outbox.close()
            await registry.close()
        }
    }

    @Test("an introduction goes to both sides: proposed without contacts, the enterprise in both languages and the partner in English; introduced, with each other's contact")
    func introductions() async throws {
        try await withServices([.registry, .notification]) { home in
            let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
            var profile = PartnerProfile.example
            profile.contact = PartnerContact(name: "Aino Virtanen", email: "aino.virtanen@water.example.fi", phone: "+358401234567")
            let partner = try await registry.call(RegistryInterface.PartnersUpsert.self, .init(profile: profile))
            let form = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form(countries: ["FI"])))
            _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: form.id, revision: 1, decision: .publish))
            await registry.close()
            let created = try CLIRun.lingyan(["intro", "create", form.id, partner.id, "--json"], home: home)
            #expect(created.status == 0, "\(created.standardError)")
            let id = try #require(created.standardOutput.firstMatch(of: /"id" *: *"([^"]+)"/)?.1)
            let maildir = "\(home.path)/mail/Maildir/new"
            func letters(_ trigger: String) throws -> [ParsedMessage] {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
                return try files.map { try ParsedMessage(Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)"))) }
                    .filter { $0.headers["X-Lingyan-Trigger"] == trigger }
        }
        #expect(try await eventually(timeout: .seconds(10)) { try letters("introduction_proposed").count == 2 })
        let proposed = try letters("introduction_proposed")
        let toPartner = try #require(proposed.first { $0.headers["To"]?.contains("aino.virtanen@") == true })
        let toEnterprise = try #require(proposed.first { $0.headers["To"]?.contains("zhang.wei@") == true })
        #expect(toPartner.body.contains("Dear Aino Virtanen") && toPartner.body.contains("Hangzhou Example Water"), "\(toPartner.body)")
        #expect(!toPartner.body.contains("您好") && !toPartner.body.contains("贵单位") && toPartner.headers["Subject"]?.hasPrefix("A Zhejiang company") == true,
                "the partner's letter is in English")
        #expect(toEnterprise.body.contains("Example Water Oy（芬兰，企业）") && toEnterprise.body.contains("Example Water Oy (Finland, company)"))
        #expect(!toEnterprise.body.contains("aino.virtanen@") && !toPartner.body.contains("zhang.wei@"), "no contacts before both agree")
        let advanced = try CLIRun.lingyan(["intro", "advance", String(id), "introduced"], home: home)
        #expect(advanced.status == 0, "\(advanced.standardError)")
        #expect(try await eventually(timeout: .seconds(10)) { try letters("introduction_introduced").count == 2 })
        let made = try letters("introduction_introduced")
        #expect(made.contains { $0.headers["To"]?.contains("zhang.wei@") == true && $0.body.contains("aino.virtanen@water.example.fi") })
        #expect(made.contains { $0.headers["To"]?.contains("aino.virtanen@") == true && $0.body.contains("zhang.wei@example.cn") })
        }
    }

    @Test("with LINGYAN_MATCH_AUTO_SEND=1 a match reaches the enterprise at once, as offices that want it had before")
    func automaticMatchLetters() async throws {
        let environment = ["LINGYAN_MATCH_AUTO_SEND": "1", "LINGYAN_MATCH_ALERT_THRESHOLD": "0.3"]
        try await withServices([.registry, .matching, .notification], environment: environment) { home in
            let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
            _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
            let form = MatchingFlowTests.need(area: "水处理", description: "开发海水淡化反渗透膜组件", countries: ["IL"], expertise: "膜材料研发能力")
            let submitted = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: form))
            _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .publish))
            await registry.close()
            let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
            #expect(try await eventually(timeout: .seconds(10)) {
                try await outbox.call(NotificationInterface.List.self, .init(formId: submitted.id)).notifications.contains {
                    $0.trigger == "match_found" && $0.recipient.contains("zhang.wei@")
                }
            })
            #expect(try await outbox.call(NotificationInterface.ProposalsList.self, .init(state: nil)).proposals.isEmpty)
            await outbox.close()
        }
    }

    @Test("receipt, publication and match messages land in the Maildir once each, bilingual, to the contact and staff")
    func triggersIntoMaildir() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let environment = [
            "LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn", "LINGYAN_MATCH_ALERT_THRESHOLD": "0.3",
            "LINGYAN_MAIL_FROM": "浙江省科技交流和人才服务中心 <partner@zjstec.example.cn>",
        ]
        let services = try [ServiceName.registry, .matching, .notification].map {
            try ServiceProcess($0, home: home, environment: environment)
        }
        defer { Task { for service in services { await service.terminate() } } }
        for service in services { _ = try await service.waitUntilHealthy() }
        let registry = try await RPCClient.connect(socketPath: home.socket("registry"))
        _ = try await registry.call(RegistryInterface.PartnersImport.self, .init(format: "jsonl", content: MatchingFlowTests.profiles))
        let form = MatchingFlowTests.need(
            area: "水处理", description: "开发适用于工业废水回用的抗污染反渗透膜组件，并开展海水淡化中试", countries: ["IL"],
            expertise: "膜材料研发能力")
        let submitted = try await registry.call(RegistryInterface.FormsSubmit.self, .init(form: form))
        _ = try await registry.call(
            RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 1, decision: .return, reason: "请补充合作方式"))
        _ = try await registry.call(RegistryInterface.FormsUpdate.self, .init(id: submitted.id, revision: 2, form: form))
        _ = try await registry.call(RegistryInterface.FormsReview.self, .init(id: submitted.id, revision: 3, decision: .publish))

        let maildir = "\(home.path)/mail/Maildir/new"
        var messages: [ParsedMessage] = []
        func read() throws {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
            messages = try files.map { try ParsedMessage(Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)"))) }
        }
        func count(_ trigger: String) -> Int { messages.filter { $0.headers["X-Lingyan-Trigger"] == trigger }.count }
        // Registry and matching letters come from two feeds, in either order. The match reaches staff only.
        #expect(try await eventually(timeout: .seconds(10)) {
            try read()
            return count("match_found") >= 1 && count("form_published") == 1
        })
        #expect(messages.filter { $0.headers["X-Lingyan-Trigger"] == "match_found" }.allSatisfy { $0.headers["To"] == "staff@zjstec.example.cn" },
                "no match reaches the enterprise before a staff member approves it")
        // Approved once, with a note: the enterprise's letter is queued once; a second decision is refused.
        let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
        let pending = try await outbox.call(NotificationInterface.ProposalsList.self, .init(state: .pending, formId: submitted.id)).proposals
        #expect(pending.count == 1 && pending.first?.partnerName == "AquaMem Ltd.", "\(pending)")
        let proposal = try #require(pending.first)
        let approve = try CLIRun.lingyan(
            ["match", "proposals", "approve", String(proposal.id), "--note", "对方已在中国有试点项目 / already runs pilots in China", "--operator", "陈晟颖"], home: home)
        #expect(approve.status == 0, "\(approve.standardError)")
        let again = try CLIRun.lingyan(["match", "proposals", "approve", String(proposal.id)], home: home)
        #expect(again.status == 65 && again.standardError.contains("already approved by 陈晟颖"), "\(again.standardError)")
        #expect(try await eventually(timeout: .seconds(10)) {
            try read()
            return count("match_found") >= 2
        })
        #expect(count("match_found") == 2, "once")
        let decided = try await outbox.call(NotificationInterface.ProposalsList.self, .init(state: .approved)).proposals
        #expect(decided.first?.decidedBy == "陈晟颖" && decided.first?.notificationId != nil)
        await outbox.close()
        let byTrigger = Dictionary(grouping: messages) { $0.headers["X-Lingyan-Trigger"] ?? "" }
        #expect(byTrigger["form_received"]?.count == 2, "contact and staff")
        #expect(byTrigger["form_returned"]?.count == 1)
        #expect(byTrigger["form_published"]?.count == 1)
        #expect(byTrigger["match_found"]?.count == 2)
        let receipt = try #require(byTrigger["form_received"]?.first { $0.headers["To"]?.contains("zhang.wei@example.cn") == true })
        #expect(receipt.headers["Subject"] == "需求信息表已收到 / Partner search form received (\(submitted.id))")
        #expect(receipt.headers["To"] == "张伟 <zhang.wei@example.cn>")
        #expect(receipt.headers["Reply-To"] == "staff@zjstec.example.cn", "an answer reaches a person")
        #expect(receipt.headers["Message-ID"]?.hasSuffix("@lingyan>") == true)
        #expect(receipt.body.contains("杭州示例水务科技有限公司：") && receipt.body.contains("Dear Hangzhou Example Water"), "a salutation")
        #expect(receipt.body.contains("寻求合作的国家：以色列") && receipt.body.contains("Countries sought: Israel"), "countries by name")
        #expect(receipt.body.contains("已收到") && receipt.body.contains("We have received"))
        // Staff get a letter of their own: which form, what to check, how to open it.
        let staffReceipt = try #require(byTrigger["form_received"]?.first { $0.headers["To"] == "staff@zjstec.example.cn" })
        #expect(staffReceipt.body.contains("lingyan forms show \(submitted.id)") && staffReceipt.body.contains("请核对"))
        #expect(staffReceipt.body != receipt.body)
        // Nothing an enterprise reads holds a command line or a score.
        for letter in messages where letter.headers["To"]?.contains("zhang.wei@") == true {
            #expect(!letter.body.contains("lingyan "), "\(letter.headers["Subject"] ?? "")")
            #expect(!letter.body.contains("Score") && !letter.body.contains("匹配分"), "\(letter.headers["Subject"] ?? "")")
        }
        // Signed with the catalogue's contacts, in both languages.
        for text in ["浙江省科技交流和人才服务中心", "陈晟颖", "0571-87978953", "csyzju@126.com", "杭州市文二路 212 号高新大厦 4 楼",
                     "Zhejiang Science and Technology Exchange and Talent Service Centre", "政策咨询", "陈可宝"] {
            #expect(receipt.body.contains(text), "\(text) in the signature")
        }
        #expect(receipt.body.range(of: "已收到")!.lowerBound < receipt.body.range(of: "We have received")!.lowerBound, "Chinese first")
        let returned = try #require(byTrigger["form_returned"]?.first)
        #expect(returned.body.contains("请补充合作方式") && returned.body.contains("重新审核"), "the reason and how to resubmit")
        let match = try #require(byTrigger["match_found"]?.first { $0.headers["To"]?.contains("zhang.wei@") == true })
        #expect(match.body.contains("AquaMem Ltd.（以色列，企业）") && match.body.contains("AquaMem Ltd. (Israel, company)"), "\(match.body)")
        #expect(match.body.contains("服务中心说明：对方已在中国有试点项目"), "the staff member's note")
        // Concepts by their labels in both languages, not by their ids.
        #expect(match.body.contains("海水淡化") && match.body.contains("desalination"))
        #expect(!match.body.contains("water-treatment"))
        let staffMatch = try #require(byTrigger["match_found"]?.first { $0.headers["To"] == "staff@zjstec.example.cn" })
        #expect(staffMatch.body.contains("lingyan match proposals approve \(proposal.id)"), "staff are told how to send it")
        #expect(staffMatch.body.contains("匹配分") && staffMatch.body.contains("共同的技术领域") && staffMatch.body.contains("shared fields:"),
                "staff see the score and the ranking's reasons: \(staffMatch.body)")
        #expect(Set(messages.compactMap { $0.headers["Message-ID"] }).count == messages.count)

        // The outbox says the same, and the CLI lists it.
        let notifications = try await RPCClient.connect(socketPath: home.socket("notification"))
        let rows = try await notifications.call(NotificationInterface.List.self, .init(formId: submitted.id)).notifications
        #expect(rows.count == messages.count)
        #expect(rows.allSatisfy { $0.state == .sent && $0.attempts == 1 })
        let listed = try CLIRun.lingyan(["notify", "list", "--form", submitted.id], home: home)
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains("form_received"))
        // No contact value in the notification service's own feed.
        let feed = try await notifications.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events
        #expect(feed.filter { $0.type == "notification.sent" }.count == messages.count)
        #expect(!(try LingyanJSON.string(feed)).contains("zhang.wei"))
        // Read as the enterprise's mail program reads them: Python's email package.
        let check = """
            import email, email.policy, glob, sys
            problems, count = [], 0
            for path in glob.glob(sys.argv[1] + "/*"):
                message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
                body, to, count = message.get_content(), str(message["To"]), count + 1
                if "@localhost" in str(message["From"]) or "partner@zjstec" not in str(message["From"]): problems.append(path + ": From " + str(message["From"]))
                if not message["Reply-To"]: problems.append(path + ": no Reply-To")
                if not str(message["Date"]).endswith("+0800"): problems.append(path + ": Date " + str(message["Date"]))
                if "staff@" in to: continue
                for word in ["浙江省科技交流和人才服务中心", "Zhejiang Science and Technology Exchange"]:
                    if word not in body: problems.append(path + ": no " + word)
                for word in ["lingyan ", "（IL）", "(IL)", "Score", "匹配分", "共同的关键词"]:
                    if word in body: problems.append(path + ": " + word)
            print("letters read:", count)
            print("\\n".join(problems))
            sys.exit(1 if problems or count == 0 else 0)
            """
        let python = try CLIRun.run(["/usr/bin/env", "python3", "-c", check, maildir], environment: ProcessInfo.processInfo.environment)
        #expect(python.status == 0, "\(python.standardOutput)\(python.standardError)")
        #expect(python.standardOutput.contains("letters read: 6"), "\(python.standardOutput)")

        // Any trigger's letters rendered with these records, both languages, nothing sent; an edited template is
        // previewed as it is now, and a bad one named.
        let partners = try await registry.call(RegistryInterface.PartnersList.self, .init(country: "IL")).partners
        let partnerId = try #require(partners.first { $0.profile.name == "AquaMem Ltd." }?.id)
        let preview = try CLIRun.lingyan(
            ["notify", "preview", "--trigger", "match_found", "--form", submitted.id, "--partner", partnerId, "--text", "示例说明"], home: home)
        #expect(preview.status == 0, "\(preview.standardError)")
        #expect(preview.standardOutput.contains("=== match_found.enterprise") && preview.standardOutput.contains("=== match_found.staff"))
        #expect(preview.standardOutput.contains("海水淡化") && preview.standardOutput.contains("服务中心说明：示例说明"), "\(preview.standardOutput)")
        let before = try await notifications.call(NotificationInterface.List.self, .init()).notifications.count
        let template = "\(home.path)/templates/form_published.enterprise.mustache"
        try (try String(contentsOfFile: template, encoding: .utf8)).replacingOccurrences(of: "已审核通过并发布", with: "已审核通过并正式发布")
            .write(toFile: template, atomically: true, encoding: .utf8)
        let edited = try CLIRun.lingyan(["notify", "preview", "--trigger", "form_published", "--form", submitted.id], home: home)
        #expect(edited.standardOutput.contains("已审核通过并正式发布"), "\(edited.standardOutput)")
        try "Subject: x\n\n{{nonsense}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let bad = try CLIRun.lingyan(["notify", "preview", "--trigger", "form_published", "--form", submitted.id], home: home)
        #expect(bad.status == 65 && bad.standardError.contains("unknown placeholder {{nonsense}}"), "\(bad.standardError)")
        #expect(try await notifications.call(NotificationInterface.List.self, .init()).notifications.count == before, "a preview sends nothing")
        await notifications.close()
        await registry.close()
    }

    /// The messages in the Maildir with a trigger, after waiting up to a few seconds for `count` of them.
    private func messages(in home: TestHome, trigger: String, count: Int) async throws -> [ParsedMessage] {
        let maildir = "\(home.path)/mail/Maildir/new"
        var found: [ParsedMessage] = []
        for _ in 0..<50 {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
            found = try files.map { try ParsedMessage(Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)"))) }
                .filter { $0.headers["X-Lingyan-Trigger"] == trigger }
            if found.count >= count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return found
    }

    @Test("a notifier started on 2024-09-02 reminds of Finland's deadline of 2024-09-25 with the 23 days actually left")
    func daysActuallyLeft() async throws {
        let environment = ["LINGYAN_NOW": "2024-09-02T02:00:00Z", "LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn"]
        try await withServices([.registry], environment: environment) { home in
            let client = try await RPCClient.connect(socketPath: home.socket("registry"))
            _ = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form(countries: ["FI"])))
            await client.close()
            let notifier = try ServiceProcess(.notification, home: home, environment: environment)
            _ = try await notifier.waitUntilHealthy()
            let letters = try await self.messages(in: home, trigger: "deadline_30", count: 2)
            await notifier.terminate()
            let enterprise = try #require(letters.first { $0.headers["To"]?.contains("zhang.wei@") == true })
            #expect(enterprise.body.contains("距截止还有 23 天") && enterprise.body.contains("23 days from today"), "\(enterprise.body)")
            #expect(enterprise.headers["Subject"]?.contains("还有 23 天") == true && !enterprise.body.contains("30 天"))
            let staff = try #require(letters.first { $0.headers["To"] == "staff@zjstec.example.cn" })
            #expect(staff.body.contains("还有 23 天") && staff.body.contains("23 days left"))
        }
    }

    @Test("deadline reminders at T-30, T-7 and T-1 with the clock set, once each across restarts, none after the deadline; an expiry reminder 14 days before")
    func reminders() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let registry = try ServiceProcess(.registry, home: home, environment: ["LINGYAN_NOW": "2024-08-27T02:00:00Z"])
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let finland = MatchingFlowTests.need(area: "医疗健康", description: "面向老年慢病管理的远程医疗平台", countries: ["FI"])
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: finland))
        #expect(submitted.expiresOn == "2025-08-27")
        await client.close()

        func notifier(at now: String) async throws -> ServiceProcess {
            let process = try ServiceProcess(
                .notification, home: home, environment: ["LINGYAN_NOW": now, "LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn"])
            _ = try await process.waitUntilHealthy()
            return process
        }
        // 29 days before Finland's deadline (2024-09-25): the 30-day reminder, to the enterprise and to staff.
        var service = try await notifier(at: "2024-08-27T02:00:00Z")
        var thirty = try await self.messages(in: home, trigger: "deadline_30", count: 2)
        #expect(thirty.count == 2)
        #expect(thirty.contains { $0.headers["To"] == "张伟 <zhang.wei@example.cn>" && $0.body.contains("2024-09-25") })
        // The days actually left (29 on 2024-08-27), not the reminder's 30; the agency's name and address.
        let enterprise = try #require(thirty.first { $0.headers["To"]?.contains("zhang.wei@") == true })
        #expect(enterprise.body.contains("距截止还有 29 天") && enterprise.body.contains("29 days from today"), "\(enterprise.body)")
        #expect(enterprise.body.contains("Business Finland") && enterprise.body.contains("https://www.businessfinland.fi"))
        #expect(!enterprise.body.contains("30 天") && !enterprise.body.contains("lingyan "))
        #expect(thirty.first { $0.headers["To"] == "staff@zjstec.example.cn" }?.headers["Subject"]?.contains("2025-FI") == true)
        #expect(thirty.first { $0.headers["To"] == "staff@zjstec.example.cn" }?.body.contains(submitted.id) == true, "staff see which forms")
        await service.terminate()

        // Six days before: the 7-day reminder once, however often the service restarts; the 30-day one not again.
        for _ in 0..<2 {
            service = try await notifier(at: "2024-09-19T02:00:00Z")
            _ = try await self.messages(in: home, trigger: "deadline_7", count: 2)
            try await Task.sleep(for: .milliseconds(300))
            await service.terminate()
        }
        #expect(try await self.messages(in: home, trigger: "deadline_7", count: 2).count == 2)
        thirty = try await self.messages(in: home, trigger: "deadline_30", count: 2)
        #expect(thirty.count == 2)

        // The day before: the 1-day reminder.
        service = try await notifier(at: "2024-09-24T02:00:00Z")
        let one = try await self.messages(in: home, trigger: "deadline_1", count: 2)
        #expect(one.count == 2)
        #expect(one.allSatisfy { $0.body.contains("2024-09-25") })
        #expect(one.filter { $0.headers["To"]?.contains("zhang.wei@") == true }.allSatisfy { $0.body.contains("csyzju@126.com") },
                "reminders to enterprises are signed too")
        await service.terminate()

        // After the deadline nothing more; 7 days before the form expires, its contact is reminded.
        let last = try await notifier(at: "2025-08-20T02:00:00Z")
        defer { Task { await last.terminate() } }
        let expiring = try await self.messages(in: home, trigger: "form_expiring", count: 1)
        #expect(expiring.count == 1)
        #expect(expiring.first?.body.contains("续期") == true && expiring.first?.body.contains("renew it") == true)
        #expect(expiring.first?.body.contains("lingyan") == false, "no command line in an enterprise's letter")
        #expect(expiring.first?.body.contains("还有 7 天") == true, "the days actually left")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await self.messages(in: home, trigger: "deadline_1", count: 2).count == 2, "no reminder after the deadline")
    }

    @Test("a sendmail command that fails then succeeds takes the message from failed to sent, with backoff and its error kept")
    func sendmailFailsThenSucceeds() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sendmail-flaky").path
        let registry = try ServiceProcess(.registry, home: home)
        let notification = try ServiceProcess(
            .notification, home: home, environment: ["LINGYAN_SENDMAIL": "\(fixture) \(home.path) 1"])
        defer { Task { await registry.terminate(); await notification.terminate() } }
        _ = try await registry.waitUntilHealthy()
        _ = try await notification.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()))
        let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))

        var rows: [NotificationInterface.Notification] = []
        for _ in 0..<50 {
            rows = try await outbox.call(NotificationInterface.List.self, .init(formId: submitted.id)).notifications
            if rows.first?.state == .failed { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let failed = try #require(rows.first)
        #expect(failed.state == .failed)
        #expect(failed.lastError?.contains("temporary failure 1 of 1") == true, "\(failed.lastError ?? "")")
        #expect(failed.nextAttemptAt != nil)
        for _ in 0..<80 {
            rows = try await outbox.call(NotificationInterface.List.self, .init(formId: submitted.id)).notifications
            if rows.first?.state == .sent { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(rows.first?.state == .sent)
        #expect(rows.first?.attempts == 2)
        let mbox = try String(contentsOfFile: "\(home.path)/sent.mbox", encoding: .utf8)
        #expect(mbox.components(separatedBy: "Message-ID: \(failed.messageId)").count == 2, "delivered exactly once")
        #expect(!FileManager.default.fileExists(atPath: "\(home.path)/mail/Maildir/new"))
        await outbox.close()
        await client.close()
    }

    /// The Maildir's messages by file name.
    private func maildirFiles(_ home: TestHome) throws -> [String: Data] {
        let maildir = "\(home.path)/mail/Maildir/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(maildir)/\($0)"))) })
    }

    @Test("SIGKILL between writing a message into new/ and recording it: after restart the same file, the same Message-ID, recorded once")
    func killBetweenDeliveryAndRecord() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let staff = ["LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn"]
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let crashing = try ServiceProcess(
            .notification, home: home, environment: staff.merging(["LINGYAN_FAULT_KILL_AFTER_DELIVERY": "1"]) { $1 })
        _ = try await crashing.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        let submitted = try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form()))
        await client.close()

        // The first delivery is written (the other may be too: they are written in parallel), then the process dies
        // before recording any of them.
        #expect(await crashing.waitForExit() != nil, "killed itself after the first delivery")
        let written = try self.maildirFiles(home)
        #expect((1...2).contains(written.count))
        let (name, bytes) = try #require(written.first)
        let messageId = try #require(try ParsedMessage(bytes).headers["Message-ID"])

        let restarted = try ServiceProcess(.notification, home: home, environment: staff)
        defer { Task { await restarted.terminate() } }
        _ = try await restarted.waitUntilHealthy()
        let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
        var rows: [NotificationInterface.Notification] = []
        for _ in 0..<100 {
            rows = try await outbox.call(NotificationInterface.List.self, .init(formId: submitted.id)).notifications
            if rows.count == 2, rows.allSatisfy({ $0.state == .sent }) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(rows.count == 2 && rows.allSatisfy { $0.state == .sent }, "contact and staff both delivered")
        let files = try self.maildirFiles(home)
        #expect(files.count == 2, "the repeat replaced the first file instead of adding one")
        #expect(files[name] == bytes, "the repeated delivery wrote the same bytes under the same name")
        let ids = try files.values.map { try #require(try ParsedMessage($0).headers["Message-ID"]) }
        #expect(Set(ids).count == 2 && ids.contains(messageId))
        let recorded = try #require(rows.first { $0.messageId == messageId })
        #expect(recorded.attempts == 1, "a delivery cut off by a crash is not counted as a failed attempt")
        let sent = try await outbox.call(FeedInterface.Read.self, .init(after: 0, limit: 100)).events
            .filter { $0.type == "notification.sent" }
        #expect(sent.count == 2, "each message recorded as sent once")
        await outbox.close()
    }

    @Test("SIGKILL at random moments while 120 messages are delivered: every message in the Maildir exactly once")
    func killDuringBurst() async throws {
        let home = try TestHome()
        defer { home.remove() }
        let staff = ["LINGYAN_STAFF_EMAILS": "staff@zjstec.example.cn,desk@zjstec.example.cn"]
        let registry = try ServiceProcess(.registry, home: home)
        defer { Task { await registry.terminate() } }
        _ = try await registry.waitUntilHealthy()
        let client = try await RPCClient.connect(socketPath: home.socket("registry"))
        var forms: [String] = []
        for _ in 0..<40 {
            forms.append(try await client.call(RegistryInterface.FormsSubmit.self, .init(form: FormTests.form())).id)
        }
        await client.close()

        // Three lives cut short by SIGKILL at staggered moments, then one left to finish.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3 {
            let notifier = try ServiceProcess(.notification, home: home, environment: staff)
            _ = try await notifier.waitUntilHealthy()
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...(60 + 40 * round), using: &generator)))
            notifier.signal(SIGKILL)
            _ = await notifier.waitForExit()
        }
        let last = try ServiceProcess(.notification, home: home, environment: staff)
        defer { Task { await last.terminate() } }
        _ = try await last.waitUntilHealthy()
        let outbox = try await RPCClient.connect(socketPath: home.socket("notification"))
        var rows: [NotificationInterface.Notification] = []
        for _ in 0..<200 {
            rows = try await outbox.call(NotificationInterface.List.self, .init(limit: 500)).notifications
            if rows.count == 120, rows.allSatisfy({ $0.state == .sent }) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(rows.count == 120, "40 forms × (contact + 2 staff)")
        #expect(rows.allSatisfy { $0.state == .sent })
        let files = try self.maildirFiles(home)
        #expect(files.count == 120)
        let ids = try files.values.map { try #require(try ParsedMessage($0).headers["Message-ID"]) }
        #expect(Set(ids) == Set(rows.map(\.messageId)), "one file per outbox row, named by its Message-ID")
        let tmp = (try? FileManager.default.contentsOfDirectory(atPath: "\(home.path)/mail/Maildir/tmp")) ?? []
        #expect(tmp.count <= 1, "at most the one message being written at the last kill is left in tmp/")
        await outbox.close()
    }
}
